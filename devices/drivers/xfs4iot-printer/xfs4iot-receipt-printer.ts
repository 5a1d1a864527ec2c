import {
  failure,
  success,
  type Completion,
  type Listener,
  type StatusChangedEvent,
} from '../../common/device';
import { errorNote } from '../../common/line-device';
import type { Transport } from '../../common/transport';
import type { ReceiptPrinter } from '../../printer';
import {
  DEFAULT_ENCODING,
  encodeJobToEscPos,
  type EscPosEncodingOptions,
} from '../../printer/escpos-job-encoder';
import type { PrintJob } from '../../printer/print-job';
import type {
  PaperState,
  PrintResult,
  ReceiptPrinterCapabilities,
  ReceiptPrinterEvent,
  ReceiptPrinterStatus,
} from '../../printer/printer-types';
import type { CommandOutcome } from '../../xfs4iot/client';
import { completionOf, ServiceDevice } from '../../xfs4iot/service-device';
import {
  CONTROL_MEDIA_ERRORS,
  LOAD_DEFINITION_ERRORS,
  PRINT_FORM_ERRORS,
  PRINT_RAW_ERRORS,
} from './completion-errors';
import {
  applyPrinterStatus,
  mediaControlsOf,
  paperThreshold,
  type MediaControls,
} from './printer-status';
import { RECEIPT_FORM_NAME, receiptForm } from './receipt-form';

/**
 * How receipts reach the paper: `raw` sends ESC/POS with Printer.PrintRaw (the printer must
 * speak ESC/POS), `form` loads a text form and prints it with Printer.PrintForm (any printer the
 * service drives), `auto` prints raw when the service offers Printer.PrintRaw, else a form.
 */
export type PrintMethod = 'auto' | 'raw' | 'form';

export interface Xfs4IoTReceiptPrinterOptions {
  transport: Transport;
  encoding?: EscPosEncodingOptions;
  /** How long Common.Status may take. */
  answerTimeoutMs: number;
  /** How long each Printer command may take at the service. */
  printTimeoutMs?: number;
  printWith?: PrintMethod;
}

const INITIAL_STATUS: ReceiptPrinterStatus = {
  device: 'noDevice',
  paper: 'unknown',
  cover: 'unknown',
};

export type PrintPlan =
  { method: 'raw' | 'form'; problem?: never } | { method?: never; problem: string };

/** How a receipt is printed on this service the way the config says, or why it cannot be. */
function planPrinting(
  printWith: PrintMethod,
  offers: (
    command: 'Printer.PrintRaw' | 'Printer.PrintForm' | 'Printer.LoadDefinition',
  ) => boolean | undefined,
): PrintPlan {
  const raw = offers('Printer.PrintRaw') !== false;
  const missingForm = (['Printer.LoadDefinition', 'Printer.PrintForm'] as const).filter(
    (command) => offers(command) === false,
  );
  if (printWith !== 'form' && raw) return { method: 'raw' };
  if (printWith !== 'raw' && missingForm.length === 0) return { method: 'form' };
  const lacking = [
    ...(printWith !== 'form' ? ['Printer.PrintRaw'] : []),
    ...(printWith !== 'raw' ? missingForm : []),
  ];
  return {
    problem:
      `the XFS4IoT printer service does not offer ${lacking.join(' or ')} (not in its ` +
      `Common.Capabilities Printer commands), so a receipt cannot be printed ` +
      (printWith === 'auto'
        ? 'as raw ESC/POS data nor as a form'
        : `with printWith "${printWith}"`),
  };
}

/**
 * A receipt printer behind an XFS4IoT Printer service. Raw: the job is encoded to ESC/POS by the
 * same encoder the ESC/POS driver uses and sent with Printer.PrintRaw, then cut and ejected with
 * Printer.ControlMedia. Form: the job is laid out as a text form, loaded with
 * Printer.LoadDefinition and printed, cut and ejected by one Printer.PrintForm. Paper comes from
 * Common.Status / StatusChangedEvent and Printer.PaperThresholdEvent.
 */
