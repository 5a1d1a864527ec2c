import type { Transport } from '../../devices/common/transport';
import { statusByte } from '../../devices/printer/escpos-status';
import { EscPosParser, type EscPosEvent } from './escpos-parser';
import { ReceiptAssembler } from './receipt-assembler';
import { renderReceiptsHtml } from './receipt-html';
import type { PrintedReceipt } from './receipt-model';

export type PaperLevel = 'ok' | 'nearEnd' | 'out';

export interface PrinterSimulatorOptions {
  /** Characters per line the host formats for; used to read alignment back from padding. */
  columns?: number;
  paper?: PaperLevel;
}

export interface SlowDevice {
  /** Extra delay before each chunk the simulator receives is processed. */
  perChunkMs?: number;
  /** Extra delay per byte of each chunk (a slow print head or a congested line). */
  perByteMs?: number;
}

export interface SimulatorStats {
  bytesReceived: number;
  statusQueries: number;
  /** Bytes that were neither printable nor a known command. */
  garbageBytes: number;
}

/**
 * An ESC/POS receipt printer at the byte level. Bytes in (from any Transport end) become
 * parsed receipts; DLE EOT questions are answered from the simulated state. While the printer
 * cannot print (paper out, cover open, offline) the print data waits in its buffer and comes
 * out once the condition clears, as on a real printer; status questions are still answered.
 */
export class PrinterSimulator {
  readonly receipts: PrintedReceipt[] = [];
  readonly stats: SimulatorStats = { bytesReceived: 0, statusQueries: 0, garbageBytes: 0 };
  private readonly columns: number;
  private readonly parser = new EscPosParser();
  private readonly assembler: ReceiptAssembler;
  private paper: PaperLevel;
  private coverOpen = false;
  private offline = false;
  private powered = true;
  private cutterError = false;
  private paperOutAfter: number | undefined;
  private held: EscPosEvent[] = [];
  private slow: Required<SlowDevice> = { perChunkMs: 0, perByteMs: 0 };
  private inbox: Uint8Array[] = [];
  private pumping = false;
  private endpoint: Transport | undefined;
  private detach: Array<() => void> = [];
  private garbageBeforeReplies: Uint8Array | undefined;
  private garbageRepliesLeft = 0;
  private readonly outputs = new Set<(data: Uint8Array) => void>();

  constructor(options: PrinterSimulatorOptions = {}) {
    this.columns = options.columns ?? 42;
    this.paper = options.paper ?? 'ok';
    this.assembler = new ReceiptAssembler(this.columns, (receipt) => this.receipts.push(receipt));
  }

  // ---- wiring ------------------------------------------------------------------------------

  /** Serve the device end of a link (memory pair end, serial port, accepted socket). Opens it if needed. */
  async attach(endpoint: Transport): Promise<void> {
    this.release();
    this.endpoint = endpoint;
    this.detach.push(
      endpoint.onData((data) => this.receive(data)),
      endpoint.onClose(() => {
        if (this.endpoint === endpoint) this.release();
      }),
    );
    if (!endpoint.isOpen) await endpoint.open();
  }

  /** Unplug: close the device end; the host sees the link go away. */
  async disconnect(): Promise<void> {
    const endpoint = this.endpoint;
    this.release();
    if (endpoint?.isOpen) await endpoint.close();
  }

  /** Plug back in: re-open the same end (or attach a new one). */
  async reconnect(endpoint?: Transport): Promise<void> {
    const target = endpoint ?? this.lastEndpoint;
    if (!target) throw new Error('nothing to reconnect to');
    await this.attach(target);
  }

  /** Everything the printer sends (status answers, garbage) also goes here; for direct use without a transport. */
  onSend(listener: (data: Uint8Array) => void): () => void {
    this.outputs.add(listener);
    return () => this.outputs.delete(listener);
  }

  /** Bytes from the host. Processed at once, or after the configured slow-device delay. */
  receive(data: Uint8Array): void {
    this.inbox.push(Uint8Array.from(data));
    if (!this.pumping) this.pump();
  }

  // ---- fault injection ---------------------------------------------------------------------

  setPaper(level: PaperLevel): void {
    this.paper = level;
    this.releaseHeld();
  }

  setCoverOpen(open: boolean): void {
    this.coverOpen = open;
    this.releaseHeld();
  }

  /** The printer's own offline state (e.g. after an error or the feed button): still answers status. */
  setOffline(offline: boolean): void {
    this.offline = offline;
    this.releaseHeld();
  }

  /** Switched off at the printer while the cable stays in: nothing answers, everything is lost. */
  setPowered(powered: boolean): void {
    this.powered = powered;
  }

