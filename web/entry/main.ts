/**
 * `kiosk-web --config kiosk.json [--port N]`: the kiosk in the web shell on a real host and real
 * devices. Loads the config, starts the runtime and the page, prints where the page is (never
 * its UI secret) and runs until stopped. The dev launcher (npm start) starts the simulators first
 * and then does the same through startWebKiosk.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config/load-config';
import { toDisposable } from '../../core/common/disposable-store';
import { readOrCreateUiSecretFile } from '../ui-secret';
import { startSystemdNotifier } from './systemd-notifier';
import { openInstructions, readyLine, startWebKiosk, type WebKiosk } from './web-kiosk';

export interface KioskWebIo {
  out(line: string): void;
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** The daily restart is due (nobody served): stop the kiosk and end with RESTART_EXIT_CODE. */
  restart?: () => void;
}

export const KIOSK_WEB_USAGE = [
  'Usage: kiosk-web --config <kiosk.json> [--port <port>] [--launch-file <path>] [--ui-secret-file <path>]',
  '  --config          the kiosk configuration (or KIOSK_CONFIG in the environment)',
  '  --port            the loopback port of the page (default: web.port of the config; 0: any free one)',
  '  --launch-file     write the page launch file there (default: a fresh temporary folder)',
  '  --ui-secret-file  keep the UI secret in this 0600 file, so an open page survives a restart',
].join('\n');

/** Starts the web kiosk; or, when it has nothing to run (help) or cannot, the exit code. */
export async function startKioskWeb(
  argv: readonly string[],
  io: KioskWebIo,
): Promise<WebKiosk | number> {
  let values: {
    config?: string;
    port?: string;
    'launch-file'?: string;
    'ui-secret-file'?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        config: { type: 'string' },
        port: { type: 'string' },
        'launch-file': { type: 'string' },
        'ui-secret-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${KIOSK_WEB_USAGE}`);
    return 1;
  }
  if (values.help) {
    io.out(KIOSK_WEB_USAGE);
    return 0;
  }
  const configPath = values.config ?? io.env.KIOSK_CONFIG;
  if (!configPath) {
    io.err(`kiosk-web needs a configuration file.\n${KIOSK_WEB_USAGE}`);
    return 1;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    io.err(`--port must be a port number (0-65535), not ${values.port}`);
    return 1;
  }
  try {
    const config = loadConfig(configPath);
    const secretFile = values['ui-secret-file'];
    const kiosk = await startWebKiosk(config, {
      runtime: { configFile: configPath },
      ...(port !== undefined ? { port } : {}),
      ...(values['launch-file'] ? { launchFile: values['launch-file'] } : {}),
      ...(secretFile ? { uiSecret: readOrCreateUiSecretFile(secretFile) } : {}),
    });
    if (io.restart) kiosk.runtime.onRestartDue(io.restart);
    // performance.now() counts from process start, so this includes loading the code.
    const ready = readyLine(kiosk, Math.round(performance.now()));
    io.out(ready);
    // Under systemd (Type=notify): ready now that the page is served; keep-alives until stopped.
    const notifier = startSystemdNotifier(io.env, {
      onError: (error) => kiosk.runtime.logger.warn({ err: error.message }, 'sd_notify failed'),
    });
    kiosk.runtime.add(toDisposable(() => notifier.stopping(), 'systemd notifier'));
    notifier.ready(ready);
    for (const line of kiosk.launch ? openInstructions(kiosk.launch) : []) io.out(line);
    return kiosk;
  } catch (error) {
    // A ConfigError names the file and every bad field; anything else is said as it is.
    io.err((error as Error).message ?? String(error));
    return 1;
  }
}
