// `npm run package:deb`: the Debian package of the production build (see build-deb.ts), in dist/deb.
import { resolve, join } from 'node:path';
import { buildDeb } from './build-deb';

const root = resolve(import.meta.dirname, '../..');
const built = buildDeb({ root, distDir: join(root, 'dist'), outDir: join(root, 'dist/deb') });
console.log(`${built.path} (${(built.bytes / 1024 / 1024).toFixed(1)} MiB)`);
