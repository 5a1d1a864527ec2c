import { copyFile, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeviceConfigStore } from '../technician/port-setup';
import { parseConfig } from './load-config';

export const PREVIOUS_SUFFIX = '.prev';

/**
 * Replaces `path` with `text` so that a power cut leaves either the old or the new file, never
 * a mix: the new text is written to a temporary file beside it and flushed, the old file is
 * copied to `path.prev`, then the temporary file is renamed over `path` and the folder flushed.
 */
export async function replaceFileAtomically(path: string, text: string): Promise<string> {
  const temporary = `${path}.tmp-${process.pid}`;
  const previous = `${path}${PREVIOUS_SUFFIX}`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await copyFile(path, previous);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
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
