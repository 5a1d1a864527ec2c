import { assign, cancel, fromPromise, raise, setup } from 'xstate';
import type { Language } from '../common/api';
import { isValidKpj, KPJ_LENGTH, normalizeKpj } from '../common/domain/kpj';
import { BIRTH_DATE_DIGITS, calendarDay, parseBirthDate } from '../common/domain/birth-date';
import { DEFAULT_TIME_ZONE } from '../common/domain/format';
import { projectionStart } from '../common/domain/projection';
import type { BalanceSummary, ContributionRow, OtpSendReply } from '../host/host-api';
import { balanceOfKpj } from '../host/balance-of-kpj';
import { HostError, type HostClient, type HostFailure } from '../host/host-client';
import { appendDigit, removeLastDigit } from './entry-buffer';
import { HISTORY_MONTHS, historyPageCount, turnHistoryPage } from './history-pages';
import { canPrint, intentForKey, menuFactsOf } from './menus';
import {
  birthDateError,
  IDENTIFICATION_NOTICE_MS,
  incomplete,
  projectionEdit,
  projectionFieldLength,
  canChangeYears,
  projectionPrefill,
  typedKpjKept,
  type SessionError,
} from './entry-rules';
import type { IdentificationMethod, SessionEvent } from './session-events';
import type { LockoutRegistry } from './lockout-registry';
import type { DeviceReadiness, ErrorCode, MenuName, PrinterProblem } from '../common/api';
import type { PrintJob } from '../../devices/printer/print-job';
import type { ReceiptPrinterPort } from '../devices/receipt-printer-port';

export interface ReceiptMeta {
  reference: string;
  language: Language;
  printedAt: Date;
}

export interface ReceiptDeps {
  printer: ReceiptPrinterPort | null;
  compose: (summary: BalanceSummary, meta: ReceiptMeta) => PrintJob;
  nextReference: (at: Date) => string;
}

/** The contract's error codes (core/common/api/view.ts): one list, the view's. */
export type SessionErrorCode = ErrorCode;

export interface SessionContext {
  language: Language;
  defaultLanguage: Language;
  /** Digits typed into the field the current step asks for. */
  buffer: string;
  kpj: string | null;
  method: IdentificationMethod | null;
  token: string | null;
  summary: BalanceSummary | null;
  error: SessionError | null;
  lockedUntil: string | null;
  failedAttempts: number;
  history: ContributionRow[] | null;
  historyFailed: boolean;
  /** The history page shown, from 0 (the newest months). */
  historyPage: number;
  projection: { wage: number; years: number };
  editing: 'wage' | 'years' | null;
  /** The buffer holds a proposed value (the current wage or period): the first digit replaces it. */
  bufferPrefilled: boolean;
  receiptReference: string | null;
  printProblem: PrinterProblem | null;
  /** The one-time code awaited, when the verification policy asks for one. */
  otp: OtpState | null;
  /** This person must also pass an OTP: the kiosk's policy asks for it, or the host's lookup did. */
  otpRequired: boolean;
  /** Voice guidance is on for this person; off again when the next one comes. */
  voice: boolean;
  /** Goes up on every "say it again". */
  voiceRepeat: number;
}

export interface OtpState {
  maskedDestination: string;
  expiresAt: number;
  resendAt: number;
}

export const OTP_LENGTH = 6;

export interface SessionMachineDeps {
  host: HostClient;
  lockouts: LockoutRegistry;
  maxBirthDateAttempts: number;
  thankYouMs: number;
  now: () => Date;
  receipts: ReceiptDeps;
  /**
   * Verification policy: a one-time code after the birth date. It can add the OTP step; it never
   * removes one the host's lookup reply demands.
   */
  requireOtp: boolean;
  /** Where "today" is for a birth date typed here (IANA name); Asia/Jakarta when not given. */
  timeZone?: string;
}

/** How long "take your receipt" stays before asking about another transaction. */
const TAKE_RECEIPT_MS = 5_000;

