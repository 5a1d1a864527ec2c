import type { Completion, CompletionCode, Listener, StatusChangedEvent } from '../common/device';
import { failure, success } from '../common/device';
import type { Transport } from '../common/transport';
import type { FrameError } from './frame-codec';
import { encodeFrame, FrameParser } from './frame-codec';
import type {
  DataEntryOptions,
  DataEntryResult,
  PinEntryOptions,
  PinEntryResult,
  PinPad,
  PinPadCapabilities,
  PinPadEvent,
  PinPadStatus,
} from './pinpad';
import type { DeviceMessage, HostCommand } from './protocol';
import {
  DataEntryValue,
  DeviceMessage as DeviceMessageSchema,
  HelloValue,
  PROTOCOL_VERSION,
} from './protocol';
import { PinEntryValue } from './protocol';

export interface SerialPinPadOptions {
  /** How long hello/status/cancel may take before the pin pad counts as not answering. */
  commandTimeoutMs?: number;
  /** Extra wait past an entry's own timeout (which the pin pad enforces) before giving up. */
  entryGraceMs?: number;
  /**
   * After the link is lost or the pad stops answering, reopen / probe it with hello this often;
   * 0 turns reconnecting off.
   */
  reconnectIntervalMs?: number;
  /**
   * While online and idle, ask the pad for its status this often, so a dead line or a pad
   * that stopped answering is noticed before the next customer needs it; 0 turns it off.
   */
  healthCheckIntervalMs?: number;
}

/** Link health counters for technicians. */
export interface PinPadLinkStats {
  framesReceived: number;
  frameErrors: Record<FrameError, number>;
  invalidMessages: number;
  /** Reopen / hello attempts after the link was lost or the pad stopped answering. */
  reconnects: number;
}

type CommandBody = HostCommand extends infer C
  ? C extends unknown
    ? Omit<C, 't' | 'id'>
    : never
  : never;
type Reply = Extract<DeviceMessage, { t: 'cpl' }>;
type Failure = { code: Exclude<CompletionCode, 'success'>; errorDescription: string };
const fail = (code: Failure['code'], errorDescription: string): Failure => ({
  code,
  errorDescription,
});

interface Pending {
  resolve: (reply: Reply | { code: 'noReply' } | { code: 'linkLost' }) => void;
  timer: NodeJS.Timeout;
}

const NOT_CONNECTED: PinPadCapabilities = {
  plainEntry: false,
  pinEntry: false,
  pinFormats: [],
  dukpt: [],
};

