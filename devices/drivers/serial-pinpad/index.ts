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
    new SerialPinPad(transport, {
      commandTimeoutMs: context.answerTimeoutMs,
      reconnectIntervalMs: 0,
      healthCheckIntervalMs: 0,
    }),
  diagnostics: {
    counters: { keyPressed: 'keysPressed' },
    detail: (pad) => `entry ${pad.status().entry}`,
    assess: (pad) => ({
      problems: [],
      notes: pad.capabilities().pinEntry ? [] : ['no PIN block formats offered: plain entry only'],
    }),
  },
  discovery: { hint: 'USB-serial pin pads show as /dev/ttyUSB* or /dev/ttyACM*' },
});
