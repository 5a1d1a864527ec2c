import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceChange, DeviceSnapshot } from '../../devices/manager/device-snapshot';
import type { JournalEntryInput } from '../journal/journal-entry';
import { JournalEntry } from '../journal/journal-entry';
import { deviceFault, journalDeviceFaults } from './device-fault-journal';
import { fakeLogger, printerSnapshot } from './fake-devices.test-helper';

const snapshot = printerSnapshot;

function fakeManager(initial: DeviceSnapshot[]) {
  const listeners = new Set<(change: DeviceChange) => void>();
  let current = initial;
  return {
    snapshots: () => current,
    onChange(listener: (change: DeviceChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(next: DeviceSnapshot) {
      current = current.map((s) => (s.name === next.name ? next : s));
      for (const listener of listeners) listener({ type: 'statusChanged', snapshot: next });
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('journaling device faults', () => {
  it('journals a fault when a working device stops, and its recovery, once each', async () => {
    const manager = fakeManager([snapshot({ state: 'noDevice' })]);
    const records: JournalEntryInput[] = [];
    journalDeviceFaults(manager, { record: async (e) => void records.push(e) }, fakeLogger());
    manager.change(snapshot({ state: 'noDevice' })); // still opening at start: not a fault
    manager.change(snapshot({}));
    manager.change(snapshot({ state: 'offline', detail: 'paper out, cover closed' }));
    manager.change(snapshot({ state: 'offline', detail: 'paper out, cover open' }));
    manager.change(snapshot({}));
    await Promise.resolve();
    expect(records).toEqual([
      { type: 'deviceFault', data: { device: 'printer', fault: 'offline, paper out' } },
      { type: 'deviceRecovered', data: { device: 'printer' } },
    ]);
    for (const record of records) expect(() => JournalEntry.parse(record)).not.toThrow();
  });

  it('journals a device that is still missing after the start grace, with its error', async () => {
    vi.useFakeTimers();
    const missing = snapshot({
      name: 'cardReader',
      deviceClass: 'cardReader',
      state: 'noDevice',
      detail: 'media unknown',
      lastError: { description: 'cannot open link: no such file', at: '2026-12-01T00:00:00Z' },
    });
    const manager = fakeManager([missing]);
    const records: JournalEntryInput[] = [];
    journalDeviceFaults(manager, { record: async (e) => void records.push(e) }, fakeLogger(), {
      startGraceMs: 1000,
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(records).toEqual([
      {
        type: 'deviceFault',
        data: { device: 'cardReader', fault: 'noDevice, cannot open link: no such file' },
      },
    ]);
  });

  it('counts a device already working when it starts as working', async () => {
    const manager = fakeManager([snapshot({})]);
    const records: JournalEntryInput[] = [];
    journalDeviceFaults(manager, { record: async (e) => void records.push(e) }, fakeLogger());
    manager.change(snapshot({ state: 'noDevice', reconnecting: true }));
    await Promise.resolve();
    expect(records).toEqual([
      { type: 'deviceFault', data: { device: 'printer', fault: 'noDevice' } },
    ]);
  });

  it('calls a working device fine', () => {
    expect(deviceFault(snapshot({}))).toBeNull();
    expect(deviceFault(snapshot({ detail: 'paper low, cover closed' }))).toBeNull();
  });
});
