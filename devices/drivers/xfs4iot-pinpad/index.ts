import { z } from 'zod';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';
import { Xfs4IoTPinPad } from './xfs4iot-pinpad';

const KeyName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a key name of letters, digits, _ . -');

/** An ATM's encrypting PIN pad, reached as an XFS4IoT Keyboard + PinPad service. */
export const xfs4iotPinPadDriver = defineDriver({
  deviceClass: 'pinPad',
  name: 'xfs4iot-pinpad',
  summary:
    'encrypting PIN pad behind an XFS4IoT Keyboard/PinPad service: DataEntry, PinEntry, GetPinBlock (DUKPT)',
  transports: ['xfs4iot'],
  config: deviceEntrySchema('xfs4iot-pinpad', [], ['xfs4iot'], {
    /** The DUKPT key names the service knows (KeyManagement), per PIN block format. */
    keys: z.object({ iso0: KeyName.optional(), iso4: KeyName.optional() }).strict().optional(),
    /** How many function display keys (FDKs) the ATM has beside its screen: fdk01..fdkNN. */
    fdks: z.number().int().min(0).max(32).default(0),
  }),
  create: (transport, config, context) =>
    new Xfs4IoTPinPad({
      transport,
      keys: { iso0: config.keys?.iso0 ?? 'PinDukptTdes', iso4: config.keys?.iso4 ?? 'PinDukptAes' },
      answerTimeoutMs: context.answerTimeoutMs,
      fdks: config.fdks,
    }),
  diagnostics: {
    counters: { keyPressed: 'keysPressed' },
    detail: (pad) => `entry ${pad.status().entry}, ${pad.serviceUri}`,
    healthCheck: {
      intervalMs: 5000,
      check: (pad) => pad.refreshStatus(),
      idle: (pad) => pad.status().entry === 'idle',
    },
    assess: (pad) => ({
      problems: [],
      notes: pad.capabilities().pinEntry
        ? []
        : ['the service offers no ISO-0 or ISO-4 PIN block: plain entry only'],
    }),
  },
  discovery: {
    hint: 'the ATM terminal’s XFS4IoT service publisher (ws://host:80/xfs4iot/v1.0 or ports 5846-5856)',
  },
});
