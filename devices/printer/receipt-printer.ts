import {
  failure,
  success,
  type Completion,
  type Listener,
  type StatusChangedEvent,
} from '../common/device';
import { errorNote, LineDevice } from '../common/line-device';
import type { Transport } from '../common/transport';
import type { ReceiptPrinter } from '.';
import { TimedOut, withinTime } from '../common/within-time';
import {
  DEFAULT_ENCODING,
  encodeJobToEscPos,
  type EscPosEncodingOptions,
} from './escpos-job-encoder';
import { readStatus, type StatusReading } from './read-status';
import { StatusQuerier } from './status-query';
import type { PrintJob } from './print-job';
import type {
  PrintResult,
  ReceiptPrinterCapabilities,
  ReceiptPrinterEvent,
  ReceiptPrinterStatus,
} from './printer-types';

export interface ReceiptPrinterOptions {
  transport: Transport;
  encoding?: EscPosEncodingOptions;
  /** How long one DLE EOT question may wait for its answer before the printer counts as offline. */
  statusTimeoutMs?: number;
  /** From the first byte sent until the printer answers again after the job; else `timeOut`. */
  printTimeoutMs?: number;
  /** Bytes per write; cancel takes effect between chunks. */
  chunkSize?: number;
  /**
   * How long one chunk may take to be taken by the link (default 5000 ms, never past the print
   * timeout). A printer that stops taking data fails the job with `timeOut`, and its link is
   * dropped (reported `linkLost`, so the manager reopens it) to shed the stuck bytes.
   */
  writeTimeoutMs?: number;
  /** Background status polling while idle (paper low / out, cover); 0 turns it off. */
  pollIntervalMs?: number;
}

type PrinterEvent = ReceiptPrinterEvent | StatusChangedEvent<ReceiptPrinterStatus>;

const INITIAL_STATUS: ReceiptPrinterStatus = {
  device: 'noDevice',
  paper: 'unknown',
  cover: 'unknown',
};

/** An ESC/POS receipt printer on any Transport, status by DLE EOT, jobs as PrintJob. */
export class EscPosPrinter implements ReceiptPrinter {
  readonly deviceClass = 'receiptPrinter' as const;
  private readonly transport: Transport;
  private readonly encoding: Required<EscPosEncodingOptions>;
  private readonly statusTimeoutMs: number;
  private readonly printTimeoutMs: number;
  private readonly chunkSize: number;
  private readonly writeTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly querier: StatusQuerier;
  private readonly line: LineDevice<ReceiptPrinterStatus, ReceiptPrinterEvent>;
  private controller = new AbortController();
  private queue: Promise<unknown> = Promise.resolve();
  private busy = false;
  private poller: ReturnType<typeof setInterval> | undefined;
  /** Why this driver dropped its own link, reported as the link-lost reason. */
  private dropReason: string | undefined;

  constructor(options: ReceiptPrinterOptions) {
    this.transport = options.transport;
    this.encoding = { ...DEFAULT_ENCODING, ...options.encoding };
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000;
    this.printTimeoutMs = options.printTimeoutMs ?? 30_000;
    this.chunkSize = Math.max(options.chunkSize ?? 256, 1);
    this.writeTimeoutMs = options.writeTimeoutMs ?? 5000;
    this.pollIntervalMs = options.pollIntervalMs ?? 0;
    this.querier = new StatusQuerier(this.transport, { timeoutMs: this.statusTimeoutMs });
    this.line = new LineDevice<ReceiptPrinterStatus, ReceiptPrinterEvent>({
      transport: this.transport,
      initialStatus: INITIAL_STATUS,
      sameStatus: (a, b) =>
        a.device === b.device && a.paper === b.paper && a.cover === b.cover && a.fault === b.fault,
      statusChanged: (previous, next) => {
        if (next.paper === 'low' && previous.paper !== 'low') this.line.emit({ type: 'paperLow' });
        if (next.paper === 'out' && previous.paper !== 'out') this.line.emit({ type: 'paperOut' });
      },
      onData: (data) => this.querier.accept(data),
      onLinkLost: (closeReason) => {
        const reason = this.dropReason ?? closeReason;
        this.dropReason = undefined;
        this.querier.linkLost(reason);
        this.line.reportLinkLost(reason, { ...INITIAL_STATUS });
      },
    });
  }

  on(listener: Listener<PrinterEvent>): () => void {
    return this.line.on(listener);
  }

  status(): ReceiptPrinterStatus {
    return this.line.status();
  }

  capabilities(): ReceiptPrinterCapabilities {
    return {
      commandLanguage: 'esc-pos',
      printerModel: this.encoding.printerModel,
      columns: this.encoding.columns,
      qrCode: true,
      cutter: true,
      statusQuery: true,
      paperNearEndSensor: true,
      mediaTakenSensor: false,
      transport: this.transport.description,
    };
  }

  /** Bytes received that were not status answers (noise, garbage); for diagnostics. */
  get ignoredBytes(): number {
    return this.querier.ignoredBytes;
  }

  /**
   * Opens the link and asks the printer for its status. `deviceNotReady` if the link cannot be
   * opened or the printer does not answer; the link then stays open so a later
   * `refreshStatus()` or `print()` can find the printer back.
   */
  async open(): Promise<Completion> {
    const opened = await this.line.openTransport({ ...INITIAL_STATUS });
    if (opened.code !== 'success') return opened;
    this.line.listen();
    this.startPolling();
    const reading = await this.refreshStatus();
    if (reading.code !== 'success') return failure('deviceNotReady', reading.errorDescription);
    return success(undefined);
  }

