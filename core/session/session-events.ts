import type { CardPin } from './bank-card-port';
import type { Intent } from '../common/api';

export type IdentificationMethod = 'keypad' | 'card' | 'scanner' | 'bankCard';

/** Events the session flow accepts: UI intents plus what the brain itself observes. */
export type SessionEvent =
  | Intent
  | { type: 'timeout' }
  /** A record of this session could not be journaled: end it before anything more is shown. */
  | { type: 'auditFailed' }
  /** The kiosk went out of service (host or a required device); the journal still works. */
  | { type: 'serviceLost' }
  /** Back in service: whoever chose a language at the out-of-service screen is not the next person. */
  | { type: 'serviceRestored' }
  | { type: 'kpjCaptured'; kpj: string; method: IdentificationMethod }
  /** A card or scan was presented to identify, but it carries no KPJ (said on screen). */
  | { type: 'identificationRejected'; reason: 'cardNotKpj' | 'cardUnreadable' | 'scanNotKpj' }
  /** The start screen's "not a BPJS card" has been shown long enough. */
  | { type: 'identificationNoticeExpired' }
  /** The ATM profile: a bank card was read and is held; the brain knows only its reference. */
  | { type: 'bankCardInserted'; maskedPan: string }
  /** While the card PIN is typed: the digit count. */
  | { type: 'pinDigits'; count: number }
  /** The card PIN as a PIN block, ready for the bank. */
  | { type: 'pinEntered'; pin: CardPin }
  | { type: 'pinEnded'; reason: 'canceled' | 'timeout' | 'unavailable' }
  /** A technician card was swiped; `cardTail` is its last 4 digits (for the journal). */
  | { type: 'technicianCard'; cardTail: string };
