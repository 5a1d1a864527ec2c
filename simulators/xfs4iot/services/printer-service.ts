/**
 * A receipt printer as an XFS4IoT Printer service, shaped after KAL SP-Dev's
 * Framework/Core/Printer (Commands/PrintRaw_g.cs, ControlMedia_g.cs, Events/PaperThresholdEvent_g.cs,
 * MediaPresentedEvent_g.cs, MediaTakenEvent_g.cs, LoadDefinition_g.cs, PrintForm_g.cs,
 * PrinterSchemas_g.cs). Its paper is the ESC/POS printer simulator's: Printer.PrintRaw feeds the
 * bytes into it, a printed form is fed as the text rows it lays out, so the panel shows the
 * receipt as it shows the network printer's, and its paper, cover and faults are the service's.
 */
import { z } from 'zod';
import { encodeJobToEscPos } from '../../../devices/printer/escpos-job-encoder';
import { isStatusByte, statusQuery } from '../../../devices/printer/escpos-status';
import { interpretStatus } from '../../../devices/printer/read-status';
import type { EventName } from '../../../devices/xfs4iot/message-catalog';
import { FormInvalid, parseFormDefinition, type FormDefinition } from './form-definition';
import { layOutForm } from './form-layout';
import type { PrinterSimulator } from '../../printer/printer-simulator';
import type {
  CommandContext,
  CommandHandler,
  CommandReply,
  SimulatedService,
} from '../simulated-service';

export interface PrinterServiceOptions {
  name: string;
  simulator: PrinterSimulator;
  /** false: a service whose capabilities leave Printer.PrintRaw out (one that prints forms). */
  raw?: boolean;
  /** false: a service without Printer.LoadDefinition and Printer.PrintForm. */
  forms?: boolean;
  /** How often the service looks at its paper and faults (the panel changes them). */
  watchMs?: number;
  /** An ejected receipt is taken after this long; null leaves it until `control.take()`. */
  takeAfterMs?: number | null;
}

export interface PrinterServiceControl {
  /** The customer takes the presented receipt (MediaTakenEvent). */
  take(): void;
  /** StatusClass.media: `entering` while a receipt waits at the exit slot. */
  media(): MediaState;
}

type MediaState = 'notPresent' | 'entering';
type PaperSupply = 'unknown' | 'full' | 'low' | 'out';
type ServiceDeviceState = ReturnType<SimulatedService['deviceState']>;
type Unsolicited = (name: EventName, payload: Record<string, unknown>) => void;

interface Sensed {
  paper: PaperSupply;
  device: ServiceDeviceState;
  coverOpen: boolean;
}

const BASE64 = /^([a-zA-Z0-9+/]{4})*([a-zA-Z0-9+/]{4}|[a-zA-Z0-9+/]{2}([a-zA-Z0-9+/]|=)=)$/;

const PrintRawPayload = z.object({
  inputData: z.enum(['no', 'yes']).nullable().optional(),
  data: z.string().regex(BASE64, 'Expected base64 data'),
});

/** MediaControlClass; this printer cuts, flushes and ejects, nothing else. */
const MediaControl = z
  .object({
    move: z
      .enum(['eject', 'retract', 'park', 'expel', 'ejectToTransport', 'stack'])
      .nullable()
      .optional(),
    cut: z.boolean().nullable().optional(),
    partialCut: z.boolean().nullable().optional(),
    flush: z.boolean().nullable().optional(),
  })
  .loose();
const ControlMediaPayload = z.object({ mediaControl: MediaControl });
type MediaControl = z.infer<typeof MediaControl>;

const LoadDefinitionPayload = z.object({
  definition: z.string({ error: 'Expected the definition as text' }),
  overwrite: z.boolean().nullable().optional(),
});

