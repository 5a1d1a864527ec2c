import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFileStore } from './config-file-store';
import { loadConfig } from './load-config';

async function configFile(content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'config-store-'));
  const path = join(dir, 'kiosk.json');
  await writeFile(path, JSON.stringify(content, null, 2));
  return path;
}

const CONFIG = {
  terminalId: 'KSK-BDG-02',
  devices: {
    cardReader: {
      driver: 'magstripe',
      mode: 'serial',
      transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
    },
  },
};

describe('ConfigFileStore', () => {
  it('writes the new port, keeps every other field, and keeps the previous file as .prev', async () => {
    const path = await configFile(CONFIG);
    const before = await readFile(path, 'utf8');
    const store = new ConfigFileStore(path);
    const next = { type: 'serial', path: '/dev/serial/by-id/usb-MagTek-if00', baudRate: 9600 };
    const { previousPath } = await store.saveDeviceTransport('cardReader', next);

    expect(previousPath).toBe(`${path}.prev`);
    expect(await readFile(previousPath, 'utf8')).toBe(before);
    const loaded = loadConfig(path);
    expect(loaded.terminalId).toBe('KSK-BDG-02');
    expect(loaded.devices?.cardReader?.transport).toEqual(next);
    // No temporary file is left next to it.
    expect((await readdir(join(path, '..'))).sort()).toEqual(['kiosk.json', 'kiosk.json.prev']);
  });

  it('leaves the file and its .prev readable by the kiosk user only, whatever they were before', async () => {
    const path = await configFile(CONFIG);
    await chmod(path, 0o644);
    await writeFile(`${path}.prev`, '{}', { mode: 0o644 });
    const next = { type: 'serial', path: '/dev/ttyUSB1', baudRate: 9600 };
    await new ConfigFileStore(path).saveDeviceTransport('cardReader', next);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(`${path}.prev`)).mode & 0o777).toBe(0o600);
  });

  it('refuses a port the kiosk could not start with, and leaves the file as it was', async () => {
    const path = await configFile(CONFIG);
    const before = await readFile(path, 'utf8');
    const store = new ConfigFileStore(path);
    await expect(
      store.saveDeviceTransport('cardReader', { type: 'serial', path: '', baudRate: 9600 }),
    ).rejects.toThrow(/devices\.cardReader\.transport\.path/);
    await expect(store.saveDeviceTransport('printer', { type: 'tcp' })).rejects.toThrow(
      /printer is not in/,
    );
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(join(path, '..'))).toEqual(['kiosk.json']);
  });

  it('says so when there is no file', async () => {
    await expect(new ConfigFileStore(null).saveDeviceTransport('printer', {})).rejects.toThrow(
      'without a config file',
    );
  });
});
