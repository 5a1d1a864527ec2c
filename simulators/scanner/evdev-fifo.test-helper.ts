import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concatBytes, inputEventsFor } from './keyboard-wedge-encoder';

export interface EvdevStandIn {
  /** Where the driver opens it, named as /dev/input/by-id names keyboards. */
  path: string;
  /** Types `text` (then Enter) as the Linux input_events a wedge scanner's keys make. */
  type(text: string): Promise<void>;
}

/**
 * A FIFO standing in for /dev/input/by-id/...-event-kbd. Its writer is opened at the first
 * `type`, once the reader has it open, so the open does not wait; `cleanups` closes and removes it.
 */
export async function evdevFifoStandIn(
  cleanups: Array<() => Promise<unknown>>,
): Promise<EvdevStandIn> {
  const dir = await mkdtemp(join(tmpdir(), 'wedge-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'usb-Scanner-event-kbd');
  execFileSync('mkfifo', [path]);
  let writer: FileHandle | undefined;
  cleanups.push(async () => writer?.close());
  return {
    path,
    async type(text) {
      writer ??= await open(path, 'w');
      await writer.write(concatBytes(inputEventsFor(text)));
    },
  };
}
