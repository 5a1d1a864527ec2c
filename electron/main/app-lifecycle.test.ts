import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent, spyLogger, type SpyLogger } from '../testing/fakes';

/** A stand-in for Electron's main-process modules, rebuilt for every test. */
const fake = vi.hoisted(() => ({ electron: null as ReturnType<typeof makeElectron> | null }));

function makeElectron() {
  const app = Object.assign(new EventEmitter(), {
    gotLock: true,
    ready: null as (() => void) | null,
    requestSingleInstanceLock: vi.fn(() => app.gotLock),
    enableSandbox: vi.fn(),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (app.ready = resolve))),
    quit: vi.fn(() => {
      app.emit('will-quit', fakeEvent());
    }),
    exit: vi.fn(),
    relaunch: vi.fn(),
    getAppPath: vi.fn(() => '/opt/kiosk'),
    isPackaged: true,
    switches: new Set<string>(),
    commandLine: { hasSwitch: vi.fn((name: string) => app.switches.has(name)) },
  });
  const windows: Array<EventEmitter & Record<string, ReturnType<typeof vi.fn> | unknown>> = [];
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), {
      send: vi.fn(),
      isDestroyed: () => false,
      reload: vi.fn(),
      openDevTools: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      mainFrame: { url: 'app://kiosk/index.html', parent: null },
    });
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => true);
    isDestroyed = vi.fn(() => false);
    loadURL = vi.fn(() => Promise.resolve());
    constructor(public options: Record<string, unknown>) {
      super();
      windows.push(this as never);
    }
  }
  const kioskSession = {
    protocol: { handle: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  return {
    app,
    windows,
    kioskSession,
    BrowserWindow,
    Menu: { setApplicationMenu: vi.fn() },
    powerSaveBlocker: { start: vi.fn(() => 42), stop: vi.fn(), isStarted: vi.fn(() => true) },
    session: { fromPartition: vi.fn(() => kioskSession) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: new EventEmitter(),
  };
}

vi.mock('electron', () => {
  const pick = (name: string) =>
    new Proxy(
      {},
      {
        get: (_t, key) =>
          (fake.electron as unknown as Record<string, Record<string | symbol, unknown>>)[name]?.[
            key
          ],
      },
    );
  // BrowserWindow must be constructible: forward `new` to the current fake class.
  function BrowserWindow(options: Record<string, unknown>) {
    return new (fake.electron as ReturnType<typeof makeElectron>).BrowserWindow(options);
  }
  return {
    app: pick('app'),
    Menu: pick('Menu'),
    powerSaveBlocker: pick('powerSaveBlocker'),
    session: pick('session'),
    protocol: pick('protocol'),
    ipcMain: pick('ipcMain'),
    BrowserWindow,
  };
});

const core = vi.hoisted(() => ({
  loadConfig: vi.fn(),
  startKioskRuntime: vi.fn(),
  logger: null as unknown,
}));
vi.mock('../../core/config/load-config', () => ({ loadConfig: core.loadConfig }));
vi.mock('../../core/kiosk/kiosk-runtime', () => ({ startKioskRuntime: core.startKioskRuntime }));
vi.mock('../../core/log/logger', () => ({ createLogger: () => core.logger }));

const { startKioskShell, KIOSK_PARTITION } = await import('./app-lifecycle');

const config = { log: { level: 'silent' }, terminalId: 'KSK-TEST-01' };
/** The runtime the shell starts: in these tests only its API and its dispose are seen. */
let kiosk: {
  api: { send: ReturnType<typeof vi.fn>; subscribe: ReturnType<typeof vi.fn> };
  dispose: ReturnType<typeof vi.fn>;
  onRestartDue: ReturnType<typeof vi.fn>;
  /** What the shell gave onRestartDue: the maintenance schedule calls it. */
  restartDue: () => void;
};
let electron: ReturnType<typeof makeElectron>;

beforeEach(() => {
  electron = makeElectron();
  fake.electron = electron;
  core.logger = spyLogger();
  kiosk = {
    api: { send: vi.fn(), subscribe: vi.fn(() => () => {}) },
    dispose: vi.fn(() => Promise.resolve()),
    onRestartDue: vi.fn((listener: () => void) => {
      kiosk.restartDue = listener;
      return () => {};
    }),
    restartDue: () => {},
  };
  core.loadConfig.mockReset().mockReturnValue(config);
  core.startKioskRuntime.mockReset().mockResolvedValue(kiosk);
});

let signals: EventEmitter;
beforeEach(() => {
  signals = new EventEmitter();
});

async function startReady(
  argv = ['electron', '.', '--config=/etc/kiosk.json'],
  env: Record<string, string> = {},
) {
  startKioskShell({ argv, env, mainDir: '/opt/kiosk/dist-electron', signals });
  electron.app.ready?.();
  await vi.waitFor(() =>
    expect(electron.windows.length + electron.app.exit.mock.calls.length).toBeGreaterThan(0),
  );
  return electron.windows[0];
}

describe('startKioskShell: single instance', () => {
  it('a second instance quits at once without opening a window', () => {
    electron.app.gotLock = false;
    startKioskShell({ argv: [], env: {}, mainDir: '/x', signals });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(core.startKioskRuntime).not.toHaveBeenCalled();
  });

  it('the first instance brings its window forward when a second one starts', async () => {
    const window = await startReady();
    electron.app.emit('second-instance', fakeEvent(), ['electron', '.'], '/tmp', {});
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.show).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
  });
});

describe('startKioskShell: start', () => {
  it('registers app:// as a standard secure scheme before ready, sandboxes all renderers', () => {
    startKioskShell({ argv: [], env: {}, mainDir: '/x', signals });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(electron.windows).toHaveLength(0);
  });

  it('on ready: loads the config from --config, starts the kiosk runtime, opens the kiosk window', async () => {
    const window = await startReady();
    expect(core.loadConfig).toHaveBeenCalledWith('/etc/kiosk.json');
    // Devices, brain, journal, diagnostics socket and host client all come from the runtime.
    expect(core.startKioskRuntime).toHaveBeenCalledWith(config, {
      logger: core.logger,
      // Shown to technicians, and their port changes are saved into the same file.
      configFile: '/etc/kiosk.json',
    });
    expect(electron.session.fromPartition).toHaveBeenCalledWith(KIOSK_PARTITION);
    expect(KIOSK_PARTITION.startsWith('persist:')).toBe(false);
    expect(electron.kioskSession.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.kioskSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.kioskSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(window?.options).toMatchObject({
      kiosk: true,
      webPreferences: {
        preload: '/opt/kiosk/dist-electron/preload.cjs',
        session: electron.kioskSession,
        sandbox: true,
        contextIsolation: true,
        devTools: false,
      },
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
    expect(kiosk.api.subscribe).toHaveBeenCalled();
  });

  it('keeps the display awake', async () => {
    await startReady();
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });

  it('guards every WebContents the app creates', async () => {
    await startReady();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    electron.app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('exits with status 1 and no window on a bad config', async () => {
    core.loadConfig.mockImplementation(() => {
      throw new Error('Invalid kiosk configuration in /etc/kiosk.json:\n  - host.url: Invalid URL');
    });
    await startReady();
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.windows).toHaveLength(0);
    expect(core.startKioskRuntime).not.toHaveBeenCalled();
  });
});

describe('startKioskShell: DevTools and debugging', () => {
  const argv = ['electron', '.', '--config=/etc/kiosk.json'];
  type DevToolsWindow = EventEmitter & {
    options: { webPreferences: { devTools: boolean } };
    webContents: { openDevTools: ReturnType<typeof vi.fn> };
  };

  it('a packaged build keeps DevTools off even with KIOSK_DEVTOOLS=1, and says it ignored it', async () => {
    const window = (await startReady(argv, { KIOSK_DEVTOOLS: '1' })) as unknown as DevToolsWindow;
    window.emit('ready-to-show');
    expect(window.options.webPreferences.devTools).toBe(false);
    expect(window.webContents.openDevTools).not.toHaveBeenCalled();
    expect((core.logger as SpyLogger).warn).toHaveBeenCalledWith(
      'KIOSK_DEVTOOLS is ignored in a packaged build',
    );
  });

  it('an unpackaged development run opens DevTools when KIOSK_DEVTOOLS=1', async () => {
    electron.app.isPackaged = false;
    const window = (await startReady(argv, { KIOSK_DEVTOOLS: '1' })) as unknown as DevToolsWindow;
    window.emit('ready-to-show');
    expect(window.options.webPreferences.devTools).toBe(true);
    expect(window.webContents.openDevTools).toHaveBeenCalledWith({ mode: 'detach' });
  });

  it('a packaged build started with --remote-debugging-port exits with 1 and opens nothing', () => {
    electron.app.switches.add('remote-debugging-port');
    startKioskShell({ argv, env: {}, mainDir: '/x', signals });
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(core.startKioskRuntime).not.toHaveBeenCalled();
    expect((core.logger as SpyLogger).fatal).toHaveBeenCalledWith(
      { switches: ['remote-debugging-port'] },
      expect.stringContaining('not allowed in a packaged build'),
    );
  });

  it('a packaged build refuses --remote-debugging-pipe too', () => {
    electron.app.switches.add('remote-debugging-pipe');
    startKioskShell({ argv, env: {}, mainDir: '/x', signals });
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('an unpackaged development run may be remote-debugged', async () => {
    electron.app.isPackaged = false;
    electron.app.switches.add('remote-debugging-port');
    const window = await startReady();
    expect(window).toBeDefined();
    expect(electron.app.exit).not.toHaveBeenCalled();
  });
});

describe('startKioskShell: shutdown', () => {
  it('quits when the window closes', async () => {
    await startReady();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('disposes the runtime and releases the display before the process exits', async () => {
    await startReady();
    let finishStop: () => void = () => {};
    kiosk.dispose.mockImplementation(() => new Promise<void>((resolve) => (finishStop = resolve)));
    const first = fakeEvent();
    electron.app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    // The display is released and the UI unbound first, then the runtime stops.
    expect(electron.powerSaveBlocker.stop).toHaveBeenCalledWith(42);
    await vi.waitFor(() => expect(kiosk.dispose).toHaveBeenCalledOnce());
    electron.app.emit('will-quit', fakeEvent()); // a second quit while stopping: no second stop
    expect(kiosk.dispose).toHaveBeenCalledOnce();
    expect(electron.app.quit).not.toHaveBeenCalled();

    finishStop();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    const last = fakeEvent();
    electron.app.emit('will-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });

  it('quits on SIGTERM through the same graceful path', async () => {
    await startReady();
    signals.emit('SIGTERM');
    await vi.waitFor(() => expect(kiosk.dispose).toHaveBeenCalled());
  });

  it('a quit while the runtime is still starting stops it once started, and opens no window', async () => {
    let started: (runtime: typeof kiosk) => void = () => {};
    core.startKioskRuntime.mockReturnValue(new Promise((resolve) => (started = resolve)));
    startKioskShell({ argv: ['electron', '.'], env: {}, mainDir: '/x', signals });
    electron.app.ready?.();
    await vi.waitFor(() => expect(core.startKioskRuntime).toHaveBeenCalled());
    signals.emit('SIGTERM');
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(2));
    expect(kiosk.dispose).not.toHaveBeenCalled();

    started(kiosk);
    await vi.waitFor(() => expect(kiosk.dispose).toHaveBeenCalledOnce());
    expect(electron.windows).toHaveLength(0);
  });

  it('a runtime that cannot start (e.g. a bad host.clientModule) exits 1 with no window', async () => {
    core.startKioskRuntime.mockRejectedValue(
      new Error('host.clientModule /etc/bank-host.mjs must export a function createHostClient'),
    );
    await startReady();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.windows).toHaveLength(0);
    expect((core.logger as SpyLogger).fatal).toHaveBeenCalledWith(
      { err: expect.stringContaining('host.clientModule /etc/bank-host.mjs') },
      'kiosk shell failed to start',
    );
  });

  it('the daily restart stops the runtime cleanly and relaunches the app', async () => {
    await startReady();
    await vi.waitFor(() => expect(kiosk.onRestartDue).toHaveBeenCalled());
    kiosk.restartDue();
    expect(electron.app.relaunch).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(kiosk.dispose).toHaveBeenCalledOnce());
  });
});
