import type { ConnectedDevice } from './connect-device';

export interface DeviceFinding {
  /** What the technician must fix before the kiosk can use the device. */
  problems: string[];
  /** Worth knowing, not blocking (paper low, no status query). */
  notes: string[];
}

/** Reads the driver's status after a successful open and says what is wrong, in plain words. */
export function assessDevice(connected: ConnectedDevice): DeviceFinding {
  const problems: string[] = [];
  const notes: string[] = [];
  switch (connected.driver) {
    case 'escpos': {
      const status = connected.device.status();
      if (status.paper === 'out') problems.push('paper out: load a new roll and close the cover');
      if (status.paper === 'low') notes.push('paper near end: replace the roll soon');
      if (status.cover === 'open') problems.push('cover open: close the printer cover');
      if (status.fault === 'cutter') problems.push('cutter error: clear the jam at the cutter');
      if (status.fault === 'unrecoverable')
        problems.push('unrecoverable printer error: power-cycle the printer');
      if (status.fault === 'autoRecoverable')
        notes.push('auto-recoverable error reported (e.g. print head too hot)');
      if (status.device === 'offline' && problems.length === 0)
        problems.push('printer reports itself offline (feed button held? error state?)');
      break;
    }
    case 'magstripe': {
      const status = connected.device.status();
      if (status.media === 'jammed') problems.push('card jammed in the reader: remove it');
      if (status.media === 'present') notes.push('a card is in the reader');
      break;
    }
    case 'pinpad': {
      const caps = connected.device.capabilities();
      if (!caps.pinEntry) notes.push('no PIN block formats offered: plain entry only');
      break;
    }
    case 'scanner':
      notes.push(
        'scanners have no status query: online means the link is open; scan a KPJ card with `kiosk-diag watch`',
      );
      break;
  }
  const state = connected.device.status().device;
  if (state === 'hardwareError' && problems.length === 0)
    problems.push('device reports a hardware error');
  return { problems, notes };
}
