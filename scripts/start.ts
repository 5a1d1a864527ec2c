/**
 * `npm start`: the kiosk on its embedded default (host simulator + device simulators), or on
 * real hardware and a real host with `--config kiosk.json`. Electron when its binary can run,
 * otherwise the web shell (web/entry, as `kiosk-web` runs it) in Chromium's kiosk mode, or with
 * no display the launch file printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DisposableStore } from '../core/common/disposable-store';
import { loadConfig, parseConfig, ConfigError } from '../core/config/load-config';
import type { KioskConfig } from '../core/config/kiosk-config';
import { systemPortDiscovery } from '../core/devices/port-configurator-adapter';
import { openInstructions, readyLine, startWebKiosk } from '../web/entry/web-kiosk';
import { DEV_TECHNICIAN_PIN, startDevStack, type DevStack } from '../simulators/dev-stack';
import { findElectronBinary } from './launch/electron-binary';
import { hasDisplay, openKioskBrowser } from './launch/open-browser';
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
    /**
     * The simulated devices: `embedded` (serial, network and pty stand-ins), `usb` (the printer
     * and scanner as a USB printer and a keyboard wedge), or `xfs4iot` (every device an XFS4IoT
     * service behind a simulated service publisher, as in an ATM; `xfs4iot-forms` the same with
     * a printer service that prints forms and takes no raw data).
     */
    devices: { type: 'string', default: 'embedded' },
    /** Older spelling of `--devices usb`. */
    'usb-devices': { type: 'boolean', default: false },
    /** `kiosk` (a branch kiosk) or `atm` (a partner-bank ATM: bank card and card PIN; XFS4IoT devices by default). */
    profile: { type: 'string', default: 'kiosk' },
  },
});

const DEVICE_CHOICES = {
  embedded: true,
  usb: 'usb',
  xfs4iot: 'xfs4iot',
  'xfs4iot-forms': 'xfs4iot-forms',
} as const;

function simulatedDevices(): (typeof DEVICE_CHOICES)[keyof typeof DEVICE_CHOICES] {
  if (args['usb-devices']) return 'usb';
  const name = args.devices!;
  if (!Object.hasOwn(DEVICE_CHOICES, name)) {
    console.error(`--devices ${name}: choose one of ${Object.keys(DEVICE_CHOICES).join(', ')}`);
    process.exit(2);
  }
  return DEVICE_CHOICES[name as keyof typeof DEVICE_CHOICES];
}

const PROFILE_CHOICES = ['kiosk', 'atm'] as const;

function chosenProfile(): (typeof PROFILE_CHOICES)[number] {
  const name = args.profile!;
  if (!(PROFILE_CHOICES as readonly string[]).includes(name)) {
    console.error(`--profile ${name}: choose one of ${PROFILE_CHOICES.join(', ')}`);
    process.exit(2);
  }
  return name as (typeof PROFILE_CHOICES)[number];
}

const profile = chosenProfile();
// An ATM's devices are its XFS4IoT services, unless --devices says otherwise.
if (profile === 'atm' && !process.argv.some((arg) => arg.startsWith('--devices')))
  args.devices = 'xfs4iot';
const deviceChoice = simulatedDevices();

/** Everything started, stopped in reverse order at Ctrl-C (best effort: we are exiting anyway). */
const started = new DisposableStore();

async function main(): Promise<void> {
  // Before any file is written or port opened: a second start changes nothing.
  const locked = takeKioskLock(dataDir);
  if (!locked.ok) {
    console.error(alreadyRunning(locked.holder));
    process.exit(1);
  }
  started.defer(() => locked.lock.release());
  let config: KioskConfig;
  let stack: DevStack | null = null;
  if (args.config) {
    config = loadConfig(args.config);
  } else {
    stack = started.add(
      await startDevStack({
        hostLatencyMs: Number(args['host-latency']),
        devices: deviceChoice,
        profile,
      }),
    );
    for (const reason of stack.skipped) console.log(`Device simulators: skipped ${reason}`);
    console.log(
      `Simulator panel (card, scanner, pin pad, printer, host faults): ${stack.panelUrl}`,
    );
    config = parseConfig(
      // The simulators' console stays readable: warnings (device and host trouble) and worse.
      { ...stack.config, log: { level: 'warn' } },
      'embedded defaults',
    );
    console.log(`Host simulator: ${stack.hostUrl}`);
    if (stack.xfs4iotPublisherUrl)
      console.log(`XFS4IoT service publisher (simulated): ${stack.xfs4iotPublisherUrl}`);
    console.log(
      `Technician mode (simulators only): tap the corners top-left, top-right, bottom-right, bottom-left, or swipe the "technician" card in the panel; PIN ${DEV_TECHNICIAN_PIN}`,
    );
  }
  if (args.port) config = { ...config, web: { ...config.web, port: Number(args.port) } };

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

  // The UI secret is fresh per launch: this process is both the brain and the launcher of the
  // page, so a new launch opens a new page and no secret needs to outlive it. The launch file
  // carries it to the browser, so it goes neither to a log nor on a command line.
  const kiosk = started.add(
    await startWebKiosk(config, {
      runtime: {
        configFile,
        ...(stack ? { portDiscovery: systemPortDiscovery(stack.serialPorts) } : {}),
      },
    }),
  );
  const devices = kiosk.runtime.devices;
  stack?.showKioskDevices(() => devices?.snapshots() ?? []);
  locked.lock.update(`http://127.0.0.1:${kiosk.shell.port}/`);
  // performance.now() counts from process start, so this includes loading the code.
  console.log(readyLine(kiosk, Math.round(performance.now())));

  if (args.open && hasDisplay() && kiosk.launch) {
    const browser = openKioskBrowser(kiosk.launch.url);
    if (browser) {
      started.defer(() => void browser.kill());
      console.log('Opened in Chromium kiosk mode. Ctrl-C stops everything.');
      return;
    }
  }
  for (const line of kiosk.launch ? openInstructions(kiosk.launch) : []) console.log(line);
}

function launchElectron(binary: string, configPath: string): void {
  const child: ChildProcess = spawn(binary, [root, `--config=${configPath}`], { stdio: 'inherit' });
  started.defer(() => void child.kill());
  child.on('exit', (code) => void stop(code ?? 0));
  console.log('Kiosk started in Electron. Ctrl-C stops everything.');
}

let stopping = false;
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  await started.dispose();
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  void stop(1);
});
