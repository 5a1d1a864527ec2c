/**
 * One isolated kiosk stack for one test: host simulator + brain + web shell on ephemeral
 * loopback ports. Prints one JSON line with the URLs, stops on SIGTERM or when stdin closes.
 * `uiSecretFile` (a 0600 file the test's fixture owns) holds the page's UI secret, so a stack
 * restarted with the same file and `webPort` lets the open page reconnect to the new brain. The
 * secret never travels on a command line (other users can read those).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DisposableStore } from '../../core/common/disposable-store';
import { parseConfig } from '../../core/config/load-config';
import { writePrivateFile } from '../../core/config/private-files';
import { systemPortDiscovery } from '../../core/devices/port-configurator-adapter';
import { createLogger } from '../../core/log/logger';
import { FIXTURES } from '../../simulators/host';
import { startDevStack } from '../../simulators/dev-stack';
import { readOrCreateUiSecretFile } from '../../web/ui-secret';
import { startWebKiosk } from '../../web/entry/web-kiosk';

const {
  technicianPin,
  simulateDevices,
  uiSecretFile,
  webPort,
  hostTimeoutMs,
  profile,
  cardTakeTimeoutMs,
  ...overrides
} = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
// One owner-only folder (mkdtemp makes it 0700) for the stack's journal, config and socket.
const stackDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
const journalDir = join(stackDir, 'journal');
mkdirSync(journalDir);
// The stack's own diagnostics socket, so kiosk-diag can talk to this kiosk and no other.
const diagSocket = join(stackDir, 'kiosk-diag.sock');

const started = new DisposableStore((error, name) =>
  console.error(`e2e stack: ${name} did not stop cleanly: ${String(error)}`),
);
// Host simulator; with simulateDevices the device simulators (card reader, scanner, pin pad on
// ptys; printer on TCP; with simulateDevices 'usb' a USB printer and a keyboard-wedge scanner on
// device-file stand-ins instead; with 'xfs4iot' every device an XFS4IoT service behind a
// simulated service publisher, 'xfs4iot-forms' with a printer that prints forms only) and their panel; the technician PIN hashed when the spec gives one.
const stack = started.add(
  await startDevStack({
    devices:
      simulateDevices === 'usb' ||
      simulateDevices === 'xfs4iot' ||
      simulateDevices === 'xfs4iot-forms'
        ? simulateDevices
        : simulateDevices === true,
    technicianPin: typeof technicianPin === 'string' ? technicianPin : null,
    profile: profile === 'atm' ? 'atm' : 'kiosk',
    ...(typeof cardTakeTimeoutMs === 'number' ? { cardTakeTimeoutMs } : {}),
  }),
);
const config = parseConfig(
  {
    ...overrides,
    profile: stack.config.profile,
    // The stack's FDKs, and whatever a spec sets of the ATM profile besides.
    ...(stack.config.atm || overrides.atm
      ? { atm: { ...stack.config.atm, ...(overrides.atm as object | undefined) } }
      : {}),
    technician: { diagSocket, ...stack.config.technician },
    // A spec that must catch the waiting screen gives the host longer than the usual 2 s.
    host: {
      url: stack.hostUrl,
      timeoutMs: typeof hostTimeoutMs === 'number' ? hostTimeoutMs : 2_000,
    },
    web: { port: typeof webPort === 'number' ? webPort : 0 },
    // A spec may point the journal elsewhere (e.g. where it cannot be written).
    journal: { dir: journalDir, ...(overrides.journal as object | undefined) },
    ...(stack.config.devices ? { devices: stack.config.devices } : {}),
  },
  'e2e',
);
// A real file, as on a kiosk: technicians save device ports into it.
const configFile = join(stackDir, 'kiosk.json');
await writePrivateFile(configFile, JSON.stringify(config, null, 2));
const kiosk = started.add(
  await startWebKiosk(config, {
    launchFile: false,
    ...(typeof uiSecretFile === 'string'
      ? { uiSecret: readOrCreateUiSecretFile(uiSecretFile) }
      : {}),
    runtime: {
      logger: createLogger({ level: 'warn' }),
      configFile,
      // Specs drive the devices as soon as the page shows: every one has had its first open.
      waitForDevices: true,
      ...(stack.config.devices ? { portDiscovery: systemPortDiscovery(stack.serialPorts) } : {}),
    },
  }),
);
const devices = kiosk.runtime.devices;
stack.showKioskDevices(() => devices?.snapshots() ?? []);

process.stdout.write(
  JSON.stringify({
    url: kiosk.shell.url,
    port: kiosk.shell.port,
    pid: process.pid,
    hostUrl: stack.hostUrl,
    fixtures: FIXTURES,
    journalDir,
    configFile,
    diagSocket,
    panelUrl: stack.panelUrl,
  }) + '\n',
);

async function stop() {
  await started.dispose();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
