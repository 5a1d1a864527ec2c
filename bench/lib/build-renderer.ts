import { spawnSync } from 'node:child_process';
import { ROOT } from './optional-module';

/** Builds the renderer the figures measure. Not timed: cold start starts from a built UI. */
export function buildRenderer(): void {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('the renderer build failed; see above');
}
