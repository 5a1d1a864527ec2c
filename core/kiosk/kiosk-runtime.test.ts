import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextView } from './next-view.test-helper';
import type { KioskApi, Screen } from '../common/api';
import { toDisposable } from '../common/disposable-store';
import type { KioskConfigInput } from '../config/kiosk-config';
import { ConfigError, parseConfig } from '../config/load-config';
import { createLogger } from '../log/logger';
import { FakeHost } from '../session/fake-host.test-helper';
import {
  memorySerialPorts,
  plugInPrinter,
  serialAt,
} from '../../devices/manager/memory-ports.test-helper';
import { startKioskRuntime, startKioskRuntimeFromFile, type KioskRuntime } from './kiosk-runtime';

let dir: string;
const running: KioskRuntime[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-runtime-'));
});
afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** A logger whose messages (at info and above) land in `lines`, in order. */
function recordingLogger(lines: string[]) {
  return createLogger({
    level: 'info',
    destination: {
      write: (line: string) => void lines.push((JSON.parse(line) as { msg: string }).msg),
    },
  });
}

function configWith(extra: KioskConfigInput = {}) {
  return parseConfig({
    journal: { dir: join(dir, 'journal'), anchorSeconds: 0 },
    technician: { diagSocket: join(dir, 'diag.sock') },
    ...extra,
  });
}

async function journalText(): Promise<string> {
  const files = await readdir(join(dir, 'journal'));
  const texts = await Promise.all(
    files.filter((f) => f.endsWith('.jsonl')).map((f) => readFile(join(dir, 'journal', f), 'utf8')),
  );
  return texts.join('');
}

const nextScreen = async (api: KioskApi, screen: Screen) => void (await nextView(api, screen));