function hostErrorCode(failure: HostFailure): SessionErrorCode {
  switch (failure.kind) {
    case 'timeout':
      return 'hostTimeout';
    case 'malformedReply':
      return 'hostMalformed';
    case 'notFound':
      return 'notFound';
    case 'unauthorized':
      return 'sessionExpired';
    default:
      return 'hostUnavailable';
  }
}

const failureOf = (error: unknown): HostFailure =>
  error instanceof HostError ? error.failure : { kind: 'unavailable', detail: String(error) };

const freshSession = (language: Language): Omit<SessionContext, 'defaultLanguage'> => ({
  language,
  buffer: '',
  kpj: null,
  method: null,
  token: null,
  summary: null,
  error: null,
  lockedUntil: null,
  failedAttempts: 0,
  history: null,
  historyFailed: false,
  historyPage: 0,
  projection: { wage: 0, years: 1 },
  editing: null,
  bufferPrefilled: false,
  receiptReference: null,
  printProblem: null,
  otp: null,
  otpRequired: false,
  voice: false,
  voiceRepeat: 0,
});

function otpStateOf(reply: OtpSendReply, now: Date): OtpState {
  return {
    maskedDestination: reply.maskedDestination,
    expiresAt: now.getTime() + reply.expiresInSeconds * 1000,
    resendAt: now.getTime() + reply.resendAfterSeconds * 1000,
  };
}

const projectionDefaults = (summary: BalanceSummary) => projectionStart(summary.participant);

/** The error an invoked host call failed with (setup-level actions see it as the event). */
const errorOf = (event: unknown): unknown => (event as { error?: unknown }).error;

/**
 * The participant's session: attract -> KPJ -> birth date -> balance -> end. The UI cannot skip
 * a step: it only sends intents, and each state accepts just the ones that make sense there.
 */
