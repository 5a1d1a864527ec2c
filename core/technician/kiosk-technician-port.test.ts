import type * as Fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { FakeHost } from '../session/fake-host.test-helper';
import { KioskTechnicianPort } from './kiosk-technician-port';

/** The journal disk's free blocks (of 4096 bytes), as the operating system reports them now. */
const { disk, statsNow } = vi.hoisted(() => {
  const disk = { freeBlocks: 0 };
  return { disk, statsNow: () => ({ bavail: disk.freeBlocks, bsize: 4096 }) };
});
vi.mock('node:fs', async (importOriginal) => ({
  ...(await importOriginal<typeof Fs>()),
  statfsSync: statsNow,
}));
vi.mock('node:fs/promises', async (importOriginal) => ({
  ...(await importOriginal<typeof FsPromises>()),
  statfs: async () => statsNow(),
}));

describe('KioskTechnicianPort info', () => {
  it('shows the journal disk space free now, not at the previous request', async () => {
    disk.freeBlocks = 1000;
    const port = new KioskTechnicianPort({
      host: new FakeHost(),
      hostUrl: 'http://127.0.0.1:1',
      terminalId: 'KSK-TEST-01',
      version: '1.0.0',
      configPath: '(defaults)',
      journalDir: '/var/lib/kiosk/journal',
      devices: null,
      startedAt: 0,
      now: () => new Date(0),
    });
    await Promise.resolve(); // lets a refresh started at construction finish first
    expect(port.info().journalFreeBytes).toBe(1000 * 4096);

    disk.freeBlocks = 10; // the disk filled up since
    expect(port.info().journalFreeBytes).toBe(10 * 4096);
    disk.freeBlocks = 500;
    expect(port.info().journalFreeBytes).toBe(500 * 4096);
  });
});
