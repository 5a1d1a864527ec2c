import { app, Menu, powerSaveBlocker, session, type BrowserWindow } from 'electron';
import { DisposableStore } from '../../core/common/disposable-store';
import { loadConfig } from '../../core/config/load-config';
import { startKioskRuntime } from '../../core/kiosk/kiosk-runtime';
import { createLogger, type Logger } from '../../core/log/logger';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { resolveConfigPath } from './config-path';
import { bindKioskIpc } from './ipc-binding';
import { createKioskWindow } from './kiosk-window';
import { remoteDebuggingSwitches } from './debugging-switches';
import { denyAllPermissions } from './session-permissions';
import { resolveShellPaths } from './shell-paths';
import { guardWebContents } from './web-contents-guards';
import { recoverRenderer } from './renderer-recovery';
import { devToolsAllowed } from './window-options';

/** In-memory partition (no "persist:" prefix): cache and storage never reach the disk. */
export const KIOSK_PARTITION = 'kiosk';
export const STOP_TIMEOUT_MS = 5_000;

export interface ShellOptions {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Folder of the running main bundle (the preload sits next to it). */
  mainDir: string;
  /** Where SIGTERM / SIGINT come from; the process itself unless a test says otherwise. */
  signals?: { once(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown };
}

/**
 * The whole Electron app: one instance, one hardened kiosk window bound to the brain, display
 * kept awake, and the brain stopped before the process exits.
 */
export function startKioskShell(options: ShellOptions): void {
  let logger: Logger = createLogger({ name: 'kiosk-electron' });
  if (app.isPackaged && !packagedStartAllowed(options.env, logger)) {
    app.exit(1);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  Menu.setApplicationMenu(null);

  let window: BrowserWindow | null = null;
  let stopping: Promise<void> | null = null;
  let stopped = false;
  // What the shell started, stopped at quit in reverse order: the display blocker, the window's
  // IPC binding, then the runtime (brain, journal, diagnostics socket, devices).
  const started = new DisposableStore((error, name) =>
    logger.error({ err: (error as Error).message }, `${name} did not stop cleanly`),
  );

  const start = async () => {
    const configPath = resolveConfigPath(options.argv, options.env);
    let config;
    try {
      config = loadConfig(configPath);
    } catch (error) {
      // ConfigError messages name the file and the bad fields, never their values' meaning.
      logger.fatal((error as Error).message);
      stopped = true;
      app.exit(1);
      return;
    }
    logger = createLogger({ name: 'kiosk-electron', level: config.log.level });
    // Devices open in the background; ones that are missing are retried with backoff.
    const runtime = started.add(
      await startKioskRuntime(config, { logger, configFile: configPath ?? null }),
    );
    if (started.isDisposed) return; // quit while the runtime was starting: it is stopped already
    // The daily restart (nobody served): a clean stop, then the same app again.
    runtime.onRestartDue(() => {
      logger.info('daily restart');
      app.relaunch();
      app.quit();
    });
    const paths = resolveShellPaths(app.getAppPath(), options.mainDir, options.env);
    const kioskSession = session.fromPartition(KIOSK_PARTITION);
    denyAllPermissions(kioskSession);
    serveAppProtocol(kioskSession.protocol, paths.rendererDir, runtime.assets);
    window = createKioskWindow(
      {
        preloadPath: paths.preloadPath,
        session: kioskSession,
        devTools: devToolsAllowed(app.isPackaged, options.env),
      },
      logger,
    );
    const unbind = bindKioskIpc(runtime.api, window.webContents, logger);
    started.defer(unbind, 'kiosk IPC');
    started.defer(recoverRenderer(window.webContents, runtime.api, logger), 'renderer recovery');
    window.on('closed', () => {
      unbind();
      window = null;
    });
    const sleepBlocker = powerSaveBlocker.start('prevent-display-sleep');
    started.defer(() => {
      if (powerSaveBlocker.isStarted(sleepBlocker)) powerSaveBlocker.stop(sleepBlocker);
    }, 'display sleep blocker');
  };

  const shutdown = async () => {
    try {
      await withTimeout(started.dispose(), STOP_TIMEOUT_MS);
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'kiosk did not stop cleanly');
    }
  };

  app.on('second-instance', () => {
    logger.info('second instance started; focusing the kiosk window');
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, logger));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopping ??= shutdown().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  const signals = options.signals ?? process;
  signals.once('SIGTERM', () => app.quit());
  signals.once('SIGINT', () => app.quit());

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.fatal({ err: (error as Error).message }, 'kiosk shell failed to start');
      stopped = true;
      app.exit(1);
    });
}

/**
 * A packaged build is never debugged: KIOSK_DEVTOOLS does not count there (devToolsAllowed) and a
 * start with a remote-debugging switch is refused.
 */
function packagedStartAllowed(env: ShellOptions['env'], logger: Logger): boolean {
  if (env.KIOSK_DEVTOOLS !== undefined)
    logger.warn('KIOSK_DEVTOOLS is ignored in a packaged build');
  const switches = remoteDebuggingSwitches(app.commandLine);
  if (switches.length === 0) return true;
  logger.fatal(
    { switches },
    'remote debugging switches are not allowed in a packaged build; not starting',
  );
  return false;
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
