import type { SessionView } from '../common/api';
import type { SessionEvent } from '../session/session-events';
import type { BrainPort } from './brain-port';
import type { DeviceSnapshot } from '../../devices/manager/device-snapshot';

/** A brain stand-in: records events, lets tests set the screen. */
type Step = SessionView['step'];

/** Steps as the session machine's tags describe them (core/session/step-meta.ts). */
export const STEPS = {
  /** The start screen: keys start a session, a card or scan identifies. */
  start: { takesKeys: true, identifying: true, resting: true },
  /** The KPJ step. */
  identifying: { takesKeys: true, identifying: true, resting: false },
  /** A served or verification step: keys drive it, cards do not identify. */
  keys: { takesKeys: true, identifying: false, resting: false },
  /** Technician mode or out of service: the participant flow takes no keys. */
  noKeys: { takesKeys: false, identifying: false, resting: false },
} satisfies Record<string, Step>;

export function fakeBrain(step: Step = STEPS.start): BrainPort & {
  events: SessionEvent[];
  show(step: Step): void;
} {
  const listeners = new Set<(view: SessionView) => void>();
  let view = { screen: 'attract', step } as SessionView;
  const events: SessionEvent[] = [];
  return {
    events,
    dispatch: (event) => events.push(event),
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      listener(view);
      return () => listeners.delete(listener);
    },
    show(next) {
      view = { ...view, step: next } as SessionView;
      for (const listener of listeners) listener(view);
    },
  };
}

export function fakeLogger(): {
  lines: string[];
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
} {
  const lines: string[] = [];
  return {
    lines,
    info: (object, message) => lines.push(`${message} ${JSON.stringify(object)}`),
    warn: (object, message) => lines.push(`${message} ${JSON.stringify(object)}`),
  };
}

/** Minimal event source. */
export class Emitter<E> {
  private readonly listeners = new Set<(event: E) => void>();
  on(listener: (event: E) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: E): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

/** An online receipt printer's snapshot, with what a test changes. */
export const printerSnapshot = (overrides: Partial<DeviceSnapshot> = {}): DeviceSnapshot => ({
  name: 'printer',
  deviceClass: 'receiptPrinter',
  driver: 'escpos',
  transport: 'tcp:127.0.0.1:9100',
  state: 'online',
  detail: 'paper full, cover closed',
  capabilities: {},
  counters: {},
  reconnecting: false,
  ...overrides,
});
