import { resolve } from 'node:path';
import { toDisposable } from '../../core/common/disposable-store';
import type { KioskConfig } from '../../core/config/kiosk-config';
import {
  startKioskRuntime,
  type KioskRuntime,
  type KioskRuntimeOverrides,
} from '../../core/kiosk/kiosk-runtime';
import {
  writeScreenLaunchFile,
  writeScreenLaunchFileAt,
  type ScreenLaunchFile,
} from '../screen-launch-file';
import { startWebShell, type WebShell } from '../web-shell';

/** The renderer as `npm run build:renderer` leaves it. */
export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../../dist/renderer');

export interface WebKioskOptions {
  /** Overrides for the kiosk runtime (host client, logger, config file, port discovery…). */
  runtime?: KioskRuntimeOverrides;
  /** The built renderer; default dist/renderer of this checkout. */
  rendererDir?: string;
  /** The loopback port; default the config's `web.port` (0: any free one). */
  port?: number;
  /** The UI secret; default a fresh one per launch (a restarted brain passes the old one). */
  uiSecret?: string;
  /**
   * Write the owner-only launch file that forwards a browser to the page: true (default) in a
   * fresh temporary folder, a path to write it there, false for none.
   */
  launchFile?: boolean | string;
}

/** The kiosk in the web shell: the runtime and its page, stopped by one dispose. */
export interface WebKiosk extends AsyncDisposable {
  runtime: KioskRuntime;
  shell: WebShell;
  launch: ScreenLaunchFile | null;
  dispose(): Promise<void>;
}

/** Starts the kiosk runtime and serves its UI on 127.0.0.1. */
export async function startWebKiosk(
  config: KioskConfig,
  options: WebKioskOptions = {},
): Promise<WebKiosk> {
  const runtime = await startKioskRuntime(config, options.runtime);
  try {
    const shell = await startWebShell({
      api: runtime.api,
      rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
      assets: runtime.assets,
      port: options.port ?? config.web.port,
      logger: runtime.logger,
      ...(options.uiSecret !== undefined ? { uiSecret: options.uiSecret } : {}),
    });
    runtime.add(toDisposable(() => shell.close(), 'web shell'));
    // The page URL carries the UI secret: a browser is given this file instead (see its doc).
    const launch =
      options.launchFile === false
        ? null
        : typeof options.launchFile === 'string'
          ? writeScreenLaunchFileAt(options.launchFile, shell.url)
          : writeScreenLaunchFile(shell.url);
    if (launch) runtime.add(toDisposable(() => launch.remove(), 'screen launch file'));
    return {
      runtime,
      shell,
      launch,
      dispose: () => runtime.dispose(),
      [Symbol.asyncDispose]: () => runtime.dispose(),
    };
  } catch (error) {
    await runtime.dispose();
    throw error;
  }
}

/** `Kiosk ready in N ms on http://127.0.0.1:PORT/ (terminal X)`: no secret in it. */
export function readyLine(kiosk: WebKiosk, readyMs: number): string {
  const { shell, runtime } = kiosk;
  return `Kiosk ready in ${readyMs} ms on http://127.0.0.1:${shell.port}/ (terminal ${runtime.config.terminalId})`;
}

/** What to do with the launch file when no browser was opened for it. */
export function openInstructions(launch: ScreenLaunchFile): string[] {
  return [
    `Open ${launch.url} in Chromium (kiosk or app mode): it carries this launch's`,
    'UI secret to the page (no other page may drive the kiosk). Ctrl-C stops everything.',
  ];
}