/** Printer.PrintForm 3.0; a field value is a string or a list of them (StringOrArrayConverter). */
const PrintFormPayload = z.object({
  formName: z.string().min(1, 'Expected a form name'),
  mediaName: z.string().nullable().optional(),
  alignment: z
    .enum(['formDefinition', 'topLeft', 'topRight', 'bottomLeft', 'bottomRight'])
    .nullable()
    .optional(),
  offsetX: z.number().int().nullable().optional(),
  offsetY: z.number().int().nullable().optional(),
  resolution: z.enum(['low', 'medium', 'high', 'veryHigh']).nullable().optional(),
  mediaControl: MediaControl.nullable().optional(),
  fields: z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .nullable()
    .optional(),
  paperSource: z.string().nullable().optional(),
});

/** The simulator's state as its DLE EOT answers give it: what the service's sensors see. */
function sense(simulator: PrinterSimulator): Sensed {
  const status = interpretStatus({
    printer: simulator.statusAnswer(1),
    offlineCause: simulator.statusAnswer(2),
    errorCause: simulator.statusAnswer(3),
    paperSensor: simulator.statusAnswer(4),
  });
  const coverOpen = status.cover === 'open';
  // ESC/POS reports itself offline while the paper is out; an XFS4IoT printer stays online.
  const device: ServiceDeviceState =
    status.device === 'hardwareError'
      ? 'hardwareError'
      : coverOpen || (status.device === 'offline' && status.paper !== 'out')
        ? 'offline'
        : 'online';
  return { paper: status.paper, device, coverOpen };
}

/** The controls asked for beyond what this printer does (cut, flush, eject). */
const otherControls = (control: MediaControl): string[] =>
  Object.entries(control)
    .filter(([key, value]) => !DOES.has(key) && value != null && value !== false)
    .map(([key]) => key);
const DOES = new Set(['move', 'cut', 'partialCut', 'flush']);

const errorReply = (errorCode: string, description: string): CommandReply => ({
  completionCode: 'commandErrorCode',
  errorDescription: description,
  payload: { errorCode },
});

