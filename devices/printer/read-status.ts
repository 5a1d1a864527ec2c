import {
  parseErrorCause,
  parseOfflineCause,
  parsePaperSensor,
  parsePrinterStatus,
} from './escpos-status';
import type { ReceiptPrinterStatus } from './printer-types';
import type { QueryOutcome, StatusQuerier } from './status-query';
import type { StatusKind } from './escpos-status';

export type StatusReading =
  | { kind: 'status'; status: ReceiptPrinterStatus }
  | { kind: 'timeout'; description: string }
  | { kind: 'linkDown'; description: string }
  | { kind: 'aborted' };

/** The four answers, each already validated as a status byte. */
export interface StatusAnswers {
  printer: number;
  offlineCause: number;
  errorCause: number;
  paperSensor: number;
}

/** Pure: four DLE EOT answers -> the kiosk's view of the printer. */
export function interpretStatus(answers: StatusAnswers): ReceiptPrinterStatus {
  const printer = parsePrinterStatus(answers.printer);
  const offline = parseOfflineCause(answers.offlineCause);
  const errors = parseErrorCause(answers.errorCause);
  const paper = parsePaperSensor(answers.paperSensor);
  const fault = errors?.unrecoverable
    ? 'unrecoverable'
    : errors?.cutterError
      ? 'cutter'
      : errors?.autoRecoverable
        ? 'autoRecoverable'
        : undefined;
  const status: ReceiptPrinterStatus = {
    device:
      fault === 'unrecoverable' || fault === 'cutter'
        ? 'hardwareError'
        : printer?.offline
          ? 'offline'
          : 'online',
    paper:
      paper?.end || offline?.stoppedByPaperEnd
        ? 'out'
        : paper?.nearEnd
          ? 'low'
          : paper
            ? 'full'
            : 'unknown',
    cover: offline ? (offline.coverOpen ? 'open' : 'closed') : 'unknown',
  };
  if (fault) status.fault = fault;
  return status;
}

const ORDER: StatusKind[] = ['printer', 'offlineCause', 'errorCause', 'paperSensor'];

/**
 * Asks the four questions in order. The first may wait longer (`firstTimeoutMs`): after a job
 * the printer answers only once it has worked through the bytes before the question.
 */
export async function readStatus(
  querier: StatusQuerier,
  signal: AbortSignal,
  firstTimeoutMs: number,
): Promise<StatusReading> {
  const answers: Partial<StatusAnswers> = {};
  for (const [index, kind] of ORDER.entries()) {
    const outcome: QueryOutcome = await querier.ask(
      kind,
      signal,
      index === 0 ? firstTimeoutMs : undefined,
    );
    if (outcome.kind === 'aborted') return { kind: 'aborted' };
    if (outcome.kind === 'linkDown')
      return { kind: 'linkDown', description: `link down: ${outcome.reason}` };
    if (outcome.kind === 'timeout')
      return { kind: 'timeout', description: `no answer to status query (${kind})` };
    if (outcome.kind === 'doubt')
      return { kind: 'timeout', description: `status answers in doubt, line noise (${kind})` };
    answers[kind] = outcome.byte;
  }
  return { kind: 'status', status: interpretStatus(answers as StatusAnswers) };
}
