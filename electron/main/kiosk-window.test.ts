import type { Session } from 'electron';
import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeWebContents } from '../testing/fakes';
import { loggedText, spyLogger } from '../testing/fakes';

const windows = vi.hoisted(() => [] as Array<{ options: Record<string, unknown> }>);

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { FakeWebContents: Contents } = await import('../testing/fakes');
  class BrowserWindow extends Emitter {
    webContents = new Contents();
    show = vi.fn();
    isDestroyed = vi.fn(() => false);
    loadURL = vi.fn(() => Promise.resolve());
    constructor(public options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
  }
  return { BrowserWindow };
});

const { createKioskWindow } = await import('./kiosk-window');

type FakeWindow = EventEmitter & {
  options: Record<string, unknown>;
  webContents: FakeWebContents;
  show: ReturnType<typeof vi.fn>;
  loadURL: ReturnType<typeof vi.fn>;
};

const session = {} as Session;

function open(devTools = false) {
  const logger = spyLogger();
  createKioskWindow({ preloadPath: '/app/preload.cjs', session, devTools }, logger);
  return { window: windows.at(-1) as unknown as FakeWindow, logger };
}

beforeEach(() => {
  windows.length = 0;
});

describe('createKioskWindow', () => {
  it('opens a hardened kiosk window on app://kiosk/index.html', () => {
    const { window } = open();
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('shows the window only once it is painted, without devtools by default', () => {
    const { window } = open();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.webContents.openDevTools).not.toHaveBeenCalled();
  });

  it('reloads the page when the renderer process dies, logging only the reason', () => {
    const { window, logger } = open();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    expect(logger.error).toHaveBeenCalledWith({ reason: 'crashed' }, expect.any(String));
    expect(loggedText(logger)).not.toContain('139');
  });
});
