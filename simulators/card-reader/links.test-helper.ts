import type { Transport } from '../../devices/common/transport';
import { HidTransport } from '../../devices/transports/hid-transport';
import { createMemoryTransportPair } from '../../devices/transports/memory-transport';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { createMockSerialLink } from '../common/mock-serial-link';
import { startPtyPair } from '../common/pty-pair';
import type { DeviceLink } from './device-link';
import { SimulatedHidBus } from './simulated-hid-device';

export type LinkKind = 'memory' | 'mockSerial' | 'pty' | 'hid';

/** A driver-side transport wired to a simulator-side link, with cable faults. */
export interface TestLink {
  kind: LinkKind;
  mode: 'serial' | 'hid';
  host: Transport;
  device: DeviceLink;
  /** Pulls the cable (not for pty: killing socat cannot be undone). */
  unplug(): Promise<void>;
  replug(): Promise<void>;
  close(): Promise<void>;
}

export async function openTestLink(kind: LinkKind): Promise<TestLink> {
  if (kind === 'memory') {
    const { host, device } = createMemoryTransportPair('card');
    await device.open();
    return {
      kind,
      mode: 'serial',
      host,
      device,
      unplug: () => device.close(),
      replug: () => device.open(),
      close: async () => {
        await host.close();
        await device.close();
      },
    };
  }
  if (kind === 'mockSerial') {
    const link = createMockSerialLink();
    await link.device.open();
    const host = new SerialTransport({ path: link.path, baudRate: 9600, binding: link.binding });
    return {
      kind,
      mode: 'serial',
      host,
      device: link.device,
      unplug: () => link.device.close(),
      replug: () => link.device.open(),
      close: async () => {
        await host.close();
        await link.device.close();
      },
    };
  }
  if (kind === 'pty') {
    const pair = await startPtyPair();
    const device = new SerialTransport({ path: pair.devicePath, baudRate: 9600 });
    await device.open();
    const host = new SerialTransport({ path: pair.hostPath, baudRate: 9600 });
    const unsupported = () =>
      Promise.reject(new Error('pty links cannot be unplugged and replugged'));
    return {
      kind,
      mode: 'serial',
      host,
      device,
      unplug: unsupported,
      replug: unsupported,
      close: async () => {
        await host.close();
        await device.close();
        await pair.close();
      },
    };
  }
  const bus = new SimulatedHidBus();
  const host = new HidTransport({
    target: { vendorId: 0x0801, productId: 0x0002 },
    openDevice: bus.openDevice,
  });
  return {
    kind,
    mode: 'hid',
    host,
    device: bus.link,
    unplug: async () => bus.unplug(),
    replug: async () => bus.replug(),
    close: () => host.close(),
  };
}

/** Resolves with the first event matching `predicate`, or rejects after `ms`. */
export function nextEvent<E extends { type: string }>(
  source: { on(listener: (event: E) => void): () => void },
  predicate: (event: E) => boolean,
  ms = 2000,
): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('expected event did not come'));
    }, ms);
    const off = source.on((event) => {
      if (!predicate(event)) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}
