import type { SessionView } from '../common/api';
import type { SessionEvent } from '../session/session-events';

/** What device adapters need of the brain: feed it events and watch its views. */
export interface BrainPort {
  dispatch(event: SessionEvent): void;
  view(): SessionView;
  subscribe(listener: (view: SessionView) => void): () => void;
}

/** Minimal logger the adapters write to (pino fits). */
export interface AdapterLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}
