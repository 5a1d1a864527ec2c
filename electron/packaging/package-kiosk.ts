/**
 * `npm run package:electron`: builds the app, then packages it for Linux with
 * @electron/packager (downloads the Electron binary unless it is cached) and flips the fuses.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packager } from '@electron/packager';
import { kioskPackagerOptions } from './packager-options';

/** Build outputs the package needs; `npm run build` makes them. */
export const REQUIRED_BUILD_OUTPUTS = [
  'dist-electron/main.js',
  'dist-electron/preload.cjs',
  'dist/renderer/index.html',
];

export async function packageKiosk(root: string, arch?: string): Promise<string[]> {
  const missing = REQUIRED_BUILD_OUTPUTS.filter((path) => !existsSync(join(root, path)));
  if (missing.length > 0)
    throw new Error(`Build outputs missing (run npm run build first): ${missing.join(', ')}`);
  return packager(kioskPackagerOptions({ root, ...(arch ? { arch } : {}) }));
}
