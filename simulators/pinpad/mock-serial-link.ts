import { SerialPortMock } from 'serialport';
import type { Transport } from '../../devices/common/transport';
import type { SerialTransportOptions } from '../../devices/transports';

// The @serialport/* packages' "exports" hide their typings from moduleResolution bundler;
// reach the same types through the serialport package instead.
const MockBinding = SerialPortMock.binding;
type BindingInterface = NonNullable<SerialTransportOptions['binding']>;
type OpenOptions = Parameters<typeof MockBinding.open>[0];
type MockPortBinding = Awaited<ReturnType<typeof MockBinding.open>>;

/**
 * Connects a simulator to a driver that uses serialport with @serialport/binding-mock.
 * `binding` goes into the driver's SerialTransport; `device` is the simulator's end of the
 * line. `unplug()` makes the driver's port fail a read (serialport then closes it with a
 * disconnect error, as when a USB cable is pulled) and refuses to reopen until `replug()`.
 */
export interface MockSerialLink {
  path: string;
  binding: BindingInterface;
  device: Transport;
  unplug(): void;
  replug(): void;
}

let nextPort = 0;

export function createMockSerialLink(): MockSerialLink {
  const path = `/dev/ttyMOCKPINPAD${nextPort++}`;
  MockBinding.createPort(path, { echo: false, record: false });
  const fromHost = new Set<(data: Uint8Array) => void>();
  const deviceClosed = new Set<(error?: Error) => void>();
  let hostPort: MockPortBinding | undefined;
  let plugged = true;
  let deviceOpen = false;
  let pull: ((error: Error) => void) | undefined;

  const hook = (port: MockPortBinding): void => {
    hostPort = port;
    const pulled = new Promise<never>((_, reject) => {
      pull = reject;
    });
    pulled.catch(() => undefined);
    const write = port.write.bind(port);
    port.write = async (buffer: Buffer) => {
      await write(buffer);
      const copy = new Uint8Array(buffer);
      setImmediate(() => {
        if (deviceOpen) for (const listener of fromHost) listener(copy);
      });
    };
    const read = port.read.bind(port);
    port.read = (buffer: Buffer, offset: number, length: number) =>
      Promise.race([read(buffer, offset, length), pulled]);
  };

  const binding: BindingInterface = {
    list: () => MockBinding.list(),
    open: async (options: OpenOptions) => {
      if (!plugged) throw new Error(`${path}: no such device`);
      const port = await MockBinding.open(options);
      hook(port);
      return port;
    },
  };

  const device: Transport = {
    description: `mock-device:${path}`,
    get isOpen() {
      return deviceOpen;
    },
    async open() {
      deviceOpen = true;
    },
    async close() {
      if (!deviceOpen) return;
      deviceOpen = false;
      for (const listener of deviceClosed) listener();
    },
    async write(data: Uint8Array) {
      if (!deviceOpen) throw new Error('device end is not open');
      if (plugged && hostPort?.isOpen) hostPort.emitData(Buffer.from(data));
    },
    onData(listener) {
      fromHost.add(listener);
      return () => fromHost.delete(listener);
    },
    onClose(listener) {
      deviceClosed.add(listener);
      return () => deviceClosed.delete(listener);
    },
  };

  return {
    path,
    binding,
    device,
    unplug() {
      plugged = false;
      pull?.(new Error('cable pulled'));
    },
    replug() {
      plugged = true;
    },
  };
}
