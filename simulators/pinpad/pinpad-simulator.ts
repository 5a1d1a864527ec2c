import { randomInt } from 'node:crypto';
import type { Transport } from '../../devices/common/transport';
import { encodeFrame, FrameParser } from '../../devices/pinpad/frame-codec';
import type {
  DeviceFailureCode,
  EntryMode,
  HelloValue,
  PinBlockFormat,
  PlainKey,
} from '../../devices/pinpad/protocol';
import { HostCommand, PROTOCOL_VERSION } from '../../devices/pinpad/protocol';
import { SimulatedDukptKeys, type DukptKeyOptions } from './simulated-dukpt-keys';

export { TEST_KEYS } from './simulated-dukpt-keys';

export interface PinPadSimulatorOptions extends DukptKeyOptions {
  serial?: string;
}

interface PlainEntry {
  kind: 'plain';
  id: number;
  maxLength: number;
  digits: string;
  timer: NodeJS.Timeout;
}

interface PinEntry {
  kind: 'pin';
  id: number;
  pan: string;
  minLength: number;
  maxLength: number;
  format: PinBlockFormat;
  /** The clear PIN: exists only here, inside the simulated secure boundary. */
  digits: string[];
  timer: NodeJS.Timeout;
}

/**
 * Software double of an encrypting pin pad at the byte level. It plays the secure device:
 * keys pressed on it (from tests or the control panel) become key-count events on the wire,
 * and the PIN leaves it only as a PIN block enciphered under the DUKPT key of the next KSN.
 * Holds the initial keys derived from test BDKs at construction, plus the KSN counters.
 */
export class PinPadSimulator {
  private readonly keys: SimulatedDukptKeys;
  private readonly serial: string;
  private readonly parser: FrameParser;
  private entry: PlainEntry | PinEntry | undefined;
  private outbox: Promise<void> = Promise.resolve();
  /** Counts link losses: output queued before one belongs to a host that is gone. */
  private connection = 0;
  private unsubscribe: (() => void)[] = [];
  /** Faults, settable at any time. */
  readonly faults = { responseDelayMs: 0, byteByByte: false, silent: false };
  /** Frames the simulator could not read, for assertions in tests. */
  readonly received = { commands: 0, rejected: 0 };

  constructor(
    private readonly link: Transport,
    options: PinPadSimulatorOptions = {},
  ) {
    this.keys = new SimulatedDukptKeys(options);
    this.serial = options.serial ?? 'SIM-EPP-0001';
    this.parser = new FrameParser(
      (message) => this.onCommand(message),
      () => this.received.rejected++,
    );
  }

  /** Starts listening on the link (opening it if needed). */
  async start(): Promise<void> {
    if (this.unsubscribe.length === 0) {
      this.unsubscribe = [
        this.link.onData((bytes) => this.parser.push(bytes)),
        this.link.onClose(() => this.onLinkClosed()),
      ];
    }
    if (!this.link.isOpen) await this.link.open();
  }

  async stop(): Promise<void> {
    this.abortEntry();
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    await this.outbox;
    await this.link.close();
  }

  get mode(): EntryMode {
    return this.entry?.kind ?? 'idle';
  }

  /** Digits entered so far in the current entry (a count only: what a display would show). */
  get digitsEntered(): number {
    return this.entry?.digits.length ?? 0;
  }

  /** KSNs the next PIN blocks will use are strictly after these. */
  get lastKsn(): { tdes: string; aes: string } {
    return this.keys.lastKsn;
  }

  /** A key press on the pad. Returns false when the keys are disabled (no entry active). */
  press(key: PlainKey): boolean {
    const entry = this.entry;
    if (!entry) return false;
    if (entry.kind === 'plain') this.pressPlain(entry, key);
    else this.pressPin(entry, key);
    return true;
  }

  /** Presses each character: digits, and `E` enter, `C` clear, `B` backspace, `X` cancel. */
  type(keys: string): void {
    const names: Record<string, PlainKey> = {
      E: 'enter',
      C: 'clear',
      B: 'backspace',
      X: 'cancel',
    };
    for (const char of keys) this.press((names[char] ?? char) as PlainKey);
  }

  /** Fault: bytes on the line that are no frame (line noise, a half frame). */
  async sendGarbage(bytes: Uint8Array): Promise<void> {
    await this.write(Buffer.from(bytes));
  }

  private pressPlain(entry: PlainEntry, key: PlainKey): void {
    this.send({ t: 'evt', evt: 'keyPressed', mode: 'plain', key });
    if (key === 'cancel') return this.finish(entry, 'canceled', 'canceled on the keypad');
    if (key === 'enter') {
      return this.complete(entry, { digits: entry.digits, terminatedBy: 'enter' });
    }
    if (key === 'clear') entry.digits = '';
    else if (key === 'backspace') entry.digits = entry.digits.slice(0, -1);
    else entry.digits += key;
    if (entry.digits.length >= entry.maxLength) {
      this.complete(entry, { digits: entry.digits, terminatedBy: 'maxLength' });
    }
  }