describe('startKioskRuntime', () => {
  it('starts devices, brain, journal and diagnostics socket, and stops them in reverse order once', async () => {
    const lines: string[] = [];
    const { device, factory } = memorySerialPorts('/dev/ttyUSB0');
    const printer = device('/dev/ttyUSB0');
    await plugInPrinter(printer);
    printer.onClose(() => lines.push('printer link closed'));
    const runtime = await startKioskRuntime(
      configWith({
        devices: { printer: { driver: 'escpos', transport: serialAt('/dev/ttyUSB0') } },
      }),
      {
        host: new FakeHost(),
        logger: recordingLogger(lines),
        deviceManager: { transportFactory: factory, printerPollIntervalMs: 0 },
        waitForDevices: true,
      },
    );
    running.push(runtime);
    runtime.add(toDisposable(() => lines.push('web shell closed'), 'web shell'));

    expect(runtime.devices?.snapshot('printer')?.state).toBe('online');
    expect(runtime.brain.view().screen).toBe('attract');
    await expect.poll(() => existsSync(join(dir, 'diag.sock'))).toBe(true);
    await expect.poll(journalText).toContain('"kioskStarted"');

    await runtime.dispose();
    const shellAt = lines.indexOf('web shell closed');
    const brainAt = lines.indexOf('kiosk stopped');
    const devicesAt = lines.indexOf('printer link closed');
    expect(shellAt).toBeGreaterThanOrEqual(0);
    expect(brainAt).toBeGreaterThan(shellAt);
    expect(devicesAt).toBeGreaterThan(brainAt);
    expect(await journalText()).toContain('"kioskStopped"');
    expect(existsSync(join(dir, 'diag.sock'))).toBe(false);

    await runtime.dispose(); // twice: nothing runs again
    await runtime[Symbol.asyncDispose]();
    expect(lines.filter((line) => line === 'kiosk stopped')).toHaveLength(1);
    expect(lines.filter((line) => line === 'web shell closed')).toHaveLength(1);
  });

  it('a shell part that fails to stop is logged and the brain still stops', async () => {
    const lines: string[] = [];
    const runtime = await startKioskRuntime(configWith(), {
      host: new FakeHost(),
      logger: recordingLogger(lines),
    });
    running.push(runtime);
    runtime.add(
      toDisposable(() => {
        throw new Error('port busy');
      }, 'web shell'),
    );
    await runtime.dispose();
    expect(lines).toContain('web shell did not stop cleanly');
    expect(lines).toContain('kiosk stopped');
    expect(await journalText()).toContain('"kioskStopped"');
  });

  it('a device that is not there does not hold up the start; it is retried', async () => {
    const { factory } = memorySerialPorts(); // no port at all
    const runtime = await startKioskRuntime(
      configWith({
        devices: {
          printer: { driver: 'escpos', transport: serialAt('/dev/ttyUSB9') },
          reconnect: { initialDelayMs: 10, maxDelayMs: 20 },
        },
      }),
      {
        host: new FakeHost(),
        logger: createLogger({ level: 'silent' }),
        deviceManager: { transportFactory: factory },
      },
    );
    running.push(runtime);
    expect(runtime.brain.view().screen).toBe('attract');
    await expect.poll(() => runtime.devices?.snapshot('printer')?.state).toBe('noDevice');
  });

  it('a required device that is missing takes the kiosk out of service until it is plugged in', async () => {
    // A port whose printer is plugged in only later: opening it fails until then.
    const { device, factory: ports } = memorySerialPorts('/dev/ttyUSB0');
    let plugged = false;
    const factory: typeof ports = (...args) => {
      const transport = ports(...args);
      const open = transport.open.bind(transport);
      transport.open = () => (plugged ? open() : Promise.reject(new Error('ENOENT: no port')));
      return transport;
    };
    const runtime = await startKioskRuntime(
      configWith({
        devices: {
          printer: { driver: 'escpos', transport: serialAt('/dev/ttyUSB0') },
          reconnect: { initialDelayMs: 10, maxDelayMs: 20 },
        },
        service: { requiredDevices: ['printer'], deviceGraceSeconds: 0 },
      }),
      {
        host: new FakeHost(),
        logger: createLogger({ level: 'silent' }),
        deviceManager: { transportFactory: factory, printerPollIntervalMs: 0 },
      },
    );
    running.push(runtime);
    await expect.poll(() => runtime.brain.view().screen).toBe('outOfService');
    expect(runtime.service.status()).toMatchObject({
      reasons: ['requiredDeviceDown'],
      devicesDown: ['printer'],
    });
    await plugInPrinter(device('/dev/ttyUSB0'));
    plugged = true;
    await expect
      .poll(() => runtime.devices?.snapshot('printer')?.state, { timeout: 5000 })
      .toBe('online');
    await expect.poll(() => runtime.brain.view().screen, { timeout: 5000 }).toBe('attract');
    expect(runtime.service.status().inService).toBe(true);
  });

  it('outside opening hours the start screen is dark', async () => {
    const runtime = await startKioskRuntime(
      configWith({ maintenance: { displayOff: { from: '00:00', to: '23:59' } } }),
      {
        host: new FakeHost(),
        logger: createLogger({ level: 'silent' }),
        now: () => new Date('2026-12-04T05:00:00Z'),
      },
    );
    running.push(runtime);
    expect(runtime.brain.view().screen).toBe('screenOff');
  });

  it('startKioskRuntimeFromFile loads the file and refuses a bad one, naming the field', async () => {
    const file = join(dir, 'kiosk.json');
    await writeFile(
      file,
      JSON.stringify({
        terminalId: 'KSK-FILE-01',
        journal: { dir: join(dir, 'journal') },
        technician: { diagSocket: null },
      }),
    );
    const runtime = await startKioskRuntimeFromFile(file, {
      host: new FakeHost(),
      logger: createLogger({ level: 'silent' }),
    });
    running.push(runtime);
    expect(runtime.config.terminalId).toBe('KSK-FILE-01');

    await writeFile(file, JSON.stringify({ terminalId: 'bad id' }));
    await expect(startKioskRuntimeFromFile(file)).rejects.toThrow(
      new RegExp(`Invalid kiosk configuration in ${file}:\\n  - terminalId`),
    );
  });
});

