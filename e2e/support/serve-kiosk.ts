/**
 * One isolated kiosk stack for one test: host simulator + brain + web shell on ephemeral
 * loopback ports. Prints one JSON line with the URLs, stops on SIGTERM or when stdin closes.
 * `uiSecretFile` (a 0600 file the test's fixture owns) holds the page's UI secret, so a stack
 * restarted with the same file and `webPort` lets the open page reconnect to the new brain. The
 * secret never travels on a command line (other users can read those).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../core/config/load-config';
import { writePrivateFile } from '../../core/config/private-files';
import { createKiosk } from '../../core/kiosk/create-kiosk';
import { createLogger } from '../../core/log/logger';
import { FIXTURES, startHostSimulator } from '../../simulators/host';
import { startWebShell } from '../../web/web-shell';
import { readOrCreateUiSecretFile } from '../../web/ui-secret';
import { hashTechnicianPin } from '../../core/technician/pin-hash';
import { startDeviceManager } from '../../devices/manager';
import { startEmbeddedDevices } from '../../simulators/embedded';
import { startSimulatorPanel } from '../../simulators/panel';
import { systemPortDiscovery } from '../../core/devices/port-configurator-adapter';
import { TECHNICIAN_CARD_PREFIX } from '../../simulators/card-reader/test-cards';

const root = resolve(import.meta.dirname, '../..');
const { technicianPin, simulateDevices, uiSecretFile, webPort, hostTimeoutMs, ...overrides } =
  JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
// One owner-only folder (mkdtemp makes it 0700) for the stack's journal, config and socket.
const stackDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
const journalDir = join(stackDir, 'journal');
mkdirSync(journalDir);
// The stack's own diagnostics socket, so kiosk-diag can talk to this kiosk and no other.
const diagSocket = join(stackDir, 'kiosk-diag.sock');
const technician = {
  technician: {
    diagSocket,
    ...(typeof technicianPin === 'string'
      ? {
          pinHash: await hashTechnicianPin(technicianPin),
          ...(simulateDevices === true ? { cardPrefix: TECHNICIAN_CARD_PREFIX } : {}),
        }
      : {}),
  },
};

const host = await startHostSimulator({ port: 0, latencyMs: 0 });
// Device simulators (card reader, scanner, pin pad on ptys; printer on TCP) and their panel.
const embedded = simulateDevices === true ? await startEmbeddedDevices() : null;
const config = parseConfig(
  {
    ...overrides,
    ...technician,
    // A spec that must catch the waiting screen gives the host longer than the usual 2 s.
    host: { url: host.url, timeoutMs: typeof hostTimeoutMs === 'number' ? hostTimeoutMs : 2_000 },
    web: { port: typeof webPort === 'number' ? webPort : 0 },
    // A spec may point the journal elsewhere (e.g. where it cannot be written).
    journal: { dir: journalDir, ...(overrides.journal as object | undefined) },
    ...(embedded ? { devices: embedded.config } : {}),
  },
  'e2e',
);
// A real file, as on a kiosk: technicians save device ports into it.
const configFile = join(stackDir, 'kiosk.json');
await writePrivateFile(configFile, JSON.stringify(config, null, 2));
const logger = createLogger({ level: 'warn' });
const devices = config.devices ? await startDeviceManager(config.devices) : null;
const kiosk = createKiosk(config, {
  logger,
  devices,
  configPath: configFile,
  configFile,
  ...(embedded ? { portDiscovery: systemPortDiscovery(embedded.serialPorts) } : {}),
});
const panel = embedded
  ? await startSimulatorPanel({
      devices: embedded.control,
      hostUrl: host.url,
      kioskDevices: () => devices?.snapshots() ?? [],
    })
  : null;
const shell = await startWebShell({
  api: kiosk.api,
  rendererDir: join(root, 'dist/renderer'),
  port: config.web.port,
  logger,
  ...(typeof uiSecretFile === 'string' ? { uiSecret: readOrCreateUiSecretFile(uiSecretFile) } : {}),
});

process.stdout.write(
  JSON.stringify({
    url: shell.url,
    port: shell.port,
    pid: process.pid,
    hostUrl: host.url,
    fixtures: FIXTURES,
    journalDir,
    configFile,
    diagSocket,
    panelUrl: panel?.url ?? null,
  }) + '\n',
);

async function stop() {
  await shell.close();
  await kiosk.stop();
  await panel?.close();
  await devices?.stop();
  await embedded?.close();
  await host.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
