import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { BrainMessage, type BrainChildArgs, type DeviceState } from './brain-protocol';

const ROOT = resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 30_000;
const REPLY_TIMEOUT_MS = 10_000;

type Reply = Extract<BrainMessage, { type: 'reply' }>;

/**
 * The runner's handle on the brain child (brain-child.ts): start, SIGKILL, restart on the same
 * web port with the same UI secret. The child's stdout and stderr (its logs) are appended to
 * one log file across restarts.
 */
export class BrainProcess {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply | null) => void>();
  private readonly log: WriteStream;
  private port = 0;
  url = '';
  starts = 0;
  kills = 0;

  constructor(
    private readonly configPath: string,
    private readonly uiSecret: string,
    logPath: string,
  ) {
    this.log = createWriteStream(logPath, { flags: 'a' });
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  async start(): Promise<void> {
    const args: BrainChildArgs = {
      configPath: this.configPath,
      webPort: this.port,
      uiSecret: this.uiSecret,
    };
    const child = fork(join(ROOT, 'soak/brain-child.ts'), [JSON.stringify(args)], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stdout!.pipe(this.log, { end: false });
    child.stderr!.pipe(this.log, { end: false });
    child.on('message', (raw: unknown) => {
      const message = BrainMessage.safeParse(raw);
      if (message.success && message.data.type === 'reply') {
        this.pending.get(message.data.id)?.(message.data);
        this.pending.delete(message.data.id);
      }
    });
    child.on('exit', () => {
      for (const resolveReply of this.pending.values()) resolveReply(null);
      this.pending.clear();
    });
    const ready = await new Promise<BrainMessage>((resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`brain not ready within ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      const onMessage = (raw: unknown) => {
        const message = BrainMessage.safeParse(raw);
        if (!message.success || message.data.type === 'reply') return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolveReady(message.data);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`brain exited while starting (code ${code})`));
      });
    });
    if (ready.type === 'failed') throw new Error(`brain failed to start: ${ready.error}`);
    if (ready.type !== 'ready') throw new Error('brain sent no ready message');
    this.port = ready.port;
    this.url = ready.url;
    this.starts += 1;
  }

  /** kill -9, as a power cut or the OOM killer would; resolves once the process is gone. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.kill('SIGKILL');
    await exited;
    this.kills += 1;
  }

  async restartAfterKill9(): Promise<void> {
    await this.kill9();
    await this.start();
  }

  async rss(): Promise<number | null> {
    return (await this.request('memory'))?.rss ?? null;
  }

  async devices(): Promise<DeviceState[]> {
    return (await this.request('devices'))?.devices ?? [];
  }

  /** A clean stop (journal closed with kioskStopped); SIGKILL if it takes too long. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
      const killer = setTimeout(() => child.kill('SIGKILL'), REPLY_TIMEOUT_MS);
      void this.request('stop');
      await exited;
      clearTimeout(killer);
    }
    await new Promise<void>((resolveEnd) => this.log.end(() => resolveEnd()));
  }

  private request(cmd: 'memory' | 'devices' | 'stop'): Promise<Reply | null> {
    const child = this.child;
    if (!child?.connected) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolveReply) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolveReply(null);
      }, REPLY_TIMEOUT_MS);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        resolveReply(reply);
      });
      child.send({ id, cmd });
    });
  }
}