export class Xfs4IoTReceiptPrinter implements ReceiptPrinter {
  readonly deviceClass = 'receiptPrinter' as const;
  private readonly core: ServiceDevice<ReceiptPrinterStatus, ReceiptPrinterEvent>;
  private readonly encoding: Required<EscPosEncodingOptions>;
  private readonly printTimeoutMs: number;
  private readonly printWith: PrintMethod;
  private queue: Promise<unknown> = Promise.resolve();
  private lastPaper: PaperState = 'unknown';
  /** Receipts the service said it presented (MediaPresentedEvent) and the customer took. */
  readonly media = { presented: 0, taken: 0 };

  constructor(options: Xfs4IoTReceiptPrinterOptions) {
    this.encoding = { ...DEFAULT_ENCODING, ...options.encoding };
    this.printTimeoutMs = options.printTimeoutMs ?? 30_000;
    this.printWith = options.printWith ?? 'auto';
    this.core = new ServiceDevice<ReceiptPrinterStatus, ReceiptPrinterEvent>({
      transport: options.transport,
      interfaceName: 'Printer',
      initialStatus: INITIAL_STATUS,
      sameStatus: (a, b) =>
        a.device === b.device && a.paper === b.paper && a.cover === b.cover && a.fault === b.fault,
      classStatus: applyPrinterStatus,
      onUnsolicited: (name, payload) => this.unsolicited(name, payload),
      answerTimeoutMs: options.answerTimeoutMs,
    });
    this.core.on((event) => {
      if (event.type === 'statusChanged') this.paperChanged(event.status.paper);
    });
  }

  on(
    listener: Listener<ReceiptPrinterEvent | StatusChangedEvent<ReceiptPrinterStatus>>,
  ): () => void {
    return this.core.on(listener);
  }

  status(): ReceiptPrinterStatus {
    return this.core.status();
  }

  capabilities(): ReceiptPrinterCapabilities {
    const form = this.method.method === 'form';
    return {
      commandLanguage: form ? 'xfs-form' : 'esc-pos',
      printerModel: this.encoding.printerModel,
      columns: this.encoding.columns,
      qrCode: !form,
      cutter: true,
      statusQuery: true,
      paperNearEndSensor: true,
      // The class's capabilities have no room for a taken sensor; `media` counts what it sees.
      mediaTakenSensor: false,
      transport: this.core.serviceUri,
    };
  }

  /** How the next receipt is printed, or why it cannot be, from the service's capabilities. */
  get method(): PrintPlan {
    return planPrinting(this.printWith, (command) => this.core.offers(command));
  }

  open(): Promise<Completion> {
    return this.core.open();
  }

  close(): Promise<void> {
    return this.core.close();
  }

  cancel(): void {
    this.core.cancel();
  }

  async refreshStatus(): Promise<Completion<ReceiptPrinterStatus>> {
    const refreshed = await this.core.refreshStatus();
    return refreshed.code === 'success' ? success(this.status()) : refreshed;
  }

  /** One job at a time: a second job's PrintRaw must not land between this one's and its cut. */
  print(job: PrintJob): Promise<Completion<PrintResult>> {
    const run = () => this.printNow(job);
    const result = this.queue.then(run, run);
    this.queue = result;
    return result;
  }

  private async printNow(job: PrintJob): Promise<Completion<PrintResult>> {
    const plan = this.method;
    if (!plan.method) return failure('unsupportedCommand', plan.problem);
    const controls = mediaControlsOf(this.core.serviceCapabilities);
    const { body, cut } = splitTrailingCut(job, controls);
    const mediaControl = {
      ...(cut ? { [cut]: true } : {}),
      ...(controls.eject ? { move: 'eject' } : {}),
    };
    return plan.method === 'raw'
      ? this.printRaw(body, mediaControl)
      : this.printForm(body, mediaControl);
  }

  private async printRaw(
    body: PrintJob,
    mediaControl: Record<string, unknown>,
  ): Promise<Completion<PrintResult>> {
    let bytes: Uint8Array;
    try {
      bytes = encodeJobToEscPos(body, this.encoding);
    } catch (error) {
      return failure('invalidData', `receipt not encodable: ${(error as Error).message}`);
    }
    const printed = await this.core.command(
      'Printer.PrintRaw',
      { inputData: 'no', data: Buffer.from(bytes).toString('base64') },
      { timeoutMs: this.printTimeoutMs },
    );
    const raw = completionOf('Printer.PrintRaw', printed, () => undefined, PRINT_RAW_ERRORS);
    if (raw.code !== 'success') return this.failed(printed, raw);

    if (Object.keys(mediaControl).length > 0) {
      const controlled = await this.core.command(
        'Printer.ControlMedia',
        { mediaControl },
        { timeoutMs: this.printTimeoutMs, onEvent: (name) => this.presented(name) },
      );
      const control = completionOf(
        'Printer.ControlMedia',
        controlled,
        () => undefined,
        CONTROL_MEDIA_ERRORS,
      );
      if (control.code !== 'success') return this.failed(controlled, control);
    }
    return success({ bytesSent: bytes.length });
  }