  async close(): Promise<void> {
    this.stopPolling();
    this.cancel();
    await this.line.close({ ...INITIAL_STATUS });
  }

  cancel(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Asks the printer (DLE EOT 1..4) and updates status(); fails when it does not answer. */
  refreshStatus(): Promise<Completion<ReceiptPrinterStatus>> {
    return this.exclusive(async (signal) => {
      const reading = await this.read(signal, this.statusTimeoutMs);
      if (reading.kind === 'aborted') return failure('canceled', 'status query canceled');
      if (reading.kind !== 'status') return failure('timeOut', reading.description);
      return success(this.status());
    });
  }

  /** Checks status, refuses when not ready, sends the job, then confirms the printer is still fine. */
  print(job: PrintJob): Promise<Completion<PrintResult>> {
    return this.exclusive(async (signal) => {
      if (!this.transport.isOpen) return failure('deviceNotReady', 'printer not connected');
      const before = await this.read(signal, this.statusTimeoutMs);
      if (before.kind === 'aborted') return failure('canceled', 'print canceled');
      if (before.kind !== 'status') return failure('deviceNotReady', before.description);
      const refusal = this.refusal(before.status, 'before printing');
      if (refusal) return refusal;

      const bytes = encodeJobToEscPos(job, this.encoding);
      const deadline = Date.now() + this.printTimeoutMs;
      for (let offset = 0; offset < bytes.length; offset += this.chunkSize) {
        if (signal.aborted) return failure('canceled', 'print canceled');
        if (Date.now() > deadline)
          return failure('timeOut', 'printer did not take the job in time');
        const limitMs = Math.max(Math.min(this.writeTimeoutMs, deadline - Date.now()), 1);
        const chunk = bytes.subarray(offset, offset + this.chunkSize);
        try {
          await withinTime(this.transport.write(chunk), limitMs, `took no data for ${limitMs} ms`);
        } catch (error) {
          if (!(error instanceof TimedOut))
            return failure('deviceNotReady', 'link lost while printing');
          await this.dropStuckLink(`printer stopped taking data (${error.message})`);
          return failure('timeOut', `printer stopped taking data: ${error.message}`);
        }
      }

      // The printer answers DLE EOT only after the bytes before it, so this also waits for the job.
      const after = await this.read(signal, Math.max(deadline - Date.now(), 1));
      if (after.kind === 'aborted') return failure('canceled', 'print canceled');
      if (after.kind === 'linkDown') return failure('deviceNotReady', 'link lost while printing');
      if (after.kind === 'timeout')
        return failure('timeOut', 'printer did not confirm the job in time');
      const problem = this.refusal(after.status, 'while printing');
      if (problem) return problem;
      return success({ bytesSent: bytes.length });
    });
  }

  /** Closing the link is what frees a write the printer never takes; the manager reopens it. */
  private async dropStuckLink(reason: string): Promise<void> {
    this.dropReason = reason;
    await withinTime(this.transport.close(), this.writeTimeoutMs, 'close').catch(() => undefined);
    this.dropReason = undefined;
  }

  private refusal(status: ReceiptPrinterStatus, when: string): Completion<never> | undefined {
    if (status.device === 'hardwareError')
      return failure('hardwareError', `printer fault (${status.fault ?? 'unknown'}) ${when}`);
    if (status.paper === 'out') return failure('deviceNotReady', `paper out ${when}`);
    if (status.cover === 'open') return failure('deviceNotReady', `cover open ${when}`);
    if (status.device !== 'online')
      return failure('deviceNotReady', `printer ${status.device} ${when}`);
    return undefined;
  }

  private async read(signal: AbortSignal, firstTimeoutMs: number): Promise<StatusReading> {
    const reading = await readStatus(this.querier, signal, firstTimeoutMs);
    if (reading.kind === 'status') this.line.setStatus(reading.status);
    else if (reading.kind === 'timeout')
      this.line.setStatus({
        device: 'offline',
        paper: 'unknown',
        cover: 'unknown',
        lastError: errorNote(reading.description),
      });
    else if (reading.kind === 'linkDown')
      this.line.setStatus({ ...INITIAL_STATUS, lastError: errorNote(reading.description) });
    return reading;
  }

  private exclusive<T>(
    command: (signal: AbortSignal) => Promise<Completion<T>>,
  ): Promise<Completion<T>> {
    const signal = this.controller.signal;
    const run = async (): Promise<Completion<T>> => {
      if (signal.aborted) return failure('canceled', 'canceled before it started');
      this.busy = true;
      try {
        return await command(signal);
      } catch (error) {
        // Nothing a printer sends may crash the kiosk: report it as a hardware error instead.
        const reason = error instanceof Error ? error.message : 'unknown error';
        return failure('hardwareError', `printer driver error: ${reason}`);
      } finally {
        this.busy = false;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  private startPolling(): void {
    this.stopPolling();
    if (this.pollIntervalMs <= 0) return;
    this.poller = setInterval(() => {
      if (!this.busy && this.transport.isOpen) void this.refreshStatus();
    }, this.pollIntervalMs);
    this.poller.unref?.();
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }
}
