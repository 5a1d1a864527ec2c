/**
 * `npm start`: the kiosk on its embedded default (host simulator + device simulators), or on
 * real hardware and a real host with `--config kiosk.json`. Electron when its binary can run,
 * otherwise the web shell in Chromium's kiosk mode, or with no display the URL printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, parseConfig, ConfigError } from '../core/config/load-config';
import type { KioskConfig } from '../core/config/kiosk-config';
import { createKiosk } from '../core/kiosk/create-kiosk';
import { createLogger } from '../core/log/logger';
import { startWebShell } from '../web/web-shell';
import { startHostSimulator } from '../simulators/host';
import { hashTechnicianPin } from '../core/technician/pin-hash';
import { DeviceManager } from '../devices/manager';
import { startEmbeddedDevices } from '../simulators/embedded';
import { startSimulatorPanel } from '../simulators/panel';
import { TECHNICIAN_CARD_PREFIX } from '../simulators/card-reader/test-cards';
import { systemPortDiscovery } from '../core/devices/port-configurator-adapter';
import type { SerialPortInfo } from '../devices/manager/discovery';

/** Only ever used with the embedded simulators; a real kiosk's config carries its own hash. */
const EMBEDDED_TECHNICIAN_PIN = '2468';
import { findElectronBinary } from './launch/electron-binary';
import { hasDisplay, openKioskBrowser } from './launch/open-browser';
import { writeScreenLaunchFile } from './launch/screen-launch-file';
import { ensureRendererBuilt } from './launch/renderer-build';
import { writeEmbeddedConfig } from './launch/embedded-config';
import { alreadyRunning, takeKioskLock } from './launch/kiosk-lock';

const root = resolve(import.meta.dirname, '..');
/** Beside the journal and the diagnostics socket, which the config places in the working folder. */
const dataDir = resolve('.kiosk-data');

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    config: { type: 'string' },
    port: { type: 'string' },
    shell: { type: 'string', default: 'auto' },
    open: { type: 'boolean', default: true },
    'host-latency': { type: 'string', default: '150' },
  },
});

const cleanups: Array<() => Promise<void> | void> = [];

async function main(): Promise<void> {
  // Before any file is written or port opened: a second start changes nothing.
  const locked = takeKioskLock(dataDir);
  if (!locked.ok) {
    console.error(alreadyRunning(locked.holder));
    process.exit(1);
  }
  cleanups.push(() => locked.lock.release());
  let config: KioskConfig;
  let devices: DeviceManager | null = null;
  let embeddedPorts: (() => SerialPortInfo[]) | undefined;
  if (args.config) {
    config = loadConfig(args.config);
  } else {
    // Independent start-up work runs side by side: it is most of the time to the first screen.
    const [host, embedded, pinHash] = await Promise.all([
      startHostSimulator({ port: 0, latencyMs: Number(args['host-latency']) }),
      startEmbeddedDevices(),
      hashTechnicianPin(EMBEDDED_TECHNICIAN_PIN),
    ]);
    cleanups.push(() => host.close());
    cleanups.push(() => embedded.close());
    for (const reason of embedded.skipped) console.log(`Device simulators: skipped ${reason}`);
    const panel = await startSimulatorPanel({
      devices: embedded.control,
      hostUrl: host.url,
      kioskDevices: () => devices?.snapshots() ?? [],
    });
    cleanups.push(() => panel.close());
    console.log(`Simulator panel (card, scanner, pin pad, printer, host faults): ${panel.url}`);
    config = parseConfig(
      {
        host: { url: host.url },
        devices: embedded.config,
        technician: { pinHash, cardPrefix: TECHNICIAN_CARD_PREFIX },
        // The simulators' console stays readable: warnings (device and host trouble) and worse.
        log: { level: 'warn' },
      },
      'embedded defaults',
    );
    embeddedPorts = embedded.serialPorts;
    console.log(`Host simulator: ${host.url}`);
    console.log(
      `Technician mode (simulators only): tap the corners top-left, top-right, bottom-right, bottom-left, or swipe the "technician" card in the panel; PIN ${EMBEDDED_TECHNICIAN_PIN}`,
    );
  }
  if (args.port) config = { ...config, web: { ...config.web, port: Number(args.port) } };
  // The config's level; LOG_LEVEL in the environment overrides it (see createLogger).
  const logger = createLogger({ level: config.log.level });

  ensureRendererBuilt(root);

  // Technicians save device ports into a config file; the embedded default gets one of its own
  // (written anew at every start, since its simulated ports change every time).
  const configFile = args.config ?? (await writeEmbeddedConfig(dataDir, config));

  const electron = args.shell === 'web' ? null : findElectronBinary();
  if (electron) {
    launchElectron(electron, configFile);
    locked.lock.update('in Electron');
    return;
  }
  if (args.shell === 'electron')
    throw new Error('The Electron binary is not installed on this machine.');

  if (config.devices) {
    // Devices open in the background (missing ones are retried); the screen need not wait.
    const manager = new DeviceManager(config.devices, { log: (message) => logger.info(message) });
    void manager
      .start()
      .catch((error: unknown) =>
        logger.error({ err: (error as Error).message }, 'devices failed to start'),
      );
    devices = manager;
    cleanups.push(() => manager.stop());
  }
  const kiosk = createKiosk(config, {
    logger,
    devices,
    configPath: configFile,
    configFile,
    portDiscovery: systemPortDiscovery(embeddedPorts),
  });
  cleanups.push(() => kiosk.stop());
  // The UI secret is fresh per launch (startWebShell's default): this process is both the brain
  // and the launcher of the page, so a new launch opens a new page and no secret needs to outlive
  // it. shell.url carries it in the fragment, so it goes neither to a log nor on a command line:
  // the browser (or a person) opens the owner-only launch file, which forwards to it.
  const shell = await startWebShell({
    api: kiosk.api,
    rendererDir: join(root, 'dist/renderer'),
    port: config.web.port,
    logger,
  });
  cleanups.push(() => shell.close());
  const launch = writeScreenLaunchFile(shell.url);
  cleanups.push(() => launch.remove());
  // performance.now() counts from process start, so this includes loading the code.
  locked.lock.update(`http://127.0.0.1:${shell.port}/`);
  const readyMs = Math.round(performance.now());
  console.log(
    `Kiosk ready in ${readyMs} ms on http://127.0.0.1:${shell.port}/ (terminal ${config.terminalId})`,
  );

  if (args.open && hasDisplay()) {
    const browser = openKioskBrowser(launch.url);
    if (browser) {
      cleanups.push(() => void browser.kill());
      console.log('Opened in Chromium kiosk mode. Ctrl-C stops everything.');
      return;
    }
  }
  console.log(`Open ${launch.url} in Chromium (kiosk or app mode): it carries this launch's`);
  console.log(
    'UI secret to the page (no other page may drive the kiosk). Ctrl-C stops everything.',
  );
}

function launchElectron(binary: string, configPath: string): void {
  const child: ChildProcess = spawn(binary, [root, `--config=${configPath}`], { stdio: 'inherit' });
  cleanups.push(() => void child.kill());
  child.on('exit', (code) => void stop(code ?? 0));
  console.log('Kiosk started in Electron. Ctrl-C stops everything.');
}

let stopping = false;
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch {
      // best effort: we are exiting anyway
    }
  }
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  void stop(1);
});
