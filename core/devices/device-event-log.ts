import type { TechnicianEvent } from '../common/api';
import type { DeviceChange, DeviceSnapshot } from '../../devices/manager/device-snapshot';

/** What the log needs of the device manager. */
export interface DeviceChanges {
  snapshots(): DeviceSnapshot[];
  onChange(listener: (change: DeviceChange) => void): () => void;
}

/**
 * The last device events for the technician screen: every change of a device's state (link
 * lost, back online) and of the printer's paper and cover, newest first, with the time. Snapshots carry no
 * card, PIN or personal data, so neither does this.
 */
export class DeviceEventLog {
  private readonly entries: TechnicianEvent[] = [];
  private readonly last = new Map<string, string>();
  private readonly off: () => void;

  constructor(
    manager: DeviceChanges,
    private readonly now: () => Date = () => new Date(),
    private readonly max = 12,
  ) {
    // How each device stands when the log starts, then every change.
    for (const snapshot of manager.snapshots()) this.note(snapshot);
    this.off = manager.onChange(({ snapshot }) => this.note(snapshot));
  }

  private note(snapshot: DeviceSnapshot): void {
    // The printer's detail (paper, cover) is news; the others' (a card in the slot, an entry
    // open on the pin pad) changes with every participant and would bury what matters.
    const detail = snapshot.deviceClass === 'receiptPrinter' ? snapshot.detail : undefined;
    const text = [snapshot.state, detail].filter(Boolean).join(', ');
    const reason =
      snapshot.state !== 'online' && snapshot.lastError
        ? ` (${snapshot.lastError.description})`
        : '';
    if (this.last.get(snapshot.name) === text) return;
    this.last.set(snapshot.name, text);
    this.entries.unshift({
      at: this.now().toISOString(),
      device: snapshot.name,
      text: text + reason,
    });
    this.entries.length = Math.min(this.entries.length, this.max);
  }

  /** Newest first. */
  list(): TechnicianEvent[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  stop(): void {
    this.off();
  }
}