  /**
   * The form is loaded before every receipt (overwrite): its rows follow the receipt's length,
   * and a service restarted in between has forgotten it.
   */
  private async printForm(
    body: PrintJob,
    mediaControl: Record<string, unknown>,
  ): Promise<Completion<PrintResult>> {
    let form: ReturnType<typeof receiptForm>;
    try {
      form = receiptForm(body, this.encoding.columns);
    } catch (error) {
      return failure('invalidData', `receipt not printable as a form: ${(error as Error).message}`);
    }
    const loaded = await this.core.command(
      'Printer.LoadDefinition',
      { definition: form.definition, overwrite: true },
      { timeoutMs: this.printTimeoutMs },
    );
    const load = completionOf(
      'Printer.LoadDefinition',
      loaded,
      () => undefined,
      LOAD_DEFINITION_ERRORS,
    );
    if (load.code !== 'success') return this.failed(loaded, load);

    const printed = await this.core.command(
      'Printer.PrintForm',
      {
        formName: RECEIPT_FORM_NAME,
        alignment: 'formDefinition',
        fields: form.fields,
        ...(Object.keys(mediaControl).length > 0 ? { mediaControl } : {}),
      },
      { timeoutMs: this.printTimeoutMs, onEvent: (name) => this.presented(name) },
    );
    const print = completionOf('Printer.PrintForm', printed, () => undefined, PRINT_FORM_ERRORS);
    if (print.code !== 'success') return this.failed(printed, print);
    const text = Object.values(form.fields).flat().join('');
    return success({ bytesSent: Buffer.byteLength(text) });
  }

  private presented(eventName: string): void {
    if (eventName === 'Printer.MediaPresentedEvent') this.media.presented += 1;
  }

  /** A failed command's completion; paper out or a jam is also the printer's status now. */
  private failed(
    outcome: CommandOutcome,
    completion: Completion & { code: Exclude<Completion['code'], 'success'> },
  ): Completion<never> {
    const errorCode = outcome.payload.errorCode;
    const current = this.status();
    if (errorCode === 'paperOut') this.core.setStatus({ ...current, paper: 'out' });
    else if (errorCode === 'mediaJammed' || errorCode === 'paperJammed')
      this.core.setStatus({ ...current, lastError: errorNote(errorCode) });
    return failure(completion.code, completion.errorDescription);
  }

  private unsolicited(name: string, payload: Record<string, unknown>): void {
    if (name === 'Printer.PaperThresholdEvent') {
      const paper = paperThreshold(payload);
      if (paper) this.core.setStatus({ ...this.status(), paper });
    } else if (name === 'Printer.MediaTakenEvent') this.media.taken += 1;
  }

  private paperChanged(paper: PaperState): void {
    const previous = this.lastPaper;
    this.lastPaper = paper;
    if (paper === previous) return;
    if (paper === 'low') this.core.emit({ type: 'paperLow' });
    if (paper === 'out') this.core.emit({ type: 'paperOut' });
  }
}

/**
 * The job without its closing cut when the service cuts with Printer.ControlMedia, and which
 * control does it. A service without a cutter control keeps the cut in the ESC/POS data.
 */
function splitTrailingCut(
  job: PrintJob,
  controls: MediaControls,
): { body: PrintJob; cut?: 'cut' | 'partialCut' } {
  const last = job.elements.at(-1);
  if (last?.kind !== 'cut') return { body: job };
  const cut = last.partial && controls.partialCut ? 'partialCut' : controls.cut ? 'cut' : undefined;
  if (!cut) return { body: job };
  return { body: { ...job, elements: job.elements.slice(0, -1) }, cut };
}
