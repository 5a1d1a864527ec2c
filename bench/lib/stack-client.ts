import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Participant } from './session-driver';
import type { ChildCommand, ChildEvent, ChildReply, MemoryReading } from './stack-protocol';
import { ROOT } from './optional-module';

type CommandBody = ChildCommand extends infer C
  ? C extends ChildCommand
    ? Omit<C, 'id'>
    : never
  : never;

/** The runner's handle on a forked kiosk stack (see stack-child.ts). */
export class KioskStack {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly hostUrl: string,
    readonly participant: Participant,
  ) {
    child.on('message', (message: ChildReply) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(message.error));
    });
    child.on('exit', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('kiosk stack exited'));
      this.pending.clear();
    });
  }

  /** With `externalHost`, the child runs no host simulator of its own and uses that one. */
  static async start(externalHost?: {
    hostUrl: string;
    participant: Participant;
    webPort?: number;
    uiSecret?: string;
  }): Promise<KioskStack> {
    const args = externalHost ? [JSON.stringify(externalHost)] : [];
    const child = fork(join(ROOT, 'bench/lib/stack-child.ts'), args, {
      cwd: ROOT,
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const ready = await new Promise<ChildEvent>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('kiosk stack not ready within 30 s')),
        30_000,
      );
      child.once('message', (message: ChildEvent) => {
        clearTimeout(timer);
        resolve(message);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`kiosk stack exited early (${code})`));
      });
    });
    if (ready.type === 'failed') {
      child.kill('SIGKILL');
      throw new Error(ready.error);
    }
    return new KioskStack(child, ready.url, ready.hostUrl, ready.participant);
  }

  request<T = unknown>(body: CommandBody): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...body, id } as ChildCommand);
    });
  }

  memory(): Promise<MemoryReading> {
    return this.request<MemoryReading>({ cmd: 'memory' });
  }

  /** SIGKILL, as a crash would: resolves once the process is gone. */
  async crash(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.request({ cmd: 'stop' }).catch(() => {});
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
