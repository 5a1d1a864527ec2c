import type { SessionView } from '../common/api';
import type { SessionEvent } from '../session/session-events';
import type { BrainPort } from './brain-port';
import type { DeviceSnapshot } from '../../devices/manager/device-snapshot';

/** A brain stand-in: records events, lets tests set the screen. */
export function fakeBrain(screen = 'attract'): BrainPort & {
  events: SessionEvent[];
  show(screen: string): void;
} {
  const listeners = new Set<(view: SessionView) => void>();
  let view = { screen } as SessionView;
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
      view = { ...view, screen: next } as SessionView;
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
