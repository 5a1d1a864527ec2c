import type { Completion, CompletionCode, Listener } from '../common/device';
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
  PinPadDeviceEvent,
  PinPadStatus,
} from './pinpad';
import type { DeviceMessage, HostCommand } from './protocol';
import {
  DataEntryValue,
  DeviceMessage as DeviceMessageSchema,
  HelloValue,
  PROTOCOL_VERSION,
  StatusValue,
} from './protocol';
import { PinEntryValue } from './protocol';

export interface SerialPinPadOptions {
  /** How long hello/status/cancel may take before the pin pad counts as not answering. */
  commandTimeoutMs?: number;
  /** Extra wait past an entry's own timeout (which the pin pad enforces) before giving up. */
  entryGraceMs?: number;
}

/**
 * Frame-level counters for technicians (link losses and reconnects are counted by the
 * ManagedDevice that reopens the pad).
 */
export interface PinPadLinkStats {
  framesReceived: number;
  frameErrors: Record<FrameError, number>;
  invalidMessages: number;
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

/**
 * Driver for an encrypting pin pad speaking the framed JSON protocol of docs/pinpad.md. It
 * never reconnects by itself: a lost link or a pad that stops answering is reported as
 * `linkLost` (status `offline`), and whoever manages it (ManagedDevice) calls open() again.
 */
export class SerialPinPad implements PinPad {
  readonly deviceClass = 'pinPad' as const;
  readonly stats: PinPadLinkStats = {
    framesReceived: 0,
    frameErrors: { badChecksum: 0, tooLong: 0, badJson: 0, strayBytes: 0 },
    invalidMessages: 0,
  };
  private state: PinPadStatus = { device: 'noDevice', entry: 'idle' };
  private caps: PinPadCapabilities = NOT_CONNECTED;
  private readonly listeners = new Set<Listener<PinPadDeviceEvent>>();
  private readonly pending = new Map<number, Pending>();
  private readonly parser: FrameParser;
  private readonly options: Required<SerialPinPadOptions>;
  private nextId = 1;
  private activeEntryId: number | undefined;
  private wanted = false;

  constructor(
    private readonly transport: Transport,
    options: SerialPinPadOptions = {},
  ) {
    this.options = {
      commandTimeoutMs: options.commandTimeoutMs ?? 2000,
      entryGraceMs: options.entryGraceMs ?? 2000,
    };
    this.parser = new FrameParser(
      (message) => this.onFrame(message),
      (error) => this.stats.frameErrors[error]++,
    );
    transport.onData((bytes) => this.parser.push(bytes));
    transport.onClose((error) => this.onLinkLost(error));
  }

  /** Opens the link unless it is open (a pad that stopped answering) and says hello. */
  async open(): Promise<Completion> {
    this.wanted = true;
    return this.connect();
  }

  async close(): Promise<void> {
    this.wanted = false;
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

  on(listener: Listener<PinPadDeviceEvent>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Asks the pad for its status, for the manager's periodic health check while idle. A pad
   * that does not answer is reported `linkLost` like a pulled cable.
   */
  async checkHealth(): Promise<Completion> {
    if (this.state.device !== 'online') {
      return failure('deviceNotReady', `pin pad is ${this.state.device}`);
    }
    const reply = await this.send({ cmd: 'status' }, this.options.commandTimeoutMs);
    if (reply.code !== 'success') return reply;
    if (!StatusValue.safeParse(reply.value).success) {
      this.stats.invalidMessages++;
      return failure('hardwareError', 'pin pad sent a malformed status');
    }
    return success(undefined);
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
      if (!this.transport.isOpen) await this.transport.open();
    } catch {
      this.setStatus({
        device: 'noDevice',
        entry: 'idle',
        lastError: this.error('cannot open link'),
      });
      return failure('deviceNotReady', `cannot open ${this.transport.description}`);
    }
    this.parser.reset();
    const reply = await this.send({ cmd: 'hello' }, this.options.commandTimeoutMs);
    if (reply.code !== 'success') return reply; // the pad may still be powering up
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
      // A hello is answered by open()'s result; any other silence is news to the manager.
      if (command.cmd !== 'hello' && this.wanted) {
        this.emit({ type: 'linkLost', reason: 'pin pad did not answer' });
      }
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
    const reason = error ? 'link lost' : 'link closed';
    this.setStatus({ device: 'offline', entry: 'idle', lastError: this.error(reason) });
    this.emit({ type: 'linkLost', reason });
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

  private emit(event: PinPadDeviceEvent): void {
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
