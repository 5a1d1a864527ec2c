import type { EscPosEvent } from './escpos-parser';
import type { Align, PrintedItem, PrintedLine, PrintedReceipt, TextRun } from './receipt-model';

interface Style {
  bold: boolean;
  width: number;
  height: number;
  align: Align;
}

const DEFAULT_STYLE: Style = { bold: false, width: 1, height: 1, align: 'left' };

/**
 * Turns parser events into printed lines, QR codes and cut receipts, the way the paper would
 * look. Hosts often align text by padding with spaces; the alignment is read back from the
 * padding when no ESC a alignment is set.
 */
export class ReceiptAssembler {
  private style: Style = { ...DEFAULT_STYLE };
  private runs: TextRun[] = [];
  private items: PrintedItem[] = [];
  private qrPayload = '';
  private linesPrinted = 0;

  constructor(
    private readonly columns: number,
    private readonly onCut: (receipt: PrintedReceipt) => void,
  ) {}

  get printedLineCount(): number {
    return this.linesPrinted;
  }

  /** What is on the paper since the last cut. */
  current(): PrintedReceipt {
    return { items: [...this.items, ...(this.runs.length ? [this.line()] : [])], cut: null };
  }

  apply(event: EscPosEvent): void {
    switch (event.type) {
      case 'text': {
        const last = this.runs.at(-1);
        const { bold, width, height } = this.style;
        if (last && last.bold === bold && last.width === width && last.height === height)
          last.text += event.text;
        else this.runs.push({ text: event.text, bold, width, height });
        return;
      }
      case 'newline':
        this.endLine();
        return;
      case 'feed':
        this.endLine();
        for (let i = 1; i < Math.min(event.lines, 255); i++) this.endLine();
        return;
      case 'init':
        this.style = { ...DEFAULT_STYLE };
        return;
      case 'bold':
        this.style.bold = event.on;
        return;
      case 'size':
        this.style.width = event.width;
        this.style.height = event.height;
        return;
      case 'printMode':
        this.style.bold = event.bold;
        this.style.width = event.width;
        this.style.height = event.height;
        return;
      case 'align':
        this.style.align = event.align;
        return;
      case 'qrStore':
        this.qrPayload = event.payload;
        return;
      case 'qrPrint':
        if (this.runs.length) this.endLine();
        this.items.push({ kind: 'qr', payload: this.qrPayload, align: this.style.align });
        return;
      case 'cut': {
        if (this.runs.length) this.endLine();
        const receipt: PrintedReceipt = {
          items: this.items,
          cut: event.partial ? 'partial' : 'full',
        };
        this.items = [];
        this.onCut(receipt);
        return;
      }
      default:
        return;
    }
  }

  private endLine(): void {
    this.items.push(this.line());
    this.runs = [];
    this.linesPrinted += 1;
  }

  private line(): PrintedLine {
    const runs = this.runs;
    const chars = runs.flatMap((run) => [...run.text].map((ch) => ({ ch, run })));
    const visible = chars.filter((c) => c.ch.trim() !== '');
    const first = chars.findIndex((c) => c.ch.trim() !== '');
    let last = -1;
    chars.forEach((c, i) => {
      if (c.ch.trim() !== '') last = i;
    });
    const columnsOf = (slice: typeof chars) => slice.reduce((sum, c) => sum + c.run.width, 0);
    const text =
      first < 0
        ? ''
        : chars
            .slice(first, last + 1)
            .map((c) => c.ch)
            .join('');
    const bold = visible.length > 0 && visible.every((c) => c.run.bold);
    const double = visible.some((c) => c.run.width > 1 || c.run.height > 1);
    let align: Align = this.style.align;
    if (align === 'left' && first > 0) {
      const left = columnsOf(chars.slice(0, first));
      const used = columnsOf(chars.slice(first, last + 1));
      const right = this.columns - left - used;
      if (right <= 0) align = 'right';
      else if (Math.abs(left - right) <= 1) align = 'center';
    }
    return { kind: 'line', text, bold, size: double ? 'double' : 'normal', align, runs };
  }
}