  setCutterError(error: boolean): void {
    this.cutterError = error;
  }

  /** The roll runs out after this many more printed lines (mid-job paper out). */
  runOutOfPaperAfterLines(lines: number): void {
    this.paperOutAfter = this.assembler.printedLineCount + lines;
  }

  setSlow(slow: SlowDevice): void {
    this.slow = { perChunkMs: slow.perChunkMs ?? 0, perByteMs: slow.perByteMs ?? 0 };
  }

  /** Unsolicited noise towards the host, e.g. line noise or a printer rebooting. */
  sendGarbage(bytes: Uint8Array): void {
    this.send(bytes);
  }

  /**
   * The next `replies` status answers (default: all) are preceded by these bytes (noise on the
   * line, partial frames).
   */
  setGarbageBeforeReplies(bytes: Uint8Array | undefined, replies = Infinity): void {
    this.garbageBeforeReplies = bytes;
    this.garbageRepliesLeft = replies;
  }

  // ---- inspection --------------------------------------------------------------------------

  /** Printed since the last cut (not yet a receipt). */
  currentReceipt(): PrintedReceipt {
    return this.assembler.current();
  }

  /** Print data waiting because the printer cannot print right now. */
  get heldEvents(): number {
    return this.held.length;
  }

  renderHtml(): string {
    const current = this.currentReceipt();
    // Feeds after the last cut leave blank lines behind; they are not a receipt of their own.
    const hasContent = current.items.some((item) => item.kind === 'qr' || item.text !== '');
    return renderReceiptsHtml(
      hasContent ? [...this.receipts, current] : this.receipts,
      this.columns,
    );
  }

  /** The byte this printer answers to DLE EOT n. */
  statusAnswer(n: number): number {
    const paperOut = this.paper === 'out';
    switch (n) {
      case 1:
        return statusByte(
          this.offline || this.coverOpen || paperOut || this.cutterError ? 0x08 : 0,
        );
      case 2:
        return statusByte(
          (this.coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (this.cutterError ? 0x40 : 0),
        );
      case 3:
        return statusByte(this.cutterError ? 0x08 : 0);
      case 4:
        return statusByte((this.paper === 'nearEnd' ? 0x0c : 0) | (paperOut ? 0x6c : 0));
      default:
        return statusByte(0);
    }
  }

  // ---- internals ---------------------------------------------------------------------------

  private lastEndpoint: Transport | undefined;

  private release(): void {
    for (const off of this.detach.splice(0)) off();
    if (this.endpoint) this.lastEndpoint = this.endpoint;
    this.endpoint = undefined;
  }

  private pump(): void {
    this.pumping = true;
    while (this.inbox.length) {
      const chunk = this.inbox[0]!;
      const delay = this.slow.perChunkMs + this.slow.perByteMs * chunk.length;
      if (delay > 0) {
        setTimeout(() => {
          this.inbox.shift();
          this.process(chunk);
          this.pump();
        }, delay);
        return;
      }
      this.inbox.shift();
      this.process(chunk);
    }
    this.pumping = false;
  }

  private process(chunk: Uint8Array): void {
    if (!this.powered) return;
    this.stats.bytesReceived += chunk.length;
    for (const event of this.parser.feed(chunk)) {
      if (event.type === 'statusQuery') {
        this.stats.statusQueries += 1;
        if (this.garbageBeforeReplies && this.garbageRepliesLeft > 0) {
          this.garbageRepliesLeft -= 1;
          this.send(this.garbageBeforeReplies);
        }
        this.send(Uint8Array.of(this.statusAnswer(event.n)));
      } else if (event.type === 'garbage') {
        this.stats.garbageBytes += 1;
      } else if (event.type !== 'ignored') {
        this.held.push(event);
      }
    }
    this.releaseHeld();
  }

  private canPrint(): boolean {
    return (
      this.powered && !this.offline && !this.coverOpen && this.paper !== 'out' && !this.cutterError
    );
  }

  private releaseHeld(): void {
    while (this.held.length && this.canPrint()) {
      this.assembler.apply(this.held.shift()!);
      if (
        this.paperOutAfter !== undefined &&
        this.assembler.printedLineCount >= this.paperOutAfter
      ) {
        this.paperOutAfter = undefined;
        this.paper = 'out';
      }
    }
  }

  private send(bytes: Uint8Array): void {
    for (const listener of this.outputs) listener(bytes);
    const endpoint = this.endpoint;
    if (endpoint?.isOpen) endpoint.write(bytes).catch(() => undefined);
  }
}

export function createPrinterSimulator(options?: PrinterSimulatorOptions): PrinterSimulator {
  return new PrinterSimulator(options);
}
