import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transport } from '../../devices/common/transport';
import { RetargetableTransport } from '../../devices/transports/retargetable-transport';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { startPtyPair, type PtyPair } from '../common/pty-pair';

/** The USB socket a simulated device is plugged into: where it started, or another one. */
export type PtySlot = 'original' | 'spare';

export interface PtyDeviceLine {
  /** The tty the kiosk's driver opens, in the slot the device started in. */
  readonly hostPath: string;
  /** The host-side tty where the device is plugged in now, or null while unplugged. */
  readonly pluggedPath: string | null;
  /** The simulator's end; it stays the same object across unplug and replug. */
  readonly device: Transport;
  /** Cable pulled: the tty disappears and the kiosk's driver loses its link. */
  unplug(): Promise<void>;
  /** Plugged (back) in, into its own socket or into the spare one (a different tty path). */
  plug(slot?: PtySlot): Promise<void>;
  close(): Promise<void>;
}

/**
 * A socat pty pair with the simulator's end opened: a real serial line with no hardware, which
 * can be unplugged and plugged back into the same or another socket (another tty path), as a
 * technician meets it on site.
 */
export async function startPtyDeviceLine(baudRate = 9600): Promise<PtyDeviceLine> {
  const dirs: Record<PtySlot, string> = {
    original: await mkdtemp(join(tmpdir(), 'pty-line-')),
    spare: await mkdtemp(join(tmpdir(), 'pty-spare-')),
  };
  let pair: PtyPair | null = null;
  let device: RetargetableTransport | null = null;

  const plugInto = async (slot: PtySlot) => {
    const next = await startPtyPair({ dir: dirs[slot] });
    const end = new SerialTransport({ path: next.devicePath, baudRate });
    try {
      if (device) await device.retarget(end);
      else device = new RetargetableTransport(end);
      await device.open();
    } catch (error) {
      await next.close();
      throw error;
    }
    pair = next;
  };
  const unplug = async () => {
    const current = pair;
    pair = null;
    await device?.close().catch(() => undefined);
    await current?.close();
  };

  try {
    await plugInto('original');
  } catch (error) {
    await Promise.all(Object.values(dirs).map((dir) => rm(dir, { recursive: true, force: true })));
    throw error;
  }
  return {
    hostPath: join(dirs.original, 'host'),
    get pluggedPath() {
      return pair?.hostPath ?? null;
    },
    device: device!,
    unplug,
    async plug(slot = 'original') {
      await unplug();
      await plugInto(slot);
    },
    async close() {
      await unplug();
      await Promise.all(
        Object.values(dirs).map((dir) => rm(dir, { recursive: true, force: true })),
      );
    },
  };
}