export function createSessionMachine(deps: SessionMachineDeps, defaultLanguage: Language = 'id') {
  const today = () => calendarDay(deps.now(), deps.timeZone ?? DEFAULT_TIME_ZONE);
  const printerReadiness = (): DeviceReadiness =>
    deps.receipts.printer?.readiness() ?? { printer: 'absent' };
  /** A digit on a numbered menu stands for its item's intent (core/session/menus.ts). */
  const menuIntent = (context: SessionContext, event: SessionEvent, menu: MenuName) =>
    event.type === 'digit'
      ? intentForKey(menu, event.digit, menuFactsOf(context, printerReadiness()))
      : null;
  return setup({
    types: {
      context: {} as SessionContext,
      events: {} as SessionEvent,
    },
    actors: {
      lookup: fromPromise(({ input, signal }: { input: { kpj: string }; signal: AbortSignal }) =>
        deps.host.lookup(input.kpj, signal),
      ),
      contributions: fromPromise(
        ({ input, signal }: { input: { token: string }; signal: AbortSignal }) =>
          deps.host.contributions(input.token, HISTORY_MONTHS, signal),
      ),
      print: fromPromise(
        async ({
          input,
          signal,
        }: {
          input: { summary: BalanceSummary; meta: ReceiptMeta };
          signal: AbortSignal;
        }) => {
          const printer = deps.receipts.printer;
          if (!printer) return { ok: false as const, problem: 'offline' as const };
          return printer.print(deps.receipts.compose(input.summary, input.meta), signal);
        },
      ),
      verify: fromPromise(
        async ({
          input,
          signal,
        }: {
          input: { kpj: string; birthDate: string; otp: boolean };
          signal: AbortSignal;
        }) => {
          const { token } = await deps.host.verifyBirthDate(input.kpj, input.birthDate, signal);
          if (input.otp) {
            const otp = await deps.host.sendOtp(token, signal);
            return { token, summary: null, otp };
          }
          const summary = await balanceOfKpj(deps.host, token, input.kpj, signal);
          return { token, summary, otp: null };
        },
      ),
      sendOtp: fromPromise(({ input, signal }: { input: { token: string }; signal: AbortSignal }) =>
        deps.host.sendOtp(input.token, signal),
      ),
      verifyOtp: fromPromise(
        async ({
          input,
          signal,
        }: {
          input: { kpj: string; token: string; code: string };
          signal: AbortSignal;
        }) => {
          await deps.host.verifyOtp(input.token, input.code, signal);
          return balanceOfKpj(deps.host, input.token, input.kpj, signal);
        },
      ),
    },
    actions: {
      reset: assign(({ context }) => freshSession(context.defaultLanguage)),
      clearBuffer: assign({ buffer: '' }),
      clearError: assign({ error: null }),
      /** Back on the KPJ step (Coba Lagi, Kembali): the number typed is there again to correct. */
      restoreTypedKpj: assign(({ context }) => ({ buffer: typedKpjKept(context), kpj: null })),
      showRejectedIdentification: assign(({ event }) => ({
        error: {
          code: (event as Extract<SessionEvent, { type: 'identificationRejected' }>).reason,
        },
      })),
      rememberHostLock: assign(({ event }) => {
        const failure = failureOf(errorOf(event));
        return { lockedUntil: failure.kind === 'locked' ? failure.retryAt : null };
      }),
      showHostFailure: assign(({ event }) => ({
        error: { code: hostErrorCode(failureOf(errorOf(event))) },
      })),
      // The menu item's intent goes through the machine again, so its own guards apply.
      raiseMenuIntent: raise(({ context, event }, params: { menu: MenuName }): SessionEvent => {
        const intent = menuIntent(context, event, params.menu);
        // Not reached: the menuHasKey guard comes first. Activity changes nothing.
        return intent ?? { type: 'activity' };
      }),
    },
    guards: {
      hostLocked: ({ event }) => failureOf(errorOf(event)).kind === 'locked',
      kpjComplete: ({ context }) => isValidKpj(context.buffer),
      birthDateComplete: ({ context }) => context.buffer.length === BIRTH_DATE_DIGITS,
      printerReady: () => canPrint(printerReadiness()),
      menuHasKey: ({ context, event }, params: { menu: MenuName }) =>
        menuIntent(context, event, params.menu) !== null,
      kpjLocked: ({ context }) =>
        context.kpj !== null && deps.lockouts.lockedUntil(context.kpj, deps.now()) !== null,
    },
  }).createMachine({
    id: 'session',
    context: { ...freshSession(defaultLanguage), defaultLanguage },
    initial: 'attract',
    on: {
      chooseLanguage: { actions: assign({ language: ({ event }) => event.language }) },
      voice: {
        actions: assign(({ context, event }) =>
          event.command === 'repeat'
            ? { voice: true, voiceRepeat: context.voiceRepeat + (context.voice ? 1 : 0) }
            : { voice: event.command === 'on' },
        ),
      },
      timeout: { target: '.attract', actions: 'reset' },
      auditFailed: { target: '.attract', actions: 'reset' },
    },
    states: {
      attract: {
        entry: 'reset',
        on: {
          start: 'enterKpj',
          // Keypad-only use: Enter starts; the digits choose the language or voice guidance.
          enter: 'enterKpj',
          digit: {
            guard: { type: 'menuHasKey', params: { menu: 'attract' } },
            actions: { type: 'raiseMenuIntent', params: { menu: 'attract' } },
          },
          kpjCaptured: {
            target: 'lookingUp',
            actions: assign({
              kpj: ({ event }) => event.kpj,
              method: ({ event }) => event.method,
            }),
          },
          // Said on the start screen for a while, then gone: it is not the next person's.
          identificationRejected: {
            actions: [
              'showRejectedIdentification',
              cancel('identificationNotice'),
              raise(
                { type: 'identificationNoticeExpired' },
                { delay: IDENTIFICATION_NOTICE_MS, id: 'identificationNotice' },
              ),
            ],
          },
          identificationNoticeExpired: { actions: 'clearError' },
        },
      },
      enterKpj: {
        entry: ['restoreTypedKpj', 'clearError'],
        on: {
          digit: {
            actions: [
              assign({
                buffer: ({ context, event }) =>
                  appendDigit(context.buffer, event.digit, KPJ_LENGTH),
              }),
              'clearError',
            ],
          },
          backspace: {
            actions: [
              assign({ buffer: ({ context }) => removeLastDigit(context.buffer) }),
              'clearError',
            ],
          },
          clear: { actions: ['clearBuffer', 'clearError'] },
          enter: [
            {
              guard: 'kpjComplete',
              target: 'lookingUp',
              actions: assign({ kpj: ({ context }) => context.buffer, method: 'keypad' }),
            },
            { actions: assign({ error: ({ context }) => incomplete(context.buffer, KPJ_LENGTH) }) },
          ],
          submitKpj: [
            {
              guard: ({ event }) => isValidKpj(normalizeKpj(event.kpj)),
              target: 'lookingUp',
              actions: assign({ kpj: ({ event }) => normalizeKpj(event.kpj), method: 'keypad' }),
            },
            { actions: assign({ error: { code: 'invalidKpj' } }) },
          ],
          kpjCaptured: {
            target: 'lookingUp',
            actions: assign({ kpj: ({ event }) => event.kpj, method: ({ event }) => event.method }),
          },
          identificationRejected: { actions: 'showRejectedIdentification' },
          cancel: 'thankYou',
        },
      },
      lookingUp: {
        entry: 'clearError',
        always: { guard: 'kpjLocked', target: 'locked' },
        invoke: {
          src: 'lookup',
          input: ({ context }) => ({ kpj: context.kpj! }),
          onDone: {
            target: 'enterBirthDate',
            actions: assign({
              otpRequired: ({ event }) =>
                deps.requireOtp || event.output.verification.includes('otp'),
            }),
          },
          onError: [
            { guard: 'hostLocked', target: 'locked', actions: 'rememberHostLock' },
            { target: 'error', actions: 'showHostFailure' },
          ],
        },
        on: { cancel: 'thankYou' },
      },
      enterBirthDate: {
        entry: 'clearBuffer',
        on: {
          digit: {
            actions: [
              assign({
                buffer: ({ context, event }) =>
                  appendDigit(context.buffer, event.digit, BIRTH_DATE_DIGITS),
              }),
              'clearError',
            ],
          },
          backspace: {
            actions: [
              assign({ buffer: ({ context }) => removeLastDigit(context.buffer) }),
              'clearError',
            ],
          },
          clear: { actions: ['clearBuffer', 'clearError'] },
          // Checked here, before the host is asked: a slip costs no verification attempt.
          enter: [
            {
              guard: ({ context }) => parseBirthDate(context.buffer, today()).ok,
              target: 'verifying',
            },
            {
              actions: assign({
                error: ({ context }) => birthDateError(context.buffer, today())!,
              }),
            },
          ],
          submitBirthDate: [
            {
              guard: ({ event }) => parseBirthDate(event.birthDate, today()).ok,
              target: 'verifying',
              actions: assign({ buffer: ({ event }) => event.birthDate.replace(/\D/g, '') }),
            },
            {
              actions: assign({
                error: ({ event }) => birthDateError(event.birthDate, today())!,
              }),
            },
          ],
          back: { target: 'enterKpj', actions: 'clearError' },
          cancel: 'thankYou',
        },
      },
      verifying: {
        invoke: {
          src: 'verify',
          input: ({ context }) => {
            const parsed = parseBirthDate(context.buffer, today());
            return {
              kpj: context.kpj!,
              birthDate: parsed.ok ? parsed.iso : '',
              otp: context.otpRequired,
            };
          },
          onDone: [
            {
              guard: ({ event }) => event.output.otp !== null,
              target: 'enterOtp',
              actions: assign({
                token: ({ event }) => event.output.token,
                otp: ({ event }) => otpStateOf(event.output.otp!, deps.now()),
                buffer: '',
                error: null,
              }),
            },
            {
              target: 'balance',
              actions: [
                assign({
                  token: ({ event }) => event.output.token,
                  summary: ({ event }) => event.output.summary,
                  projection: ({ event }) => projectionDefaults(event.output.summary!),
                  buffer: '',
                  error: null,
                }),
                ({ context }) => deps.lockouts.clear(context.kpj!),
              ],
            },
          ],
          onError: [
            {
              guard: ({ event }) => failureOf(event.error).kind === 'verificationFailed',
              target: 'checkingAttempts',
              actions: assign(({ context, event }) => {
                const failure = failureOf(event.error);
                const hostLeft = failure.kind === 'verificationFailed' ? failure.attemptsLeft : 0;
                const failedAttempts = context.failedAttempts + 1;
                const localLeft = Math.max(deps.maxBirthDateAttempts - failedAttempts, 0);
                return {
                  failedAttempts,
                  error: {
                    code: 'verificationFailed' as const,
                    attemptsLeft: Math.min(hostLeft, localLeft),
                  },
                };
              }),
            },
            { guard: 'hostLocked', target: 'locked', actions: 'rememberHostLock' },
            { target: 'error', actions: 'showHostFailure' },
          ],
        },
        on: { cancel: 'thankYou' },
      },
      enterOtp: {
        entry: 'clearBuffer',
        on: {
          digit: {
            actions: [
              assign({
                buffer: ({ context, event }) =>
                  appendDigit(context.buffer, event.digit, OTP_LENGTH),
              }),
              'clearError',
            ],
          },
          backspace: {
            actions: [
              assign({ buffer: ({ context }) => removeLastDigit(context.buffer) }),
              'clearError',
            ],
          },
          clear: { actions: ['clearBuffer', 'clearError'] },
          enter: [
            {
              guard: ({ context }) => context.buffer.length === OTP_LENGTH,
              target: 'verifyingOtp',
            },
            { actions: assign({ error: ({ context }) => incomplete(context.buffer, OTP_LENGTH) }) },
          ],
          resendOtp: [
            {
              guard: ({ context }) => (context.otp?.resendAt ?? 0) <= deps.now().getTime(),
              target: 'resendingOtp',
            },
            { actions: assign({ error: { code: 'otpTooSoon' } }) },
          ],
          cancel: 'thankYou',
        },
      },
      resendingOtp: {
        invoke: {
          src: 'sendOtp',
          input: ({ context }) => ({ token: context.token! }),
          onDone: {
            target: 'enterOtp',
            actions: assign({
              otp: ({ event }) => otpStateOf(event.output, deps.now()),
              error: null,
            }),
          },
          onError: [
            {
              guard: ({ event }) => failureOf(event.error).kind === 'tooSoon',
              target: 'enterOtp',
              actions: assign({ error: { code: 'otpTooSoon' } }),
            },
            { target: 'error', actions: 'showHostFailure' },
          ],
        },
        on: { cancel: 'thankYou' },
      },
      verifyingOtp: {
        invoke: {
          src: 'verifyOtp',
          input: ({ context }) => ({
            kpj: context.kpj!,
            token: context.token!,
            code: context.buffer,
          }),
          onDone: {
            target: 'balance',
            actions: [
              assign({
                summary: ({ event }) => event.output,
                projection: ({ event }) => projectionDefaults(event.output),
                otp: null,
                buffer: '',
                error: null,
              }),
              ({ context }) => deps.lockouts.clear(context.kpj!),
            ],
          },
          onError: [
            {
              guard: ({ event }) => failureOf(event.error).kind === 'verificationFailed',
              target: 'enterOtp',
              actions: assign(({ event }) => {
                const failure = failureOf(event.error);
                const attemptsLeft =
                  failure.kind === 'verificationFailed' ? failure.attemptsLeft : 0;
                return { error: { code: 'otpFailed' as const, attemptsLeft } };
              }),
            },
            {
              guard: ({ event }) => failureOf(event.error).kind === 'otpExpired',
              target: 'enterOtp',
              actions: assign({ error: { code: 'otpExpired' } }),
            },
            { guard: 'hostLocked', target: 'locked', actions: 'rememberHostLock' },
            { target: 'error', actions: 'showHostFailure' },
          ],
        },
        on: { cancel: 'thankYou' },
      },
      checkingAttempts: {
        always: [
          {
            guard: ({ context }) => (context.error?.attemptsLeft ?? 0) === 0,
            target: 'locked',
            actions: assign({
              lockedUntil: ({ context }) => deps.lockouts.lock(context.kpj!, deps.now()),
            }),
          },
          { target: 'enterBirthDate' },
        ],
      },
      locked: {
        entry: assign({
          lockedUntil: ({ context }) =>
            context.lockedUntil ??
            (context.kpj ? deps.lockouts.lockedUntil(context.kpj, deps.now()) : null),
          buffer: '',
        }),
        on: { enter: 'thankYou', cancel: 'thankYou', finish: 'thankYou' },
      },
      error: {
        on: {
          enter: { target: 'enterKpj', actions: 'clearError' },
          back: { target: 'enterKpj', actions: 'clearError' },
          cancel: 'thankYou',
          finish: 'thankYou',
        },
      },
      balance: {
        on: {
          showHistory: 'history',
          showProjection: 'projection',
          printReceipt: { guard: 'printerReady', target: 'printing' },
          // Numbered menu, so the 12-key keypad alone reaches every function.
          digit: {
            guard: { type: 'menuHasKey', params: { menu: 'balance' } },
            actions: { type: 'raiseMenuIntent', params: { menu: 'balance' } },
          },
          finish: 'thankYou',
          cancel: 'thankYou',
          enter: 'thankYou',
        },
      },
      printing: {
        entry: assign({
          receiptReference: () => deps.receipts.nextReference(deps.now()),
          printProblem: null,
        }),
        invoke: {
          src: 'print',
          input: ({ context }) => ({
            summary: context.summary!,
            meta: {
              reference: context.receiptReference!,
              language: context.language,
              printedAt: deps.now(),
            },
          }),
          onDone: [
            { guard: ({ event }) => event.output.ok, target: 'takeReceipt' },
            {
              target: 'printFailed',
              actions: assign({
                printProblem: ({ event }) => (event.output.ok ? null : event.output.problem),
              }),
            },
          ],
          onError: { target: 'printFailed', actions: assign({ printProblem: 'hardwareError' }) },
        },
        on: { cancel: 'thankYou' },
      },
      takeReceipt: {
        after: { [TAKE_RECEIPT_MS]: 'anotherTransaction' },
        on: { enter: 'anotherTransaction', finish: 'anotherTransaction', cancel: 'thankYou' },
      },
      printFailed: {
        on: { back: 'balance', enter: 'balance', finish: 'thankYou', cancel: 'thankYou' },
      },
      anotherTransaction: {
        on: {
          answer: [{ guard: ({ event }) => event.yes, target: 'balance' }, { target: 'thankYou' }],
          digit: {
            guard: { type: 'menuHasKey', params: { menu: 'anotherTransaction' } },
            actions: { type: 'raiseMenuIntent', params: { menu: 'anotherTransaction' } },
          },
          cancel: 'thankYou',
          finish: 'thankYou',
        },
      },
      history: {
        initial: 'choose',
        entry: assign({ historyPage: 0 }),
        on: { back: 'balance', enter: 'balance', cancel: 'thankYou', finish: 'thankYou' },
        states: {
          choose: {
            always: [
              { guard: ({ context }) => context.history !== null, target: 'shown' },
              { target: 'loading' },
            ],
          },
          loading: {
            entry: assign({ historyFailed: false }),
            invoke: {
              src: 'contributions',
              input: ({ context }) => ({ token: context.token! }),
              onDone: {
                target: 'shown',
                actions: assign({ history: ({ event }) => event.output.rows }),
              },
              onError: { target: 'failed', actions: assign({ historyFailed: true }) },
            },
          },
          shown: {
            on: {
              historyPage: {
                actions: assign({
                  historyPage: ({ context, event }) =>
                    turnHistoryPage(
                      context.historyPage,
                      event.direction,
                      historyPageCount(context.summary!),
                    ),
                }),
              },
              digit: {
                guard: { type: 'menuHasKey', params: { menu: 'history' } },
                actions: { type: 'raiseMenuIntent', params: { menu: 'history' } },
              },
            },
          },
          failed: {
            on: {
              retryHistory: 'loading',
              digit: {
                guard: { type: 'menuHasKey', params: { menu: 'historyFailed' } },
                actions: { type: 'raiseMenuIntent', params: { menu: 'historyFailed' } },
              },
            },
          },
        },
      },
      projection: {
        initial: 'shown',
        on: { cancel: 'thankYou', finish: 'thankYou' },
        states: {
          shown: {
            entry: assign({ editing: null, buffer: '' }),
            on: {
              // At the retirement age there is no period left to change.
              editProjection: {
                guard: ({ context, event }) => event.field === 'wage' || canChangeYears(context),
                target: 'editing',
                actions: assign({ editing: ({ event }) => event.field }),
              },
              digit: {
                guard: { type: 'menuHasKey', params: { menu: 'projection' } },
                actions: { type: 'raiseMenuIntent', params: { menu: 'projection' } },
              },
              back: '#session.balance',
              enter: '#session.balance',
            },
          },
          editing: {
            entry: assign(({ context }) => ({
              buffer: projectionPrefill(context),
              bufferPrefilled: true,
              error: null,
            })),
            exit: assign({ bufferPrefilled: false, error: null }),
            on: {
              digit: {
                actions: assign(({ context, event }) => ({
                  buffer: appendDigit(
                    context.bufferPrefilled ? '' : context.buffer,
                    event.digit,
                    projectionFieldLength(context),
                  ),
                  bufferPrefilled: false,
                  error: null,
                })),
              },
              backspace: {
                actions: assign(({ context }) => ({
                  buffer: removeLastDigit(context.buffer),
                  bufferPrefilled: false,
                  error: null,
                })),
              },
              clear: { actions: assign({ buffer: '', bufferPrefilled: false, error: null }) },
              enter: [
                {
                  guard: ({ context }) => projectionEdit(context).ok,
                  target: 'shown',
                  actions: assign({
                    projection: ({ context }) => {
                      const edit = projectionEdit(context);
                      return edit.ok ? edit.projection : context.projection;
                    },
                  }),
                },
                {
                  actions: assign({
                    error: ({ context }) => {
                      const edit = projectionEdit(context);
                      return edit.ok ? null : edit.error;
                    },
                  }),
                },
              ],
              editProjection: {
                guard: ({ context, event }) => event.field === 'wage' || canChangeYears(context),
                actions: assign(({ context, event }) => ({
                  editing: event.field,
                  buffer: projectionPrefill({ ...context, editing: event.field }),
                  bufferPrefilled: true,
                  error: null,
                })),
              },
              back: 'shown',
            },
          },
        },
      },
      thankYou: {
        // Everything personal goes; how the person identified stays, to remind them of a card.
        entry: assign(({ context }) => ({
          ...freshSession(context.language),
          method: context.method,
          // The last words (thank you, take your card) are still spoken.
          voice: context.voice,
          voiceRepeat: context.voiceRepeat,
        })),
        after: { [deps.thankYouMs]: { target: 'attract' } },
        on: { start: 'enterKpj', enter: 'attract' },
      },
    },
  });
}

export type SessionMachine = ReturnType<typeof createSessionMachine>;
