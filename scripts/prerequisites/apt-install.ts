import { spawnSync } from 'node:child_process';
import { aptSteps } from './system-packages';

/** Runs the apt-get steps without questions; true when every step succeeded. */
export function aptInstall(packages: readonly string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return aptSteps(packages).every(([command, ...args]) => {
    const result = spawnSync(command!, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    return !result.error && result.status === 0;
  });
}
