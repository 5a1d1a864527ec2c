import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when dist/renderer is missing or older than its sources. */
export function ensureRendererBuilt(root: string): void {
  const built = join(root, 'dist/renderer/index.html');
  const sources = [join(root, 'renderer'), join(root, 'core/common')];
  if (existsSync(built)) {
    const builtAt = statSync(built).mtimeMs;
    if (sources.every((dir) => newestMtime(dir) <= builtAt)) return;
  }
  console.log('Building the touchscreen UI…');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '-c', 'renderer/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The renderer build failed; see the output above.');
}
