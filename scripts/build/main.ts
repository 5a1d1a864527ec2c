// `npm run build:app`: see production-build.ts.
import { resolve } from 'node:path';
import { buildProduction } from './production-build';

const result = await buildProduction(resolve(import.meta.dirname, '../..'));
const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
console.log(
  `dist/app: kiosk-web.mjs ${kib(result.bundles['kiosk-web'])}, kiosk-diag.mjs ${kib(result.bundles['kiosk-diag'])}; ` +
    `node_modules: ${result.packages.join(', ')}`,
);
