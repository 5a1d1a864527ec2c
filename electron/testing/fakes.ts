import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { attractView } from '../../core/common/api/attract-view.test-helper';
import type { Logger } from '../../core/log/logger';

/** A valid snapshot of the attract screen; `seq` and overrides vary it. */
export const fakeView = attractView;

export type SpyLogger = Logger & {
  warn: ReturnType<typeof vi.fn>;
  error: ReturnType<typeof vi.fn>;
  info: ReturnType<typeof vi.fn>;
  fatal: ReturnType<typeof vi.fn>;
};

export function spyLogger(): SpyLogger {
  return {
    warn: vi.fn(),
    error: vi.fn(),
    info: vi.fn(),
    fatal: vi.fn(),
    debug: vi.fn(),
  } as unknown as SpyLogger;
}

/** Everything a spy logger was called with, as one string, to check nothing private leaked. */
export function loggedText(logger: SpyLogger): string {
  return JSON.stringify(
    [logger.warn, logger.error, logger.info, logger.fatal].flatMap((fn) => fn.mock.calls),
  );
}

/** Enough of Electron's WebContents for the guards and the IPC binding. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<[string, unknown]> = [];
  destroyed = false;
  mainFrame = { url: 'app://kiosk/index.html', parent: null };
  reload = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  openDevTools = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

/** A cancellable Electron-style event. */
export function fakeEvent<T extends object>(fields: T = {} as T) {
  const event = { ...fields, defaultPrevented: false, preventDefault: vi.fn() };
  event.preventDefault.mockImplementation(() => {
    event.defaultPrevented = true;
  });
  return event;
}