  private pressPin(entry: PinEntry, key: PlainKey): void {
    const event = (pressed: 'digit' | Exclude<PlainKey, `${number}`>) =>
      this.send({ t: 'evt', evt: 'pinKey', digits: entry.digits.length, key: pressed });
    switch (key) {
      case 'cancel':
        event('cancel');
        return this.finish(entry, 'canceled', 'canceled on the keypad');
      case 'enter':
        event('enter');
        if (entry.digits.length >= entry.minLength) this.completePin(entry);
        return;
      case 'clear':
        entry.digits.length = 0;
        return event('clear');
      case 'backspace':
        entry.digits.pop();
        return event('backspace');
      default:
        if (entry.digits.length >= entry.maxLength) return; // a real pad just beeps
        entry.digits.push(key);
        return event('digit');
    }
  }

  private completePin(entry: PinEntry): void {
    const pin = entry.digits.join('');
    entry.digits.length = 0;
    try {
      const value = this.keys.pinBlock(entry.format, pin, entry.pan);
      this.complete(entry, { ...value, format: entry.format, digits: pin.length });
    } catch {
      this.finish(entry, 'hardwareError', 'DUKPT key exhausted');
    }
  }

  private onCommand(raw: unknown): void {
    if (this.faults.silent) return;
    const parsed = HostCommand.safeParse(raw);
    if (!parsed.success) {
      this.received.rejected++;
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
        this.reply(id, 'invalidData', 'malformed command');
      }
      return;
    }
    this.received.commands++;
    const command = parsed.data;
    switch (command.cmd) {
      case 'hello': {
        // A (re)connecting host knows of no entry: end any left over from before.
        if (this.entry) this.finish(this.entry, 'canceled', 'host reconnected');
        const value: HelloValue = {
          protocol: PROTOCOL_VERSION,
          model: 'BPJS-SIM-EPP',
          serial: this.serial,
          pinFormats: [0, 4],
          dukpt: ['tdes', 'aes128'],
        };
        return this.send({ t: 'cpl', id: command.id, code: 'success', value });
      }
      case 'status':
        return this.send({
          t: 'cpl',
          id: command.id,
          code: 'success',
          value: { entry: this.mode },
        });
      case 'cancel':
        if (this.entry) this.finish(this.entry, 'canceled', 'canceled by the host');
        return this.send({ t: 'cpl', id: command.id, code: 'success', value: null });
      case 'dataEntry':
        if (this.entry) return this.reply(command.id, 'deviceNotReady', 'entry in progress');
        this.entry = {
          kind: 'plain',
          id: command.id,
          maxLength: command.maxLength,
          digits: '',
          timer: this.entryTimer(command.timeoutMs),
        };
        return;
      case 'pinEntry':
        if (this.entry) return this.reply(command.id, 'deviceNotReady', 'entry in progress');
        if (command.minLength > command.maxLength) {
          return this.reply(command.id, 'invalidData', 'minLength exceeds maxLength');
        }
        this.entry = {
          kind: 'pin',
          id: command.id,
          pan: command.pan,
          minLength: command.minLength,
          maxLength: command.maxLength,
          format: command.format,
          digits: [],
          timer: this.entryTimer(command.timeoutMs),
        };
        return;
    }
  }

  private entryTimer(timeoutMs: number): NodeJS.Timeout {
    return setTimeout(() => {
      if (this.entry) this.finish(this.entry, 'timeOut', 'no entry completed in time');
    }, timeoutMs);
  }

  private complete(entry: PlainEntry | PinEntry, value: unknown): void {
    this.endEntry(entry);
    this.send({ t: 'cpl', id: entry.id, code: 'success', value });
  }

  private finish(entry: PlainEntry | PinEntry, code: DeviceFailureCode, error: string): void {
    this.endEntry(entry);
    this.reply(entry.id, code, error);
  }

  private endEntry(entry: PlainEntry | PinEntry): void {
    clearTimeout(entry.timer);
    if (entry.kind === 'pin') {
      entry.digits.length = 0;
      entry.pan = '';
    }
    if (this.entry === entry) this.entry = undefined;
  }

  /** Cable pulled: no entry, no half command and no queued output survive into the next link. */
  private onLinkClosed(): void {
    this.connection++;
    this.parser.reset();
    this.abortEntry();
  }

  private abortEntry(): void {
    if (this.entry) this.endEntry(this.entry);
  }

  private reply(id: number, code: DeviceFailureCode, error: string): void {
    this.send({ t: 'cpl', id, code, error });
  }

  private send(message: unknown): void {
    void this.write(encodeFrame(message));
  }

  /** Writes in order, with the slow-device faults applied. Drops bytes when the line is down. */
  private write(bytes: Buffer): Promise<void> {
    const { responseDelayMs, byteByByte } = this.faults;
    const connection = this.connection;
    this.outbox = this.outbox.then(async () => {
      if (responseDelayMs > 0) await sleep(responseDelayMs);
      const chunks = byteByByte ? [...bytes].map((b) => Buffer.from([b])) : [bytes];
      for (const chunk of chunks) {
        if (!this.link.isOpen || connection !== this.connection) return;
        await this.link.write(chunk).catch(() => undefined);
        if (byteByByte) await sleep(randomInt(0, 2));
      }
    });
    return this.outbox;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
