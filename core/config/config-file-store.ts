import { readFile } from 'node:fs/promises';
import type { DeviceConfigStore } from '../technician/port-setup';
import { parseConfig } from './load-config';
import { writePrivateFile } from './private-files';

export const PREVIOUS_SUFFIX = '.prev';

/**
 * Replaces `path` with `text` so that a power cut leaves either the old or the new file, never
 * a mix, and keeps the old one as `path.prev`. Both are written owner-only: they hold the
 * technician PIN hash, whatever mode the file had when it was installed.
 */
export async function replaceFileAtomically(path: string, text: string): Promise<string> {
  const previous = `${path}${PREVIOUS_SUFFIX}`;
  await writePrivateFile(previous, await readFile(path));
  await writePrivateFile(path, text);
  return previous;
}

/** The kiosk's JSON config file as the place where technicians save device ports. */
export class ConfigFileStore implements DeviceConfigStore {
  constructor(readonly path: string | null) {}

  async saveDeviceTransport(device: string, transport: unknown): Promise<{ previousPath: string }> {
    if (!this.path) throw new Error('the kiosk runs without a config file');
    const raw = JSON.parse(await readFile(this.path, 'utf8')) as Record<string, unknown>;
    const devices = (raw.devices ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const entry = devices[device];
    if (!entry) throw new Error(`${device} is not in ${this.path}`);
    const next = { ...raw, devices: { ...devices, [device]: { ...entry, transport } } };
    // The same validation as at start-up: a save can never leave a file the kiosk refuses.
    parseConfig(next, this.path);
    const previousPath = await replaceFileAtomically(
      this.path,
      `${JSON.stringify(next, null, 2)}\n`,
    );
    return { previousPath };
  }
}
