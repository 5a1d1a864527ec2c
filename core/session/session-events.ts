import type { Intent } from '../common/api';

export type IdentificationMethod = 'keypad' | 'card' | 'scanner';

/** Events the session flow accepts: UI intents plus what the brain itself observes. */
export type SessionEvent =
  | Intent
  | { type: 'timeout' }
  /** A record of this session could not be journaled: end it before anything more is shown. */
  | { type: 'auditFailed' }
  | { type: 'kpjCaptured'; kpj: string; method: IdentificationMethod }
  /** A card or scan was presented to identify, but it carries no KPJ (said on screen). */
  | { type: 'identificationRejected'; reason: 'cardNotKpj' | 'cardUnreadable' | 'scanNotKpj' }
  /** The start screen's "not a BPJS card" has been shown long enough. */
  | { type: 'identificationNoticeExpired' }
  /** A technician card was swiped; `cardTail` is its last 4 digits (for the journal). */
  | { type: 'technicianCard'; cardTail: string };
