import { SerialTransport } from '../../devices/transports/serial-transport';
import { startPtyPair, type PtyPair } from '../common/pty-pair';

export interface PtyDeviceLine {
  /** The tty the kiosk's driver opens. */
  hostPath: string;
  /** The simulator's end, already open. */
  device: SerialTransport;
  close(): Promise<void>;
}

/** A socat pty pair with the simulator's end opened: a real serial line with no hardware. */
export async function startPtyDeviceLine(baudRate = 9600): Promise<PtyDeviceLine> {
  const pair: PtyPair = await startPtyPair();
  const device = new SerialTransport({ path: pair.devicePath, baudRate });
  try {
    await device.open();
  } catch (error) {
    await pair.close();
    throw error;
  }
  return {
    hostPath: pair.hostPath,
    device,
    async close() {
      await device.close().catch(() => undefined);
      await pair.close();
    },
  };
}
