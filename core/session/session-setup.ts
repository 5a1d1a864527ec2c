import { assign, emit, enqueueActions, raise, sendTo, setup } from 'xstate';
import type { DeviceReadiness, Language, MenuName } from '../common/api';
import { isValidKpj, normalizeKpj } from '../common/domain/kpj';
import { kpjLast4 } from '../common/domain/mask';
import { projectionStart } from '../common/domain/projection';
import type { ContributionHistory } from '../host/host-api';
import {
  IDENTIFICATION_NOTICE_MS,
  canChangeYears,
  incomplete,
  projectionEdit,
  projectionFieldLength,
  projectionPrefill,
  typedKpjKept,
} from './entry-rules';
import { EMPTY_ENTRY, erasedDigit, FIXED_FIELD_LENGTH, typedDigit } from './entry-field';
import { historyPageCount, turnHistoryPage } from './history-pages';
import { canPrint, intentForKey, menuFactsOf } from './menus';
import { failureOfEvent, hostErrorCode, hostSteps, outputOf } from './host-steps';
import {
  freshSession,
  offeredLanguages,
  verifiedOf,
  type SessionContext,
  type SessionInput,
} from './session-context';
import type { SessionEvent } from './session-events';
import { journal, type JournalEvent } from './session-facts';
import type { StepMeta, StepTag } from './step-meta';
import { verificationMachine, type VerificationOutcome } from './verification-machine';
import { bankCardSteps } from './bank-card-steps';
import { bankErrorCode } from './bank-card-rules';
import type { BankCardVerifyReply, BalanceSummary } from '../host/host-api';
import type { HostFailure } from '../host/host-client';

/** How long "take your receipt" stays before asking about another transaction. */
export const TAKE_RECEIPT_MS = 5_000;

const summaryOf = (context: SessionContext) => verifiedOf(context).summary;
const printerReadiness = (context: SessionContext): DeviceReadiness =>
  context.deps.receipts.printer?.readiness() ?? { printer: 'absent' };

/** A digit on a numbered menu stands for its item's intent (core/session/menus.ts). */
const menuIntent = (context: SessionContext, event: SessionEvent, menu: MenuName) =>
  event.type === 'digit'
    ? intentForKey(menu, event.digit, menuFactsOf(context, printerReadiness(context)))
    : null;

/** The linked KPJ an intent picks: by its place (touch), or the pin pad digit shown beside it (1 = first). */
function accountChosenBy(context: SessionContext, event: SessionEvent) {
  const index =
    event.type === 'chooseAccount'
      ? event.index
      : event.type === 'digit'
        ? Number(event.digit) - 1
        : -1;
  return context.accounts?.[index] ?? null;
}

