import { BIRTH_DATE_DIGITS, PARTICIPANT_AGE, parseBirthDate } from '../common/domain/birth-date';
import {
  projectionWageBounds,
  projectionWageDigits,
  projectionYearsBounds,
  withinBounds,
  type Bounds,
} from '../common/domain/projection';
import type { SessionContext, SessionErrorCode } from './session-machine';

/** What the person is told about a step: the code, and what the sentence needs to be specific. */
export interface SessionError {
  code: SessionErrorCode;
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

type ProjectionContext = Pick<SessionContext, 'projection' | 'editing' | 'buffer' | 'summary'>;

/** The value the projection's edit field starts with: the current one, or the last wage paid. */
export function projectionPrefill(context: Omit<ProjectionContext, 'buffer'>): string {
  const { wage, years } = context.projection;
  if (context.editing === 'years') return years > 0 ? String(years) : '';
  const lastWage = context.summary?.participant.currentWage ?? 0;
  const value = wage > 0 ? wage : lastWage;
  return value > 0 ? String(value) : '';
}

/** Digits the projection field being edited may hold: two for years, the largest wage's for a wage. */
export function projectionFieldLength(
  context: Pick<SessionContext, 'editing' | 'summary'>,
): number {
  if (context.editing === 'years') return 2;
  return projectionWageDigits(projectionWageBounds(context.summary?.participant.currentWage ?? 0));
}

/** False at or past the retirement age: the projection has no years left to set. */
export function canChangeYears(context: Pick<SessionContext, 'summary'>): boolean {
  return projectionYearsBounds(context.summary?.participant.age ?? 0).max > 0;
}

export type ProjectionEdit =
  { ok: true; projection: SessionContext['projection'] } | { ok: false; error: SessionError };

/** The projection with the typed wage or period, or why it is refused. */
export function projectionEdit(context: ProjectionContext): ProjectionEdit {
  const field = context.editing ?? 'wage';
  if (!context.buffer) return { ok: false, error: { code: 'entryIncomplete' } };
  const value = Number(context.buffer);
  const bounds =
    field === 'years'
      ? projectionYearsBounds(context.summary?.participant.age ?? 0)
      : projectionWageBounds(context.summary?.participant.currentWage ?? 0);
  if (!withinBounds(value, bounds))
    return {
      ok: false,
      error: { code: field === 'years' ? 'yearsOutOfRange' : 'wageOutOfRange', bounds },
    };
  return { ok: true, projection: { ...context.projection, [field]: value } };
}
