import {
  failure,
  success,
  type Completion,
  type Device,
  type Listener,
  type StatusChangedEvent,
} from '../common/device';
import type { Transport } from '../common/transport';
import { ListenerSet } from '../transports/listener-set';
import { HidScanReportDecoder } from './hid-pos-report';
import type { ScanMessage, ScannerCodec } from './scan-messages';
import { parseScannerPayload } from './scanner-payload';
import type {
  ScanSummary,
  ScannerCapabilities,
  ScannerEvent,
  ScannerStatus,
} from './scanner-types';
import { ScannerLineDecoder } from './serial-lines';

export interface ScannerOptions {
  transport: Transport;
  mode?: 'serial' | 'hid';
  /** A scan whose terminator (or last report) does not come within this time is dropped. */
  scanTimeoutMs?: number;
  /** A scanned KPJ not taken within this time is wiped. */
  kpjTtlMs?: number;
}

type ScannerDeviceEvent = ScannerEvent | StatusChangedEvent<ScannerStatus>;

interface PendingRead {
  resolve(result: Completion<ScanSummary>): void;
  timer: ReturnType<typeof setTimeout>;
}

const maskKpj = (kpj: string) => '*'.repeat(kpj.length - 4) + kpj.slice(-4);

/**
 * Barcode / QR scanner yielding a KPJ from a KPJ card barcode or a JMO digital-card QR. Scanners
 * have no status query: the device counts as online while its link is open.
 */
export class Scanner implements Device<ScannerStatus, ScannerCapabilities, ScannerEvent> {
  readonly deviceClass = 'scanner' as const;
  private readonly transport: Transport;
  private readonly codec: ScannerCodec;
  private readonly scanTimeoutMs: number;
  private readonly kpjTtlMs: number;
  private readonly events = new ListenerSet<[ScannerDeviceEvent]>();
  private current: ScannerStatus = { device: 'noDevice' };
  private pending: PendingRead | undefined;
  private kpj: string | undefined;
  private kpjTimer: ReturnType<typeof setTimeout> | undefined;
  private partialTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: Array<() => void> = [];
  private closing = false;

  constructor(options: ScannerOptions) {
    this.transport = options.transport;
    this.codec = options.mode === 'hid' ? new HidScanReportDecoder() : new ScannerLineDecoder();
    this.scanTimeoutMs = options.scanTimeoutMs ?? 500;
    this.kpjTtlMs = options.kpjTtlMs ?? 60_000;
  }

  on(listener: Listener<ScannerDeviceEvent>): () => void {
    return this.events.add(listener);
  }

  status(): ScannerStatus {
    return { ...this.current };
  }

  capabilities(): ScannerCapabilities {
    return {
      mode: this.codec.mode,
      transport: this.transport.description,
      payloads: ['plain', 'prefixed', 'jmoUrl', 'jmoJson'],
      aimIdentifiers: true,
    };
  }

  async open(): Promise<Completion> {
    this.closing = false;
    this.codec.reset();
    for (const off of this.unsubscribe.splice(0)) off();
    this.unsubscribe.push(
      this.transport.onData((chunk) => this.accept(chunk)),
      this.transport.onClose((error) => this.linkLost(error)),
    );
    if (!this.transport.isOpen) {
      try {
        await this.transport.open();
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'unknown error';
        this.setStatus({ device: 'offline', lastError: this.note(`cannot open link: ${reason}`) });
        return failure('deviceNotReady', `cannot open ${this.transport.description}: ${reason}`);
      }
    }
    this.setStatus({ device: 'online' });
    return success(undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.cancel();
    this.wipeKpj();
    this.clearPartialTimer();
    for (const off of this.unsubscribe.splice(0)) off();
    try {
      await this.transport.close();
    } catch {
      // Already gone.
    }
    this.setStatus({ device: 'noDevice' });
  }

  cancel(): void {
    this.finish(failure('canceled', 'scan canceled'));
  }

  /** Waits for the next accepted scan; masked summary, full KPJ from takeKpj(). */
  readKpj(timeoutMs = 30_000): Promise<Completion<ScanSummary>> {
    if (!this.transport.isOpen)
      return Promise.resolve(failure('deviceNotReady', 'scanner not connected'));
    if (this.pending)
      return Promise.resolve(failure('deviceNotReady', 'another scan read is in progress'));
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => this.finish(failure('timeOut', 'nothing scanned within the time limit')),
        timeoutMs,
      );
      this.pending = { resolve, timer };
    });
  }

  /** The KPJ of the last accepted scan, for the session; cleared by this call. */
  takeKpj(): string | undefined {
    const kpj = this.kpj;
    this.wipeKpj();
    return kpj;
  }

  private accept(chunk: Uint8Array): void {
    let messages: ScanMessage[];
    try {
      messages = this.codec.push(chunk);
    } catch {
      this.codec.reset();
      messages = [{ kind: 'malformed', reason: 'undecodable data' }];
    }
    for (const message of messages) this.handle(message);
    this.clearPartialTimer();
    if (this.codec.hasPartialScan()) {
      this.partialTimer = setTimeout(() => {
        this.codec.reset();
        this.handle({ kind: 'malformed', reason: 'scan incomplete (no terminator)' });
      }, this.scanTimeoutMs);
    }
  }

  private handle(message: ScanMessage): void {
    if (message.kind === 'malformed') {
      this.invalid(message.reason);
      return;
    }
    const parsed = parseScannerPayload(message.text);
    if (!parsed.ok) {
      this.invalid(parsed.reason);
      return;
    }
    this.wipeKpj();
    this.kpj = parsed.kpj;
    this.kpjTimer = setTimeout(() => this.wipeKpj(), this.kpjTtlMs);
    this.kpjTimer.unref?.();
    const scan: ScanSummary = {
      maskedKpj: maskKpj(parsed.kpj),
      source: parsed.source,
      symbology: message.symbology,
    };
    this.events.emit({ type: 'scanned', scan });
    this.finish(success(scan));
  }

  private invalid(reason: string): void {
    this.events.emit({ type: 'invalidData', reason });
    this.finish(failure('invalidData', `not a KPJ payload: ${reason}`));
  }

  private finish(result: Completion<ScanSummary>): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(result);
  }

  private linkLost(error?: Error): void {
    if (this.closing) return;
    const reason = error?.message ?? 'link closed';
    this.codec.reset();
    this.clearPartialTimer();
    this.setStatus({ device: 'offline', lastError: this.note(`link lost: ${reason}`) });
    this.events.emit({ type: 'linkLost', reason });
    this.finish(failure('deviceNotReady', 'scanner disconnected'));
  }

  private wipeKpj(): void {
    this.kpj = undefined;
    if (this.kpjTimer) clearTimeout(this.kpjTimer);
    this.kpjTimer = undefined;
  }

  private clearPartialTimer(): void {
    if (this.partialTimer) clearTimeout(this.partialTimer);
    this.partialTimer = undefined;
  }

  private note(description: string): { description: string; at: string } {
    return { description, at: new Date().toISOString() };
  }

  private setStatus(next: ScannerStatus): void {
    const previous = this.current;
    this.current = { ...next, lastError: next.lastError ?? previous.lastError };
    if (previous.device === this.current.device) return;
    this.events.emit({ type: 'statusChanged', status: this.status() });
  }
}
