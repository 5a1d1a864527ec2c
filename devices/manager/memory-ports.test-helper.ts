import type { Transport } from '../common/transport';
import { statusByte } from '../printer/escpos-status';
import { createMemoryTransportPair, type MemoryTransport } from '../transports/memory-transport';
import type { SerialTransportConfig, TransportConfig } from './device-config';

/**
 * Answers every DLE EOT n with "all fine". A memory link is cut for both ends when the host
 * closes it; a real printer stays plugged in, so this one opens its end again.
 */
export function plugInPrinter(device: MemoryTransport): Promise<void> {
  device.onClose(() => setImmediate(() => void device.open()));
  device.onData((data) => {
    for (let i = 0; i < data.length; i++)
      if (data[i] === 0x10 && data[i + 1] === 0x04) void device.write(Uint8Array.of(statusByte(0)));
  });
  return device.open();
}

export const serialAt = (path: string): SerialTransportConfig => ({
  type: 'serial',
  path,
  baudRate: 9600,
});

/**
 * Serial ports by path for a DeviceManager's transportFactory: each a memory pair whose
 * device end a test plugs a simulated device into; any other path has nothing behind it.
 */
export function memorySerialPorts(...paths: string[]) {
  const pairs = new Map(paths.map((path) => [path, createMemoryTransportPair()]));
  const factory = (config: TransportConfig): Transport => {
    const path = config.type === 'serial' ? config.path : `${config.type}?`;
    const description = `serial:${path}@9600`;
    const pair = pairs.get(path);
    if (!pair)
      return {
        description,
        isOpen: false,
        open: () => Promise.reject(new Error(`ENOENT: no such file ${path}`)),
        close: async () => {},
        write: () => Promise.reject(new Error('not open')),
        onData: () => () => {},
        onClose: () => () => {},
      };
    Object.defineProperty(pair.host, 'description', { value: description });
    return pair.host;
  };
  const device = (path: string) => pairs.get(path)!.device;
  return { device, factory };
}
