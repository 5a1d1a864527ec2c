import { SerialPortMock } from 'serialport';
import type { SerialBinding } from '../../devices/transports/serial-transport';
import type { Transport } from '../../devices/common/transport';

// @serialport/binding-mock's "exports" hide its typings from moduleResolution bundler; the
// serialport package re-exports the same MockBinding.
const MockBinding = SerialPortMock.binding;
type MockPortBinding = Awaited<ReturnType<typeof MockBinding.open>>;

type ListenerSet<A extends unknown[]> = Set<(...args: A) => void>;

/**
 * The far end of a @serialport/binding-mock port, as a Transport a simulator can attach to.
 * The host opens a SerialTransport with `link.binding` and `link.path`; what the host writes
 * arrives on `link.device`, and what the device writes is emitted into the host's port.
 * Closing the device end pulls the cable: the host's pending read fails with a disconnect.
 */
export interface MockSerialLink {
  path: string;
  binding: SerialBinding;
  device: Transport;
}

class DisconnectError extends Error {
  readonly disconnect = true;
}

let counter = 0;

export function createMockSerialLink(path = `/dev/ttySIM${counter++}`): MockSerialLink {
  MockBinding.createPort(path, { echo: false, record: false });
  let hostPort: MockPortBinding | undefined;
  let deviceOpen = false;
  let unplug: ((error: Error) => void) | undefined;
  const dataListeners: ListenerSet<[Uint8Array]> = new Set();
  const closeListeners: ListenerSet<[Error | undefined]> = new Set();

  const binding = {
    ...MockBinding,
    list: () => MockBinding.list(),
    async open(options: Parameters<typeof MockBinding.open>[0]) {
      if (!deviceOpen) throw new Error(`${path}: no device on the line`);
      const port = await MockBinding.open(options);
      hostPort = port;
      const write = port.write.bind(port);
      port.write = async (buffer: Buffer) => {
        await write(buffer);
        const copy = new Uint8Array(buffer);
        setImmediate(() => {
          if (deviceOpen) for (const listener of dataListeners) listener(copy);
        });
      };
      const read = port.read.bind(port);
      const unplugged = new Promise<never>((_, reject) => {
        unplug = reject;
      });
      unplugged.catch(() => undefined);
      port.read = (buffer: Buffer, offset: number, length: number) =>
        Promise.race([read(buffer, offset, length), unplugged]);
      return port;
    },
  } as unknown as SerialBinding;

  const device: Transport = {
    description: `mock-serial-device:${path}`,
    get isOpen() {
      return deviceOpen;
    },
    async open() {
      deviceOpen = true;
    },
    async close() {
      if (!deviceOpen) return;
      deviceOpen = false;
      unplug?.(new DisconnectError(`${path}: device unplugged`));
      unplug = undefined;
      for (const listener of closeListeners) listener(undefined);
    },
    async write(data: Uint8Array) {
      if (!deviceOpen) throw new Error(`${path}: device end closed`);
      if (hostPort?.isOpen) hostPort.emitData(Buffer.from(data));
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  };
  return { path, binding, device };
}
