import { startPtyPair, type PtyPair } from '../simulators/common/pty-pair';
import { SerialTransport } from '../devices/transports/serial-transport';

export const PTY_BAUD = 115200;

/** A socat pty pair whose device end is open, for a simulator to serve. */
export async function ptyDevice(): Promise<{
  pair: PtyPair;
  deviceEnd: SerialTransport;
  close(): Promise<void>;
}> {
  const pair = await startPtyPair();
  const deviceEnd = new SerialTransport({ path: pair.devicePath, baudRate: PTY_BAUD });
  try {
    await deviceEnd.open();
  } catch (error) {
    await pair.close();
    throw error;
  }
  return {
    pair,
    deviceEnd,
    close: async () => {
      await deviceEnd.close().catch(() => undefined);
      await pair.close();
    },
  };
}
