import type { PinPadEvent, PinPadStatus } from '../../devices/pinpad/pinpad';
import type { SerialPinPad } from '../../devices/pinpad/serial-pinpad';

/** Polls until `condition` holds; rejects after `timeoutMs` so a broken test cannot hang. */
export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function recordEvents(pad: SerialPinPad): PinPadEvent[] {
  const events: PinPadEvent[] = [];
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
