import { spawnSync } from 'node:child_process';

/** Whether `socat` can run here (pty pairs for the serial device simulators). */
export function socatAvailable(): boolean {
  const result = spawnSync('socat', ['-V'], { stdio: 'ignore' });
  return !result.error && result.status === 0;
}
