import {
  failure,
  success,
  type Completion,
  type Listener,
  type StatusChangedEvent,
} from '../common/device';
import { maskKpj } from '../../core/common/domain/mask';
import { LineDevice } from '../common/line-device';
import { ExpiringValue, PendingRead } from '../common/pending-read';
import type { Transport } from '../common/transport';
import type { Scanner } from '.';
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
  /** Another framing (e.g. keyboard reports); takes the place of `mode`'s. */
  codec?: ScannerCodec;
  /** A scan whose terminator (or last report) does not come within this time is dropped. */
  scanTimeoutMs?: number;
  /** A scanned KPJ not taken within this time is wiped. */
  kpjTtlMs?: number;
}

type ScannerDeviceEvent = ScannerEvent | StatusChangedEvent<ScannerStatus>;

/**
 * Barcode / QR scanner yielding a KPJ from a KPJ card barcode or a JMO digital-card QR. Scanners
 * have no status query: the device counts as online while its link is open.
 */
export class FramedScanner implements Scanner {
  readonly deviceClass = 'scanner' as const;
  private readonly transport: Transport;
  private readonly codec: ScannerCodec;
  private readonly scanTimeoutMs: number;
  private readonly line: LineDevice<ScannerStatus, ScannerEvent>;
  private readonly read = new PendingRead<ScanSummary>();
  private readonly kpj: ExpiringValue<string>;
  private partialTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ScannerOptions) {
    this.transport = options.transport;
    this.line = new LineDevice<ScannerStatus, ScannerEvent>({
      transport: this.transport,
      initialStatus: { device: 'noDevice' },
      onData: (chunk) => this.accept(chunk),
      onLinkLost: (reason) => this.linkLost(reason),
    });
    this.codec =
      options.codec ??
      (options.mode === 'hid' ? new HidScanReportDecoder() : new ScannerLineDecoder());
    this.scanTimeoutMs = options.scanTimeoutMs ?? 500;
    this.kpj = new ExpiringValue(options.kpjTtlMs ?? 60_000);
  }

  on(listener: Listener<ScannerDeviceEvent>): () => void {
    return this.line.on(listener);
  }

  status(): ScannerStatus {
    return this.line.status();
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
    this.codec.reset();
    this.line.listen();
    const opened = await this.line.openTransport({ device: 'offline' });
    if (opened.code !== 'success') return opened;
    this.line.setStatus({ device: 'online' });
    return success(undefined);
  }

  async close(): Promise<void> {
    this.cancel();
    this.kpj.wipe();
    this.clearPartialTimer();
    await this.line.close({ device: 'noDevice' });
  }

  cancel(): void {
    this.read.finish(failure('canceled', 'scan canceled'));
  }

  /** Waits for the next accepted scan; masked summary, full KPJ from takeKpj(). */
  readKpj(timeoutMs = 30_000): Promise<Completion<ScanSummary>> {
    if (!this.transport.isOpen)
      return Promise.resolve(failure('deviceNotReady', 'scanner not connected'));
    return this.read.wait(
      timeoutMs,
      'another scan read is in progress',
      'nothing scanned within the time limit',
    );
  }

  /** The KPJ of the last accepted scan, for the session; cleared by this call. */
  takeKpj(): string | undefined {
    return this.kpj.take();
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
    this.kpj.store(parsed.kpj);
    const scan: ScanSummary = {
      maskedKpj: maskKpj(parsed.kpj),
      source: parsed.source,
      symbology: message.symbology,
    };
    this.line.emit({ type: 'scanned', scan });
    this.read.finish(success(scan));
  }

  private invalid(reason: string): void {
    this.line.emit({ type: 'invalidData', reason });
    this.read.finish(failure('invalidData', `not a KPJ payload: ${reason}`));
  }

  private linkLost(reason: string): void {
    this.codec.reset();
    this.clearPartialTimer();
    this.line.reportLinkLost(reason, { device: 'offline' });
    this.read.finish(failure('deviceNotReady', 'scanner disconnected'));
  }

  private clearPartialTimer(): void {
    if (this.partialTimer) clearTimeout(this.partialTimer);
    this.partialTimer = undefined;
  }
}
