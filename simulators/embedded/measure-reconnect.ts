import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transport } from '../../devices/common/transport';
import { escposDriver } from '../../devices/drivers/escpos';
import { DeviceManager } from '../../devices/manager/device-manager';
import type { DeviceChange } from '../../devices/manager/device-snapshot';
import { createMemoryTransportPair } from '../../devices/transports/memory-transport';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { startPtyPair, type PtyPair } from '../common/pty-pair';
import { createPrinterSimulator } from '../printer/printer-simulator';
import { socatAvailable } from './socat-available';

export interface ReconnectMeasurement {
  link: 'pty' | 'memory';
  /** From the printer being plugged back in until the manager reports it `online`. */
  reconnectMs: number;
  /** From the unplug until the manager reported `noDevice`. */
  detectMs: number;
}

export interface MeasureOptions {
  /** Default: a socat pty pair when socat is there, else an in-memory link. */
  link?: 'pty' | 'memory';
  /** How long the printer stays unplugged (lets the backoff grow to its ceiling). */
  unpluggedMs?: number;
  timeoutMs?: number;
}

function waitForState(
  manager: DeviceManager,
  state: 'online' | 'noDevice',
  timeoutMs: number,
): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const done = () => {
      off();
      clearTimeout(timer);
      resolve(performance.now() - start);
    };
    const off = manager.onChange((change: DeviceChange) => {
      if (change.snapshot.name === 'printer' && change.snapshot.state === state) done();
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`printer not ${state} within ${timeoutMs} ms`));
    }, timeoutMs);
    if (manager.snapshot('printer')?.state === state) done();
  });
}

/**
 * Unplugs and replugs a simulated ESC/POS printer under a DeviceManager and returns how long
 * the manager took to report it online again. For the benchmark and docs; not a test.
 */
export async function measurePrinterReconnect(
  options: MeasureOptions = {},
): Promise<ReconnectMeasurement> {
  const link = options.link ?? (socatAvailable() ? 'pty' : 'memory');
  const unpluggedMs = options.unpluggedMs ?? 1500;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const sim = createPrinterSimulator();
  const cleanups: Array<() => Promise<void>> = [];

  let hostTransport: Transport;
  let unplug: () => Promise<void>;
  let replug: () => Promise<void>;
  if (link === 'memory') {
    const pair = createMemoryTransportPair('printer');
    hostTransport = pair.host;
    await sim.attach(pair.device);
    unplug = () => sim.disconnect();
    replug = () => sim.reconnect();
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'printer-replug-'));
    let pty: PtyPair = await startPtyPair({ dir });
    let device = new SerialTransport({ path: pty.devicePath, baudRate: 115200 });
    await sim.attach(device);
    hostTransport = new SerialTransport({ path: pty.hostPath, baudRate: 115200 });
    unplug = async () => {
      await sim.disconnect();
      await pty.close();
    };
    replug = async () => {
      pty = await startPtyPair({ dir });
      device = new SerialTransport({ path: pty.devicePath, baudRate: 115200 });
      await sim.attach(device);
    };
    cleanups.push(async () => {
      await device.close().catch(() => undefined);
      await pty.close();
      await rm(dir, { recursive: true, force: true });
    });
  }

  const manager = new DeviceManager(
    { printer: { driver: escposDriver.name, transport: { type: 'tcp', host: link, port: 1 } } },
    { transportFactory: () => hostTransport, printerPollIntervalMs: 200 },
  );
  try {
    await manager.start();
    await waitForState(manager, 'online', timeoutMs);
    const detected = waitForState(manager, 'noDevice', timeoutMs);
    await unplug();
    const detectMs = await detected;
    await new Promise((resolve) => setTimeout(resolve, unpluggedMs));
    const back = waitForState(manager, 'online', timeoutMs);
    const start = performance.now();
    await replug();
    await back;
    const reconnectMs = performance.now() - start;
    return { link, reconnectMs: Math.round(reconnectMs), detectMs: Math.round(detectMs) };
  } finally {
    await manager.stop();
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}
