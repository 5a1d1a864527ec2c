import { serialPinPadDriver } from '../../devices/drivers/serial-pinpad';
import { ManagedDevice } from '../../devices/manager/managed-device';
import type { PinPadKeyEvent, PinPadStatus } from '../../devices/pinpad/pinpad';
import { pinPadHealthCheck } from '../../devices/pinpad/pinpad-health-check';
import type { SerialPinPad } from '../../devices/pinpad/serial-pinpad';

/** Polls until `condition` holds; rejects after `timeoutMs` so a broken test cannot hang. */
export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function recordEvents(pad: SerialPinPad): PinPadKeyEvent[] {
  const events: PinPadKeyEvent[] = [];
  pad.on((event) => {
    if (event.type === 'keyPressed') events.push(event);
  });
  return events;
}

/** Device states as they change (entry-mode-only changes are left out). */
export function recordDeviceStates(pad: SerialPinPad): PinPadStatus['device'][] {
  const states: PinPadStatus['device'][] = [pad.status().device];
  pad.on((event) => {
    if (event.type === 'statusChanged' && states.at(-1) !== event.status.device) {
      states.push(event.status.device);
    }
  });
  return states;
}

/**
 * The pad under a ManagedDevice, as the kiosk runs it (the pad never reopens itself), with a
 * quick backoff for tests and, when `healthCheckMs` is given, the pin pad's health check.
 */
export function managePinPad(
  pad: SerialPinPad,
  options: { healthCheckMs?: number } = {},
): ManagedDevice<SerialPinPad> {
  return new ManagedDevice({
    name: 'pinPad',
    driverName: serialPinPadDriver.name,
    transport: { description: 'test link' },
    driver: pad,
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    ...(options.healthCheckMs ? { healthCheck: pinPadHealthCheck(options.healthCheckMs) } : {}),
  });
}