/** The session machine's vocabulary: every guard, action, actor and delay by name. */
export const sessionSetup = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    emitted: {} as JournalEvent,
    tags: {} as StepTag,
    meta: {} as StepMeta,
  },
  actors: { ...hostSteps, ...bankCardSteps, verification: verificationMachine },
  delays: {
    thankYou: ({ context }) => context.deps.thankYouMs,
    takeReceipt: TAKE_RECEIPT_MS,
  },
  actions: {
    // The person and the step
    forgetEveryone: assign(({ context }) => freshSession(context.defaultLanguage)),
    /** Everything personal goes; how the person identified and the voice stay for the last words. */
    forgetPerson: assign(({ context }) => ({
      ...freshSession(context.language),
      method: context.method,
      voice: context.voice,
      voiceRepeat: context.voiceRepeat,
    })),
    setLanguage: assign(({ event }, params?: { language: Language }) => ({
      language: params?.language ?? (event.type === 'chooseLanguage' ? event.language : 'id'),
    })),
    setVoice: assign(({ context, event }) => {
      if (event.type !== 'voice') return {};
      if (event.command !== 'repeat') return { voice: event.command === 'on' };
      return { voice: true, voiceRepeat: context.voiceRepeat + (context.voice ? 1 : 0) };
    }),

    // Entry fields (entry-field.ts): the KPJ here, the projection's wage and years
    typeDigit: assign(({ context, event }, params: { field: 'kpj' | 'projection' }) => {
      if (event.type !== 'digit') return {};
      const length =
        params.field === 'kpj'
          ? FIXED_FIELD_LENGTH.kpj
          : projectionFieldLength(context.editing, summaryOf(context));
      return typedDigit(context, event.digit, length);
    }),
    eraseDigit: assign(({ context }) => erasedDigit(context)),
    clearEntry: assign(EMPTY_ENTRY),
    clearError: assign({ error: null }),
    refuseIncompleteKpj: assign(({ context }) => ({
      error: incomplete(context.buffer, FIXED_FIELD_LENGTH.kpj),
    })),
    refuseInvalidKpj: assign({ error: { code: 'invalidKpj' } }),

    // Identification
    /** Back on the KPJ step (Coba Lagi, Kembali): the number typed is there again to correct. */
    restoreTypedKpj: assign(({ context }) => ({
      ...EMPTY_ENTRY,
      buffer: typedKpjKept(context),
      kpj: null,
      visitEnd: null,
    })),
    takeTypedKpj: assign(({ context }) => ({ kpj: context.buffer, method: 'keypad' as const })),
    takeSubmittedKpj: assign(({ event }) =>
      event.type === 'submitKpj' ? { kpj: normalizeKpj(event.kpj), method: 'keypad' as const } : {},
    ),
    takeCapturedKpj: assign(({ event }) =>
      event.type === 'kpjCaptured' ? { kpj: event.kpj, method: event.method } : {},
    ),
    showRejectedIdentification: assign(({ event }) =>
      event.type === 'identificationRejected' ? { error: { code: event.reason } } : {},
    ),
    /** Said on the start screen for a while, then gone: it is not the next person's. */
    expireRejectionNotice: enqueueActions(({ enqueue }) => {
      enqueue.cancel('identificationNotice');
      enqueue.raise(
        { type: 'identificationNoticeExpired' },
        { delay: IDENTIFICATION_NOTICE_MS, id: 'identificationNotice' },
      );
    }),
    rememberOtpPolicy: assign(({ context, event }) => ({
      otpRequired:
        context.deps.requireOtp ||
        outputOf<{ verification: string[] }>(event).verification.includes('otp'),
    })),
    rememberHostLock: assign(({ event }) => {
      const failure = failureOfEvent(event);
      return { lockedUntil: failure.kind === 'locked' ? failure.retryAt : null };
    }),
    showHostFailure: assign(({ event }) => ({
      error: { code: hostErrorCode(failureOfEvent(event)) },
    })),

    // The ATM profile: bank card and card PIN (bank-card-states.ts)
    takeBankCard: assign(({ event }) =>
      event.type === 'bankCardInserted'
        ? {
            bankCard: { maskedPan: event.maskedPan },
            method: 'bankCard' as const,
          }
        : {},
    ),
    resetPinDigits: assign({ pinDigits: 0 }),
    setPinDigits: assign(({ event }) =>
      event.type === 'pinDigits' ? { pinDigits: event.count } : {},
    ),
    /** What the bank (or the pin pad) said, for the screen; `attemptsLeft` with a wrong PIN. */
    showBankFailure: assign(({ event }) => {
      const failure = failureOfEvent(event);
      return {
        error: {
          code: bankErrorCode(failure),
          ...(failure.kind === 'verificationFailed' ? { attemptsLeft: failure.attemptsLeft } : {}),
        },
      };
    }),
    showPinPadUnavailable: assign({ error: { code: 'pinPadUnavailable' as const } }),
    showCardNotReturned: assign({ error: { code: 'cardNotReturned' as const } }),
    showOutOfService: assign({ error: { code: 'outOfService' as const } }),
    takeAccounts: assign(({ event }) => {
      const { accounts } = outputOf<BankCardVerifyReply>(event);
      return { accounts, account: accounts.length === 1 ? accounts[0]! : null };
    }),
    pickAccount: assign(({ context, event }) => ({ account: accountChosenBy(context, event) })),
    acceptAccountBalance: assign(({ context, event }) => {
      const summary = outputOf<BalanceSummary>(event);
      return {
        kpj: summary.participant.kpj,
        verified: { token: context.account?.token ?? '', summary },
        projection: projectionStart(summary.participant),
        accounts: null,
        ...EMPTY_ENTRY,
      };
    }),
    /** The card reader holds the card number; here it is let go of. */
    forgetBankCard: ({ context }) => context.deps.bankCards?.forget(),
    journalBankPinFailed: emit(({ event }) => {
      const failure = failureOfEvent(event);
      return journal({
        type: 'verificationResult',
        data: {
          result: 'failed',
          attemptsLeft: failure.kind === 'verificationFailed' ? failure.attemptsLeft : 0,
        },
      });
    }),
    journalAccountIdentified: emit(({ context }) =>
      journal({
        type: 'identified',
        data: { method: 'bankCard', kpjLast4: (context.account?.maskedKpj ?? '').slice(-4) },
      }),
    ),
    journalCardRetained: emit(({ context }) =>
      journal({
        type: 'cardRetained',
        data: {
          reason:
            context.error?.code === 'pinTriesExceeded' || context.error?.code === 'cardBlocked'
              ? context.error.code
              : 'notTaken',
        },
      }),
    ),

    // Verification (verification-machine.ts)
    forwardToVerification: sendTo('verification', ({ event }) => event),
    acceptVerification: assign(({ event }) => {
      const outcome = outputOf<VerificationOutcome>(event);
      if (outcome.outcome !== 'verified') return {};
      const { token, summary } = outcome;
      return {
        verified: { token, summary },
        projection: projectionStart(summary.participant),
        ...EMPTY_ENTRY,
      };
    }),
    takeVerificationEnd: assign(({ event }) => {
      const outcome = outputOf<VerificationOutcome>(event);
      if (outcome.outcome === 'locked') return { lockedUntil: outcome.lockedUntil };
      if (outcome.outcome === 'hostFailed') return { error: outcome.error };
      return {};
    }),
    recallLock: assign(({ context }) => ({
      ...EMPTY_ENTRY,
      visitEnd: 'locked' as const,
      lockedUntil:
        context.lockedUntil ??
        (context.kpj ? context.deps.lockouts.lockedUntil(context.kpj, context.deps.now()) : null),
    })),
    markErrorEnd: assign({ visitEnd: 'error' as const }),
    /** Left early: the visit ends as canceled even when what follows is giving the card back. */
    markCanceledEnd: assign({ visitEnd: 'canceled' as const }),

    // Served steps
    /** Each print job gets the next reference (a counter): issued once, then kept. */
    issueReceiptReference: enqueueActions(({ context, enqueue }) => {
      const receiptReference = context.deps.receipts.nextReference(context.deps.now());
      enqueue.assign({ receiptReference, printProblem: null });
    }),
    rememberPrintProblem: assign(({ event }) => {
      const result = outputOf<
        { ok: boolean; problem?: SessionContext['printProblem'] } | undefined
      >(event);
      return { printProblem: result?.ok ? null : (result?.problem ?? 'hardwareError') };
    }),
    showFirstHistoryPage: assign({ historyPage: 0 }),
    startHistoryLoad: assign({ historyFailed: false }),
    keepHistory: assign(({ event }) => ({
      history: outputOf<ContributionHistory>(event).rows,
    })),
    markHistoryFailed: assign({ historyFailed: true }),
    turnHistoryPage: assign(({ context, event }) => {
      if (event.type !== 'historyPage') return {};
      const direction = event.direction;
      const pages = historyPageCount(summaryOf(context));
      return { historyPage: turnHistoryPage(context.historyPage, direction, pages) };
    }),
    stopEditing: assign({ editing: null, ...EMPTY_ENTRY }),
    /** Opens the projection field named by the intent, or by the key (1 wage, 2 years). */
    editField: assign(({ context, event }, params?: { field: 'wage' | 'years' }) => {
      const field = params?.field ?? (event.type === 'editProjection' ? event.field : 'wage');
      const buffer = projectionPrefill({ ...context, editing: field }, summaryOf(context));
      return { editing: field, buffer, bufferPrefilled: true, error: null };
    }),
    leaveField: assign({ bufferPrefilled: false, error: null }),
    applyProjectionEdit: assign(({ context }) => {
      const edit = projectionEdit(context, summaryOf(context));
      return edit.ok ? { projection: edit.projection } : {};
    }),
    refuseProjectionEdit: assign(({ context }) => {
      const edit = projectionEdit(context, summaryOf(context));
      return edit.ok ? {} : { error: edit.error };
    }),

    /** The menu item's intent goes through the machine again, so its own guards apply. */
    raiseMenuIntent: raise(
      ({ context, event }, params: { menu: MenuName }): SessionEvent =>
        // Only after menuHasKey; activity changes nothing.
        menuIntent(context, event, params.menu) ?? { type: 'activity' },
    ),

    // The journal (session-facts.ts); the auditor adds the session each belongs to
    journalVisitStarted: emit(journal({ type: 'visitStarted' })),
    journalVisitEnded: emit(({ context, event }) => {
      const reason =
        event.type === 'timeout'
          ? 'timeout'
          : event.type === 'auditFailed'
            ? 'error'
            : (context.visitEnd ?? (event.type === 'cancel' ? 'canceled' : 'finished'));
      return journal({ type: 'visitEnded', reason });
    }),
    journalIdentified: emit(({ context }) =>
      journal({
        type: 'identified',
        data: { method: context.method ?? 'keypad', kpjLast4: kpjLast4(context.kpj ?? '') },
      }),
    ),
    journalVerified: emit(journal({ type: 'verificationResult', data: { result: 'success' } })),
    journalLocked: emit(journal({ type: 'verificationResult', data: { result: 'locked' } })),
    journalHostError: emit(({ context }) =>
      journal({ type: 'hostError', data: { kind: context.error?.code ?? 'hostUnavailable' } }),
    ),
    journalBalanceShown: emit(journal({ type: 'balanceDisplayed', data: { shown: true } })),
    /**
     * A print job ends as printed, a printer problem, or canceled (left by cancel or time-out
     * while printing: the receipt may still come out, so it is journaled too).
     */
    journalReceipt: emit(({ context, event }) => {
      const done = event.type.startsWith('xstate.done.actor');
      const failed = event.type.startsWith('xstate.error.actor');
      const result = done ? outputOf<{ ok: boolean; problem?: string }>(event) : null;
      const outcome = failed
        ? 'hardwareError'
        : result
          ? result.ok
            ? 'printed'
            : (result.problem ?? 'hardwareError')
          : 'canceled';
      return journal({
        type: 'receiptPrinted',
        data: {
          reference: context.receiptReference ?? '',
          outcome: outcome as 'printed' | 'canceled' | 'hardwareError',
        },
      });
    }),
  },
  guards: {
    atmProfile: ({ context }) => context.deps.profile === 'atm',
    /** Embedded: the ATM's application keeps the card and gets the terminal back at the end. */
    handsCardBack: ({ context }) => context.deps.handOff === true,
    kioskProfile: ({ context }) => context.deps.profile !== 'atm',
    /** The kiosk serves (service-monitor.ts): an error screen may lead to another try. */
    inService: ({ context }) => context.deps.inService?.() ?? true,
    bankFailureIs: ({ event }, params: { kind: HostFailure['kind'] }) =>
      failureOfEvent(event).kind === params.kind,
    severalAccounts: ({ event }) => outputOf<BankCardVerifyReply>(event).accounts.length > 1,
    accountChosen: ({ context, event }) => accountChosenBy(context, event) !== null,
    cardRetained: ({ event }) => outputOf<string>(event) === 'retained',
    /** The reader could not give the card back (jammed, an eject refused). */
    cardStuck: ({ event }) => outputOf<string>(event) === 'failed',
    hasError: ({ context }) => context.error !== null,
    accountPicked: ({ context }) => context.account !== null,
    pinPadUnavailable: ({ event }) => event.type === 'pinEnded' && event.reason === 'unavailable',
    languageOffered: ({ context, event }) =>
      event.type === 'chooseLanguage' && offeredLanguages(context.deps).includes(event.language),
    menuHasKey: ({ context, event }, params: { menu: MenuName }) =>
      menuIntent(context, event, params.menu) !== null,
    kpjComplete: ({ context }) => isValidKpj(context.buffer),
    submittedKpjValid: ({ event }) =>
      event.type === 'submitKpj' && isValidKpj(normalizeKpj(event.kpj)),
    kpjLocked: ({ context }) =>
      context.kpj !== null &&
      context.deps.lockouts.lockedUntil(context.kpj, context.deps.now()) !== null,
    hostLocked: ({ event }) => failureOfEvent(event).kind === 'locked',
    outcomeIs: ({ event }, params: { outcome: VerificationOutcome['outcome'] }) =>
      outputOf<VerificationOutcome>(event).outcome === params.outcome,
    printerReady: ({ context }) => canPrint(printerReadiness(context)),
    printed: ({ event }) => outputOf<{ ok: boolean }>(event).ok,
    historyKnown: ({ context }) => context.history !== null,
    /** At the retirement age there is no period left to change. */
    fieldEditable: ({ context, event }, params?: { field: 'wage' | 'years' }) => {
      const field = params?.field ?? (event.type === 'editProjection' ? event.field : 'wage');
      return field === 'wage' || canChangeYears(summaryOf(context));
    },
    projectionEditAcceptable: ({ context }) => projectionEdit(context, summaryOf(context)).ok,
    answeredYes: ({ event }) => event.type === 'answer' && event.yes,
  },
});

/** A state's numbered menu (menus.ts): its digits raise the items' intents. */
export function menuKeys(menu: MenuName) {
  return {
    digit: {
      guard: { type: 'menuHasKey' as const, params: { menu } },
      actions: { type: 'raiseMenuIntent' as const, params: { menu } },
    },
  };
}
