import { pinPadHealthCheck } from '../../pinpad/pinpad-health-check';
import { SerialPinPad } from '../../pinpad/serial-pinpad';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

/** An encrypting pin pad speaking the framed JSON protocol of docs/pinpad.md. */
export const serialPinPadDriver = defineDriver({
  deviceClass: 'pinPad',
  name: 'serial-pinpad',
  aliases: ['pinpad'],
  summary: 'encrypting pin pad, framed JSON protocol (docs/pinpad.md), DUKPT PIN blocks',
  transports: ['serial', 'tcp'],
  config: deviceEntrySchema('serial-pinpad', ['pinpad'], ['serial', 'tcp'], {}),
  create: (transport, _config, context) =>
    // A pad answers slower than a printer's DLE EOT: never under a second.
    new SerialPinPad(transport, { commandTimeoutMs: Math.max(1000, context.answerTimeoutMs) }),
  diagnostics: {
    counters: { keyPressed: 'keysPressed' },
    detail: (pad) => `entry ${pad.status().entry}`,
    healthCheck: pinPadHealthCheck(),
    assess: (pad) => ({
      problems: [],
      notes: pad.capabilities().pinEntry ? [] : ['no PIN block formats offered: plain entry only'],
    }),
  },
  discovery: { hint: 'USB-serial pin pads show as /dev/ttyUSB* or /dev/ttyACM*' },
});
