/** Entry of `npm run package:electron` (after `npm run build`). Optional: `--arch=arm64`. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageKiosk } from './package-kiosk';

const { values } = parseArgs({ options: { arch: { type: 'string' } } });
const root = resolve(import.meta.dirname, '../..');

packageKiosk(root, values.arch).then(
  (appDirs) => {
    for (const dir of appDirs) console.log(`Packaged kiosk with fuses set: ${dir}`);
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  },
);
