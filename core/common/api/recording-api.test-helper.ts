import type { Intent, KioskApi, SessionView } from '.';
import { attractView } from './attract-view.test-helper';

/** A brain double for the shells' tests: records intents, publishes the views a test gives it. */
export class RecordingApi implements KioskApi {
  received: Intent[] = [];
  private readonly listeners = new Set<(view: SessionView) => void>();
  constructor(public current: SessionView = attractView(1, { devices: { printer: 'absent' } })) {}
  send(intent: Intent) {
    this.received.push(intent);
  }
  subscribe(listener: (view: SessionView) => void) {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }
  publish(view: SessionView) {
    this.current = view;
    for (const listener of this.listeners) listener(view);
  }
  get subscribers(): number {
    return this.listeners.size;
  }
}
