import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable if it is really on disk. Electron 42+ downloads its binary lazily on
 * first use; on machines without that download we must not trigger it, so we only look.
 */
export function findElectronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pathFile = join(packageDir, 'path.txt');
    const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
    const binary = override ? join(override, executable) : join(packageDir, 'dist', executable);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
