import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { settleOutcome } from '../../test-support/settle-outcome';
import { SerialTransport, type SerialBinding } from './serial-transport';

const MockBinding = SerialPortMock.binding;
type MockPort = Awaited<ReturnType<typeof MockBinding.open>>;

/** MockBinding, remembering the port it opened so the test can play the device. */
function capturingBinding(hook: (port: MockPort) => void = () => undefined): {
  binding: SerialBinding;
  port: () => MockPort;
} {
  let opened: MockPort | undefined;
  const binding = {
    ...MockBinding,
    list: () => MockBinding.list(),
    open: async (options: Parameters<typeof MockBinding.open>[0]) => {
      opened = await MockBinding.open(options);
      hook(opened);
      return opened;
    },
  } as unknown as SerialBinding;
  return { binding, port: () => opened! };
}

afterEach(() => MockBinding.reset());

describe('SerialTransport over MockBinding', () => {
  it('writes to the port and delivers what the device sends', async () => {
    MockBinding.createPort('/dev/ttyTEST0', { record: true });
    const { binding, port } = capturingBinding();
    const transport = new SerialTransport({ path: '/dev/ttyTEST0', baudRate: 19200, binding });
    expect(transport.description).toBe('serial:/dev/ttyTEST0@19200');
    await transport.open();
    expect(transport.isOpen).toBe(true);
    await transport.write(Uint8Array.of(0x10, 0x04, 0x01));
    expect([...port().recording]).toEqual([0x10, 0x04, 0x01]);
    const received = new Promise<number[]>((resolve) => transport.onData((d) => resolve([...d])));
    port().emitData(Buffer.from([0x12]));
    expect(await received).toEqual([0x12]);
    await transport.close();
    expect(transport.isOpen).toBe(false);
  });

  it('fails to open a port that does not exist', async () => {
    const transport = new SerialTransport({
      path: '/dev/ttyNOPE',
      baudRate: 9600,
      binding: MockBinding,
    });
    await expect(transport.open()).rejects.toThrow();
    expect(transport.isOpen).toBe(false);
  });

  it('refuses to write while closed', async () => {
    const transport = new SerialTransport({
      path: '/dev/ttyTEST1',
      baudRate: 9600,
      binding: MockBinding,
    });
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
  });
});

describe('every write settles', () => {
  it('a write that never drains fails within its limit and the port is closed as hung', async () => {
    MockBinding.createPort('/dev/ttyTEST2', { record: true });
    const { binding } = capturingBinding((port) => {
      port.drain = () => new Promise<void>(() => undefined); // flow control held off for good
    });
    const transport = new SerialTransport({
      path: '/dev/ttyTEST2',
      baudRate: 9600,
      binding,
      writeTimeoutMs: 50,
    });
    await transport.open();
    const lost = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
    expect(await settleOutcome(transport.write(Uint8Array.of(1, 2, 3)), 2000)).toBe(
      'failed: serial:/dev/ttyTEST2@9600: write not done within 54 ms',
    );
    expect((await lost)?.message).toMatch(/not done within/);
    expect(transport.isOpen).toBe(false);
  });
});
