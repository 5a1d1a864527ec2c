import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildProduction, type ProductionBuildResult } from './production-build';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The production build (dist/app and dist/renderer) in `<dir>/dist`, for a test. */
export async function buildForTest(dir: string): Promise<ProductionBuildResult> {
  const built = await buildProduction(ROOT, join(dir, 'dist'));
  await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '-c', 'renderer/vite.config.ts', '--outDir', join(dir, 'dist/renderer')].concat([
      '--emptyOutDir',
      '--logLevel',
      'error',
    ]),
    { cwd: ROOT },
  );
  return built;
}
