import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** The tty the driver opens (a symlink to /dev/pts/N). */
  hostPath: string;
  /** The tty the simulator opens. */
  devicePath: string;
  /** Kills socat (which cuts the line for both ends) and removes the links. Safe to call twice. */
  close(): Promise<void>;
}

export interface PtyPairOptions {
  /** How long to wait for socat to create both links. */
  timeoutMs?: number;
  /** Where the links go; default a fresh temporary folder. */
  dir?: string;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Two connected pseudo-terminals from `socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`:
 * real ttys for the real serialport binding, no hardware needed.
 */
export async function startPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'pty-pair-')));
  const ownsDir = options.dir === undefined;
  const hostPath = join(dir, 'host');
  const devicePath = join(dir, 'device');
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 1000);
      await exited;
      clearTimeout(killer);
    }
    if (ownsDir) await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  // socat logs "starting data transfer loop" once both ptys exist; the links are the real proof.
  while (!(
    stderr.includes('starting data transfer loop') &&
    (await exists(hostPath)) &&
    (await exists(devicePath))
  )) {
    if (spawnError || child.exitCode !== null) {
      await close();
      throw new Error(`socat failed: ${spawnError?.message ?? stderr.trim()}`);
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`socat did not create the pty links in time: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { hostPath, devicePath, close };
}