describe('startKioskRuntime: a host client of your own (host.clientModule)', () => {
  const hostModule = async (source: string) => {
    const path = join(dir, `my-bank-host-${Math.random().toString(36).slice(2)}.mjs`);
    await writeFile(path, source);
    return path;
  };
  const silent = () => createLogger({ level: 'silent' });

  it('serves people through the module the config names, with the host section it was given', async () => {
    const path = await hostModule(`
      export function createHostClient(hostConfig, { terminalId, HostError }) {
        const refuse = async () => { throw new Error('not in this test'); };
        return {
          lookup: async (kpj) => {
            globalThis.__hostSeen = { branch: hostConfig.clientOptions.branch, terminalId };
            if (kpj !== '12345672128') throw new HostError({ kind: 'notFound' });
            return { verification: ['birthDate'] };
          },
          verifyBirthDate: refuse, verifyBankCard: refuse, sendOtp: refuse, verifyOtp: refuse,
          balance: refuse, contributions: refuse, ping: async () => 1, sendJournalAnchor: refuse,
          latestJournalAnchor: async () => null, journalShipped: refuse, shipJournalRecords: refuse,
          close: async () => { globalThis.__hostClosed = true; },
        };
      }`);
    const runtime = await startKioskRuntime(
      configWith({
        terminalId: 'KSK-BANK-01',
        host: { clientModule: path, clientOptions: { branch: 'JKT-07' } },
      }),
      { logger: silent() },
    );
    running.push(runtime);
    runtime.api.send({ type: 'start' });
    await nextScreen(runtime.api, 'enterKpj');
    const asked = nextScreen(runtime.api, 'enterBirthDate');
    runtime.api.send({ type: 'submitKpj', kpj: '12345672128' });
    await asked; // no host listens at the default URL: only the module could have answered
    const seen = globalThis as { __hostSeen?: unknown; __hostClosed?: boolean };
    expect(seen.__hostSeen).toEqual({ branch: 'JKT-07', terminalId: 'KSK-BANK-01' });

    await runtime.dispose();
    expect(seen.__hostClosed).toBe(true);
  });

  it("its failures are the kiosk's own HostError, so people are told what the host said", async () => {
    const path = await hostModule(`
      export const createHostClient = (_hostConfig, { HostError }) => {
        const notFound = async () => { throw new HostError({ kind: 'notFound' }); };
        return {
          lookup: notFound, verifyBirthDate: notFound, verifyBankCard: notFound, sendOtp: notFound,
          verifyOtp: notFound,
          balance: notFound, contributions: notFound, ping: async () => 1,
          sendJournalAnchor: async () => {}, latestJournalAnchor: async () => null,
          journalShipped: notFound, shipJournalRecords: notFound,
        };
      };`);
    const runtime = await startKioskRuntime(configWith({ host: { clientModule: path } }), {
      logger: silent(),
    });
    running.push(runtime);
    runtime.api.send({ type: 'start' });
    await nextScreen(runtime.api, 'enterKpj');
    const refused = nextView(runtime.api, 'error');
    runtime.api.send({ type: 'submitKpj', kpj: '12345672128' });
    expect((await refused).error?.code).toBe('notFound');
  });

  it('refuses a module without a createHostClient export, naming the file', async () => {
    const path = await hostModule('export const createClient = () => ({});');
    const start = startKioskRuntime(configWith({ host: { clientModule: path } }), {
      logger: silent(),
    });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(
      `host.clientModule ${path} must export a function createHostClient(hostConfig, { logger, terminalId, HostError }); it has no such export`,
    );
  });

  it('refuses a createHostClient that is not a function', async () => {
    const path = await hostModule('export const createHostClient = { lookup() {} };');
    await expect(
      startKioskRuntime(configWith({ host: { clientModule: path } }), { logger: silent() }),
    ).rejects.toThrow(/must export a function createHostClient.*; it is a object$/);
  });

  it('refuses a client that lacks methods, naming them, and leaves nothing running', async () => {
    const path = await hostModule(
      'export const createHostClient = async () => ({ lookup() {}, ping() {} });',
    );
    await expect(
      startKioskRuntime(configWith({ host: { clientModule: path } }), { logger: silent() }),
    ).rejects.toThrow(
      `host.clientModule ${path}: createHostClient returned a host client without verifyBirthDate, verifyBankCard, sendOtp, verifyOtp, balance, contributions, sendJournalAnchor, latestJournalAnchor, journalShipped, shipJournalRecords`,
    );
    expect(existsSync(join(dir, 'diag.sock'))).toBe(false);
    expect(existsSync(join(dir, 'journal'))).toBe(false);
  });

  it('refuses a module that cannot be loaded', async () => {
    const path = join(dir, 'missing-host.mjs');
    await expect(
      startKioskRuntime(configWith({ host: { clientModule: path } }), { logger: silent() }),
    ).rejects.toThrow(`host.clientModule ${path} could not be loaded`);
  });

  it('a host client passed in code wins over the config', async () => {
    const host = new FakeHost();
    const runtime = await startKioskRuntime(
      configWith({ host: { clientModule: join(dir, 'never-loaded.mjs') } }),
      { host, logger: silent() },
    );
    running.push(runtime);
    runtime.api.send({ type: 'start' });
    await nextScreen(runtime.api, 'enterKpj');
    const asked = nextScreen(runtime.api, 'enterBirthDate');
    runtime.api.send({ type: 'submitKpj', kpj: '12345672128' });
    await asked;
    expect(host.calls[0]).toMatch(/^lookup/);
  });
});
