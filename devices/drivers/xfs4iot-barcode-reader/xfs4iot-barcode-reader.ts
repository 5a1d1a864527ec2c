import { maskKpj } from '../../../core/common/domain/mask';
import {
  failure,
  success,
  type Completion,
  type Listener,
  type StatusChangedEvent,
} from '../../common/device';
import { errorNote } from '../../common/line-device';
import { ExpiringValue, PendingRead } from '../../common/pending-read';
import type { Transport } from '../../common/transport';
import type { Scanner } from '../../scanner';
import { parseScannerPayload } from '../../scanner/scanner-payload';
import type {
  ScanSummary,
  ScannerCapabilities,
  ScannerEvent,
  ScannerStatus,
} from '../../scanner/scanner-types';
import type { Symbology } from '../../scanner/symbology';
import type { CommandOutcome } from '../../xfs4iot/client';
import { ArmedLoop } from '../../xfs4iot/armed-loop';
import { pause } from '../../xfs4iot/pause';
import { completionOf, ServiceDevice } from '../../xfs4iot/service-device';
import { BarcodeReadPayload, barcodeText, KPJ_SYMBOLOGIES, symbologyOf } from './barcode-payloads';

export interface Xfs4IoTBarcodeReaderOptions {
  transport: Transport;
  answerTimeoutMs: number;
  /** The `header.timeout` of each armed Read; it is sent again when it runs out. */
  armTimeoutMs?: number;
  /** Wait before arming again after the service failed a read. */
  retryMs?: number;
  /** A scanned KPJ not taken within this time is wiped. */
  kpjTtlMs?: number;
}

type ScannerDeviceEvent = ScannerEvent | StatusChangedEvent<ScannerStatus>;

/**
 * A barcode reader served over XFS4IoT (the BarcodeReader interface). While open it keeps one
 * BarcodeReader.Read for QR and Code 128 outstanding; each code read is parsed as a KPJ payload
 * (scanner-payload.ts): a masked summary in events, the KPJ once through takeKpj().
 */
export class Xfs4IoTBarcodeReader implements Scanner {
  readonly deviceClass = 'scanner' as const;
  private readonly service: ServiceDevice<ScannerStatus, ScannerEvent>;
  private readonly read = new PendingRead<ScanSummary>();
  private readonly kpj: ExpiringValue<string>;
  private readonly armTimeoutMs: number;
  private readonly retryMs: number;
  private readonly armed = new ArmedLoop((signal) => this.readRound(signal));
  private scannerWord = 'unknown';

  constructor(options: Xfs4IoTBarcodeReaderOptions) {
    this.armTimeoutMs = options.armTimeoutMs ?? 300_000;
    this.retryMs = options.retryMs ?? 1000;
    this.kpj = new ExpiringValue(options.kpjTtlMs ?? 60_000);
    this.service = new ServiceDevice<ScannerStatus, ScannerEvent>({
      transport: options.transport,
      interfaceName: 'BarcodeReader',
      initialStatus: { device: 'noDevice' },
      classStatus: (payload, current) => {
        const scanner = (payload.barcodeReader as { scanner?: unknown } | null | undefined)
          ?.scanner;
        if (typeof scanner === 'string') this.scannerWord = scanner.slice(0, 32);
        return current;
      },
      onLinkLost: () => this.linkLost(),
      answerTimeoutMs: options.answerTimeoutMs,
    });
  }

  on(listener: Listener<ScannerDeviceEvent>): () => void {
    return this.service.on(listener);
  }

  status(): ScannerStatus {
    return this.service.status();
  }

  capabilities(): ScannerCapabilities {
    return {
      mode: 'xfs4iot',
      transport: this.service.serviceUri,
      payloads: ['plain', 'prefixed', 'jmoUrl', 'jmoJson'],
      // The service names the symbology itself; no AIM identifier comes over XFS4IoT.
      aimIdentifiers: true,
    };
  }

  /** BarcodeReader status `scanner` (on / off / inoperative / unknown), for technicians. */
  get scannerState(): string {
    return this.scannerWord;
  }

  get serviceUri(): string {
    return this.service.serviceUri;
  }

  async open(): Promise<Completion> {
    this.armed.stop();
    const opened = await this.service.open();
    if (opened.code === 'success') this.armed.start();
    return opened;
  }

  async close(): Promise<void> {
    this.armed.stop();
    this.read.finish(failure('canceled', 'scan canceled'));
    this.kpj.wipe();
    await this.service.close();
  }

  cancel(): void {
    this.read.finish(failure('canceled', 'scan canceled'));
  }

  readKpj(timeoutMs = 30_000): Promise<Completion<ScanSummary>> {
    if (!this.service.transport.isOpen || !this.armed.running)
      return Promise.resolve(failure('deviceNotReady', 'scanner not connected'));
    return this.read.wait(
      timeoutMs,
      'another scan read is in progress',
      'nothing scanned within the time limit',
    );
  }

  takeKpj(): string | undefined {
    return this.kpj.take();
  }

  private async readRound(signal: AbortSignal): Promise<void> {
    const outcome = await this.service.command(
      'BarcodeReader.Read',
      { symbologies: KPJ_SYMBOLOGIES },
      { timeoutMs: this.armTimeoutMs },
    );
    if (!signal.aborted) await this.afterRead(outcome, signal);
  }

  private async afterRead(outcome: CommandOutcome, signal: AbortSignal): Promise<void> {
    if (outcome.completionCode === 'success') {
      const parsed = BarcodeReadPayload.safeParse(outcome.payload);
      if (!parsed.success) {
        this.note('BarcodeReader.Read: readOutput not in the XFS4IoT form');
        this.invalid('the reader sent a scan the kiosk cannot read');
        // A service that garbles every read would otherwise be asked again at once, forever.
        await pause(this.retryMs, signal);
        return;
      }
      const outputs = parsed.data.readOutput ?? [];
      if (outputs.length === 0) await pause(this.retryMs, signal);
      for (const output of outputs) {
        const text = output.barcodeData ? barcodeText(output.barcodeData) : null;
        if (text === null) this.invalid('the code holds no text');
        else this.scanned(text, symbologyOf(output.symbology));
      }
      return;
    }
    if (
      outcome.completionCode === 'commandErrorCode' &&
      outcome.payload.errorCode === 'barcodeInvalid'
    ) {
      this.invalid('the code could not be read');
      return;
    }
    if (outcome.completionCode === 'timeOut') return;
    const failed = completionOf('BarcodeReader.Read', outcome, () => undefined);
    if (failed.code !== 'success') {
      this.note(failed.errorDescription);
      this.read.finish(failure(failed.code, failed.errorDescription));
    }
    await pause(this.retryMs, signal);
  }

  private scanned(text: string, symbology: Symbology): void {
    const parsed = parseScannerPayload(text);
    if (!parsed.ok) {
      this.invalid(parsed.reason);
      return;
    }
    this.kpj.store(parsed.kpj);
    const scan: ScanSummary = { maskedKpj: maskKpj(parsed.kpj), source: parsed.source, symbology };
    this.service.emit({ type: 'scanned', scan });
    this.read.finish(success(scan));
  }

  private invalid(reason: string): void {
    this.service.emit({ type: 'invalidData', reason });
    this.read.finish(failure('invalidData', `not a KPJ payload: ${reason}`));
  }

  private note(description: string): void {
    this.service.setStatus({ ...this.status(), lastError: errorNote(description) });
  }

  private linkLost(): void {
    this.armed.stop();
    this.read.finish(failure('deviceNotReady', 'scanner disconnected'));
  }
}