export function createPrinterService(options: PrinterServiceOptions): {
  service: SimulatedService;
  control: PrinterServiceControl;
} {
  const { simulator } = options;
  const raw = options.raw ?? true;
  const withForms = options.forms ?? true;
  const watchMs = options.watchMs ?? 100;
  const takeAfterMs = options.takeAfterMs === undefined ? 1500 : options.takeAfterMs;
  let media: MediaState = 'notPresent';
  let unsolicited: Unsolicited | undefined;
  let takeTimer: ReturnType<typeof setTimeout> | undefined;

  const statusPart = (sensed: Sensed) => ({ media, paper: { upper: sensed.paper } });

  /** Why the printer cannot print now, as the service completes a command then. */
  function refusal(): CommandReply | undefined {
    const sensed = sense(simulator);
    if (sensed.paper === 'out') return errorReply('paperOut', 'the paper supply is empty');
    if (sensed.device === 'hardwareError')
      return { completionCode: 'hardwareError', errorDescription: 'printer cutter error' };
    if (sensed.coverOpen)
      return { completionCode: 'deviceNotReady', errorDescription: 'printer cover open' };
    if (sensed.device !== 'online')
      return { completionCode: 'deviceNotReady', errorDescription: 'printer offline' };
    return undefined;
  }

  /**
   * Feeds bytes to the printer and waits until it has dealt with them: it answers the DLE EOT
   * sent after them only then (later, when it is slow).
   */
  function feed(bytes: Uint8Array, context: CommandContext): Promise<'done' | 'aborted'> {
    // Canceled while it waited in the service's queue: nothing reaches the paper.
    if (context.signal.aborted) return Promise.resolve('aborted');
    return new Promise((resolve) => {
      const finish = (outcome: 'done' | 'aborted') => {
        stop();
        context.signal.removeEventListener('abort', aborted);
        resolve(outcome);
      };
      const aborted = () => finish('aborted');
      const stop = simulator.onSend((data) => {
        if (data.some(isStatusByte)) finish('done');
      });
      context.signal.addEventListener('abort', aborted, { once: true });
      simulator.receive(bytes);
      simulator.receive(statusQuery('printer'));
    });
  }

  /** After a job: what the printer did not print (its paper ran out, say) is a failure. */
  const afterFeed = (outcome: 'done' | 'aborted', context: CommandContext): CommandReply => {
    if (outcome === 'aborted') return { completionCode: context.abortCode() };
    if (simulator.heldEvents > 0)
      return (
        refusal() ?? {
          completionCode: 'hardwareError',
          errorDescription: 'the printer kept part of the data',
        }
      );
    return { completionCode: 'success', payload: {} };
  };

  const printRaw: CommandHandler = async (payload, context) => {
    const parsed = PrintRawPayload.safeParse(payload);
    if (!parsed.success)
      return {
        completionCode: 'invalidData',
        errorDescription: `Printer.PrintRaw: ${parsed.error.issues[0]?.message ?? 'bad payload'}`,
      };
    if (parsed.data.inputData === 'yes')
      return {
        completionCode: 'unsupportedData',
        errorDescription: 'this printer returns no input data',
      };
    const refused = refusal();
    if (refused) return refused;
    const bytes = Uint8Array.from(Buffer.from(parsed.data.data, 'base64'));
    return afterFeed(await feed(bytes, context), context);
  };

  /** Cuts, flushes and ejects as asked; a presented receipt is taken after a while. */
  async function applyMediaControl(
    mediaControl: MediaControl,
    context: CommandContext,
  ): Promise<CommandReply> {
    const { move, cut, partialCut } = mediaControl;
    const others = otherControls(mediaControl);
    if ((move && move !== 'eject') || others.length > 0)
      return {
        completionCode: 'unsupportedData',
        errorDescription: `this printer only cuts, flushes and ejects (asked: ${[
          ...(move && move !== 'eject' ? [`move ${move}`] : []),
          ...others,
        ].join(', ')})`,
      };
    const refused = refusal();
    if (refused) return refused;
    const cutBytes =
      cut || partialCut
        ? encodeJobToEscPos({ name: 'cut', elements: [{ kind: 'cut', partial: !cut }] })
        : new Uint8Array();
    const fed = afterFeed(await feed(cutBytes, context), context);
    if (fed.completionCode !== 'success' || move !== 'eject') return fed;
    context.event('Printer.MediaPresentedEvent', { wadIndex: 1, totalWads: 1 });
    setMedia('entering');
    clearTimeout(takeTimer);
    if (takeAfterMs !== null) {
      takeTimer = setTimeout(take, takeAfterMs);
      takeTimer.unref?.();
    }
    return fed;
  }

  const controlMedia: CommandHandler = async (payload, context) => {
    const parsed = ControlMediaPayload.safeParse(payload);
    if (!parsed.success)
      return {
        completionCode: 'invalidData',
        errorDescription: 'Printer.ControlMedia: no mediaControl',
      };
    const { move, cut, partialCut, flush } = parsed.data.mediaControl;
    if (
      !move &&
      !cut &&
      !partialCut &&
      !flush &&
      otherControls(parsed.data.mediaControl).length === 0
    )
      return {
        completionCode: 'invalidData',
        errorDescription: 'Printer.ControlMedia: nothing to do',
      };
    return applyMediaControl(parsed.data.mediaControl, context);
  };

  /** Forms loaded by Printer.LoadDefinition, by name, for the service's life. */
  const forms = new Map<string, FormDefinition>();

  const loadDefinition: CommandHandler = async (payload) => {
    const parsed = LoadDefinitionPayload.safeParse(payload);
    if (!parsed.success)
      return {
        completionCode: 'invalidData',
        errorDescription: `Printer.LoadDefinition: ${parsed.error.issues[0]?.message ?? 'bad payload'}`,
      };
    let form: FormDefinition;
    try {
      form = parseFormDefinition(parsed.data.definition);
    } catch (error) {
      if (!(error instanceof FormInvalid)) throw error;
      return errorReply('formInvalid', `form definition: ${error.message}`);
    }
    if (forms.has(form.name) && !parsed.data.overwrite)
      return errorReply('definitionExists', `a form ${form.name} is loaded already`);
    forms.set(form.name, form);
    return { completionCode: 'success', payload: {} };
  };

  const printForm: CommandHandler = async (payload, context) => {
    const parsed = PrintFormPayload.safeParse(payload);
    if (!parsed.success)
      return {
        completionCode: 'invalidData',
        errorDescription: `Printer.PrintForm: ${parsed.error.issues[0]?.message ?? 'bad payload'}`,
      };
    const { formName, mediaName, alignment, offsetX, offsetY, mediaControl } = parsed.data;
    const form = forms.get(formName);
    if (!form) return errorReply('formNotFound', `no form ${formName} is loaded`);
    if (mediaName) return errorReply('mediaNotFound', `no media ${mediaName} is loaded`);
    if (
      (alignment && alignment !== 'formDefinition' && alignment !== 'topLeft') ||
      offsetX ||
      offsetY
    )
      return {
        completionCode: 'unsupportedData',
        errorDescription: 'this roll printer prints forms at the top left, without offsets',
      };
    const values = Object.fromEntries(
      Object.entries(parsed.data.fields ?? {}).map(([name, value]) => [
        name,
        typeof value === 'string' ? [value] : value,
      ]),
    );
    const layout = layOutForm(form, values);
    if (!layout.ok) return errorReply(layout.errorCode, layout.description);
    const refused = refusal();
    if (refused) return refused;
    const bytes = encodeJobToEscPos({ name: formName, elements: layout.elements });
    const printed = afterFeed(await feed(bytes, context), context);
    if (printed.completionCode !== 'success' || !mediaControl) return printed;
    return applyMediaControl(mediaControl, context);
  };

  function setMedia(next: MediaState): void {
    if (media === next) return;
    media = next;
    unsolicited?.('Common.StatusChangedEvent', { printer: { media } });
  }

  function take(): void {
    clearTimeout(takeTimer);
    if (media !== 'entering') return;
    setMedia('notPresent');
    unsolicited?.('Printer.MediaTakenEvent', {});
  }

  const service: SimulatedService = {
    name: options.name,
    interfaces: ['Printer'],
    status: () => ({ printer: statusPart(sense(simulator)) }),
    deviceState: () => sense(simulator).device,
    capabilities: () => ({
      printer: {
        type: { receipt: true },
        control: { cut: true, partialCut: true, eject: true, flush: true },
        paperSources: { upper: true },
        mediaTaken: true,
        mediaPresented: true,
      },
    }),
    commands: {
      ...(raw ? { 'Printer.PrintRaw': printRaw } : {}),
      ...(withForms
        ? { 'Printer.LoadDefinition': loadDefinition, 'Printer.PrintForm': printForm }
        : {}),
      'Printer.ControlMedia': controlMedia,
    },
    attach(send) {
      unsolicited = send;
      let last = sense(simulator);
      // The panel changes the simulator's paper and faults directly: the service notices.
      const watcher = setInterval(() => {
        const now = sense(simulator);
        if (now.paper !== last.paper) {
          send('Common.StatusChangedEvent', { printer: { paper: { upper: now.paper } } });
          if (now.paper !== 'unknown')
            send('Printer.PaperThresholdEvent', { paperSource: 'upper', threshold: now.paper });
        }
        if (now.device !== last.device)
          send('Common.StatusChangedEvent', { common: { device: now.device } });
        last = now;
      }, watchMs);
      watcher.unref?.();
      return () => {
        clearInterval(watcher);
        clearTimeout(takeTimer);
        unsolicited = undefined;
      };
    },
  };

  return { service, control: { take, media: () => media } };
}
