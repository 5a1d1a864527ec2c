import type { DeviceFinding } from '../devices/drivers/driver-definition';
import type { Connection } from './connect-device';

export type { DeviceFinding };

/** Reads the device's status after a successful open and says what is wrong, in plain words. */
export function assessDevice(connection: Connection): DeviceFinding {
  const assess = connection.driver.diagnostics.assess as
    ((device: Connection['device']) => DeviceFinding) | undefined;
  const finding = assess?.(connection.device) ?? { problems: [], notes: [] };
  const problems = [...finding.problems];
  if (connection.device.status().device === 'hardwareError' && problems.length === 0)
    problems.push('device reports a hardware error');
  return { problems, notes: [...finding.notes] };
}
