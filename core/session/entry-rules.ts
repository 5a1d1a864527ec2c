import { BIRTH_DATE_DIGITS, PARTICIPANT_AGE, parseBirthDate } from '../common/domain/birth-date';
import {
  projectionWageBounds,
  projectionWageDigits,
  projectionYearsBounds,
  withinBounds,
  type Bounds,
} from '../common/domain/projection';
import type { ErrorCode } from '../common/api';
import type { BalanceSummary } from '../host/host-api';
import type { SessionContext } from './session-context';

/** What the person is told about a step: the code, and what the sentence needs to be specific. */
export interface SessionError {
  code: ErrorCode;
  attemptsLeft?: number;
  missingDigits?: number;
  bounds?: Bounds;
}

/** How long "this is not a BPJS card" stays on the start screen. */
export const IDENTIFICATION_NOTICE_MS = 10_000;

/** Lanjut before the field is full: how many digits are still missing. */
export function incomplete(buffer: string, length: number): SessionError {
  return { code: 'entryIncomplete', missingDigits: Math.max(length - buffer.length, 1) };
}

/**
 * The KPJ to show again when the person comes back to the KPJ step: the one they typed. A
 * swiped or scanned number is never shown in full: they present the card again.
 */
export function typedKpjKept(context: Pick<SessionContext, 'kpj' | 'method'>): string {
  return context.method === 'keypad' && context.kpj ? context.kpj : '';
}

/** Why a typed birth date is refused before the host is asked; null when it is acceptable. */
export function birthDateError(typed: string, today: Date): SessionError | null {
  const parsed = parseBirthDate(typed, today);
  if (parsed.ok) return null;
  switch (parsed.reason) {
    case 'incomplete':
      return incomplete(typed.replace(/\D/g, ''), BIRTH_DATE_DIGITS);
    case 'notADate':
      return { code: 'invalidBirthDate' };
    case 'inFuture':
      return { code: 'birthDateInFuture' };
    case 'ageOutOfRange':
      return { code: 'birthDateAgeOutOfRange', bounds: { ...PARTICIPANT_AGE } };
  }
}

type ProjectionState = Pick<SessionContext, 'projection' | 'editing'>;

/** The value the projection's edit field starts with: the current one, or the last wage paid. */
export function projectionPrefill(state: ProjectionState, summary: BalanceSummary): string {
  const { wage, years } = state.projection;
  if (state.editing === 'years') return years > 0 ? String(years) : '';
  const value = wage > 0 ? wage : summary.participant.currentWage;
  return value > 0 ? String(value) : '';
}

/** Digits the projection field being edited may hold: two for years, the largest wage's for a wage. */
export function projectionFieldLength(
  editing: SessionContext['editing'],
  summary: BalanceSummary,
): number {
  if (editing === 'years') return 2;
  return projectionWageDigits(projectionWageBounds(summary.participant.currentWage));
}

/** False at or past the retirement age: the projection has no years left to set. */
export function canChangeYears(summary: BalanceSummary): boolean {
  return projectionYearsBounds(summary.participant.age).max > 0;
}

export type ProjectionEdit =
  { ok: true; projection: SessionContext['projection'] } | { ok: false; error: SessionError };

/** The projection with the typed wage or period, or why it is refused. */
export function projectionEdit(
  state: ProjectionState & { buffer: string },
  summary: BalanceSummary,
): ProjectionEdit {
  const field = state.editing ?? 'wage';
  if (!state.buffer) return { ok: false, error: { code: 'entryIncomplete' } };
  const value = Number(state.buffer);
  const bounds =
    field === 'years'
      ? projectionYearsBounds(summary.participant.age)
      : projectionWageBounds(summary.participant.currentWage);
  if (!withinBounds(value, bounds))
    return {
      ok: false,
      error: { code: field === 'years' ? 'yearsOutOfRange' : 'wageOutOfRange', bounds },
    };
  return { ok: true, projection: { ...state.projection, [field]: value } };
}