/** Driver for an encrypting pin pad speaking the framed JSON protocol of docs/pinpad.md. */
export class SerialPinPad implements PinPad {
  readonly deviceClass = 'pinPad' as const;
  readonly stats: PinPadLinkStats = {
    framesReceived: 0,
    frameErrors: { badChecksum: 0, tooLong: 0, badJson: 0, strayBytes: 0 },
    invalidMessages: 0,
    reconnects: 0,
  };
  private state: PinPadStatus = { device: 'noDevice', entry: 'idle' };
  private caps: PinPadCapabilities = NOT_CONNECTED;
  private readonly listeners = new Set<Listener<PinPadEvent | StatusChangedEvent<PinPadStatus>>>();
  private readonly pending = new Map<number, Pending>();
  private readonly parser: FrameParser;
  private readonly options: Required<SerialPinPadOptions>;
  private nextId = 1;
  private activeEntryId: number | undefined;
  private wanted = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private healthTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transport: Transport,
    options: SerialPinPadOptions = {},
  ) {
    this.options = {
      commandTimeoutMs: options.commandTimeoutMs ?? 2000,
      entryGraceMs: options.entryGraceMs ?? 2000,
      reconnectIntervalMs: options.reconnectIntervalMs ?? 1000,
      healthCheckIntervalMs: options.healthCheckIntervalMs ?? 5000,
    };
    this.parser = new FrameParser(
      (message) => this.onFrame(message),
      (error) => this.stats.frameErrors[error]++,
    );
    transport.onData((bytes) => this.parser.push(bytes));
    transport.onClose((error) => this.onLinkLost(error));
  }

  async open(): Promise<Completion> {
    this.wanted = true;
    this.stopReconnecting();
    return this.connect();
  }

  async close(): Promise<void> {
    this.wanted = false;
    this.stopReconnecting();
    clearInterval(this.healthTimer);
    this.healthTimer = undefined;
    this.failAllPending('linkLost');
    await this.transport.close();
    this.caps = NOT_CONNECTED;
    this.setStatus({ device: 'noDevice', entry: 'idle' });
  }

  status(): PinPadStatus {
    return { ...this.state };
  }

  capabilities(): PinPadCapabilities {
    return { ...this.caps, pinFormats: [...this.caps.pinFormats], dukpt: [...this.caps.dukpt] };
  }

  on(listener: Listener<PinPadEvent | StatusChangedEvent<PinPadStatus>>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends the entry in flight; it completes with `canceled`. */
  cancel(): void {
    if (this.activeEntryId === undefined) return;
    void this.send({ cmd: 'cancel' }, this.options.commandTimeoutMs);
  }

  async dataEntry(options: DataEntryOptions): Promise<Completion<DataEntryResult>> {
    const { maxLength, timeoutMs } = options;
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > 64) {
      return failure('invalidData', 'maxLength must be 1 to 64');
    }
    return this.entry(
      'plain',
      { cmd: 'dataEntry', maxLength, timeoutMs: Math.round(timeoutMs) },
      timeoutMs,
      (value) => DataEntryValue.safeParse(value),
    );
  }

  async pinEntry(options: PinEntryOptions): Promise<Completion<PinEntryResult>> {
    const { pan, minLength, maxLength, format, timeoutMs } = options;
    if (!/^\d{8,19}$/.test(pan)) return failure('invalidData', 'PAN must be 8 to 19 digits');
    if (!(4 <= minLength && minLength <= maxLength && maxLength <= 12)) {
      return failure('invalidData', 'PIN length limits must satisfy 4 <= min <= max <= 12');
    }
    if (!this.caps.pinFormats.includes(format)) {
      return failure('unsupportedCommand', `PIN block format ${format} is not supported`);
    }
    const command = {
      cmd: 'pinEntry' as const,
      pan,
      minLength,
      maxLength,
      format,
      timeoutMs: Math.round(timeoutMs),
    };
    return this.entry('pin', command, timeoutMs, (value) => {
      const parsed = PinEntryValue.safeParse(value);
      return parsed.success && parsed.data.format !== format ? { success: false as const } : parsed;
    });
  }

  private async entry<T>(
    mode: 'plain' | 'pin',
    command: CommandBody,
    timeoutMs: number,
    parse: (value: unknown) => { success: true; data: T } | { success: false },
  ): Promise<Completion<T>> {
    if (this.state.device !== 'online') {
      return failure('deviceNotReady', `pin pad is ${this.state.device}`);
    }
    if (this.activeEntryId !== undefined) {
      return failure('deviceNotReady', 'another entry is in progress');
    }
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 600_000) {
      return failure('invalidData', 'timeoutMs must be 1 to 600000');
    }
    const id = this.nextId;
    this.activeEntryId = id;
    this.setStatus({ ...this.state, entry: mode });
    try {
      const reply = await this.send(command, timeoutMs + this.options.entryGraceMs);
      if (reply.code !== 'success') return reply;
      const parsed = parse(reply.value);
      if (!parsed.success) {
        this.stats.invalidMessages++;
        return failure('hardwareError', 'pin pad sent a malformed result');
      }
      return success(parsed.data);
    } finally {
      this.activeEntryId = undefined;
      if (this.state.entry !== 'idle') this.setStatus({ ...this.state, entry: 'idle' });
    }
  }

  private async connect(): Promise<Completion> {
    try {
      await this.transport.open();
    } catch {
      this.setStatus({
        device: 'noDevice',
        entry: 'idle',
        lastError: this.error('cannot open link'),
      });
      this.scheduleReconnect();
      return failure('deviceNotReady', `cannot open ${this.transport.description}`);
    }
    this.parser.reset();
    const reply = await this.send({ cmd: 'hello' }, this.options.commandTimeoutMs);
    if (reply.code !== 'success') {
      this.scheduleReconnect(); // keep probing: the pad may still be powering up
      return reply;
    }
    const hello = HelloValue.safeParse(reply.value);
    if (!hello.success || hello.data.protocol !== PROTOCOL_VERSION) {
      this.stats.invalidMessages++;
      this.setStatus({
        ...this.state,
        device: 'hardwareError',
        lastError: this.error('bad hello'),
      });
      return failure('hardwareError', 'pin pad sent a malformed hello');
    }
    const { model, serial, pinFormats, dukpt } = hello.data;
    this.caps = {
      plainEntry: true,
      pinEntry: pinFormats.length > 0,
      pinFormats,
      dukpt,
      model,
      serial,
    };
    this.setStatus({ device: 'online', entry: 'idle' });
    this.startHealthChecks();
    return success(undefined);
  }

  /** Sends one command and resolves with its completion, never rejects. */
  private async send(
    command: CommandBody,
    timeoutMs: number,
  ): Promise<Extract<Reply, { code: 'success' }> | Failure> {
    const id = this.nextId++;
    if (this.nextId > 0x7fffffff) this.nextId = 1;
    const reply = await new Promise<Reply | { code: 'noReply' } | { code: 'linkLost' }>(
      (resolve) => {
        const timer = setTimeout(() => {
          this.pending.delete(id);
          resolve({ code: 'noReply' });
        }, timeoutMs);
        this.pending.set(id, { resolve, timer });
        this.transport.write(encodeFrame({ t: 'cmd', id, ...command })).catch(() => {
          clearTimeout(timer);
          this.pending.delete(id);
          resolve({ code: 'linkLost' });
        });
      },
    );
    if (reply.code === 'noReply') {
      this.setStatus({ ...this.state, device: 'offline', lastError: this.error('no answer') });
      if (command.cmd !== 'hello') this.scheduleReconnect();
      return fail('hardwareError', 'pin pad did not answer');
    }
    if (reply.code === 'linkLost') return fail('hardwareError', 'link to pin pad lost');
    if (reply.code === 'success') return reply;
    return fail(reply.code, reply.error);
  }

  private onFrame(raw: unknown): void {
    this.stats.framesReceived++;
    const parsed = DeviceMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.stats.invalidMessages++;
      return;
    }
    const message = parsed.data;
    if (this.state.device === 'offline' && this.caps !== NOT_CONNECTED) {
      this.setStatus({ ...this.state, device: 'online' });
    }
    if (message.t === 'cpl') {
      const pending = this.pending.get(message.id);
      if (!pending) return; // late answer to a command we already gave up on
      clearTimeout(pending.timer);
      this.pending.delete(message.id);
      pending.resolve(message);
      return;
    }
    if (message.evt === 'keyPressed') {
      if (this.state.entry === 'plain') {
        this.emit({ type: 'keyPressed', mode: 'plain', key: message.key });
      }
    } else if (this.state.entry === 'pin') {
      this.emit({ type: 'keyPressed', mode: 'pin', digits: message.digits, key: message.key });
    }
  }

  private onLinkLost(error?: Error): void {
    this.parser.reset();
    this.failAllPending('linkLost');
    if (!this.wanted) return;
    this.setStatus({
      device: 'offline',
      entry: 'idle',
      lastError: this.error(error ? 'link lost' : 'link closed'),
    });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.wanted || this.options.reconnectIntervalMs <= 0 || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.wanted || this.state.device === 'online') return;
      this.stats.reconnects++;
      void this.connect();
    }, this.options.reconnectIntervalMs);
  }

  private startHealthChecks(): void {
    if (this.healthTimer || this.options.healthCheckIntervalMs <= 0) return;
    this.healthTimer = setInterval(() => {
      const idle = this.activeEntryId === undefined && this.pending.size === 0;
      if (this.wanted && idle && this.state.device === 'online') {
        void this.send({ cmd: 'status' }, this.options.commandTimeoutMs);
      }
    }, this.options.healthCheckIntervalMs);
    this.healthTimer.unref();
  }

  private stopReconnecting(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  private failAllPending(code: 'linkLost' | 'noReply'): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.resolve({ code });
    }
  }

  private setStatus(next: PinPadStatus): void {
    const before = JSON.stringify(this.state);
    this.state = next;
    if (JSON.stringify(next) !== before)
      this.emit({ type: 'statusChanged', status: this.status() });
  }

  private emit(event: PinPadEvent | StatusChangedEvent<PinPadStatus>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // one faulty subscriber must not stop the others or the driver
      }
    }
  }

  private error(description: string): { description: string; at: string } {
    return { description, at: new Date().toISOString() };
  }
}
