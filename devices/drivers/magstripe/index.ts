import { z } from 'zod';
import { MagstripeCardReader } from '../../card-reader/card-reader';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';

const MagstripeConfig = deviceEntrySchema('magstripe', [], ['serial', 'hid', 'tcp'], {
  /** STX/ETX frames or HID-data reports; by default what the transport says. */
  mode: z.enum(['serial', 'hid']).optional(),
}).superRefine((value, ctx) => {
  // zod runs this even when fields already failed, so it checks only what parsed.
  const type = (value.transport as { type?: unknown } | undefined)?.type;
  if (value.mode === undefined || typeof type !== 'string') return;
  if ((value.mode === 'hid') !== (type === 'hid'))
    ctx.addIssue({
      code: 'custom',
      path: ['transport', 'type'],
      message: `mode '${value.mode}' needs ${value.mode === 'hid' ? "a 'hid'" : "a 'serial' or 'tcp'"} transport`,
    });
});

/** A magnetic stripe reader (ISO 7813 tracks), serial STX/ETX frames or HID-data reports. */
export const magstripeDriver = defineDriver({
  deviceClass: 'cardReader',
  name: 'magstripe',
  summary: 'magnetic stripe card reader: serial STX/ETX frames or HID-data reports',
  transports: ['serial', 'hid', 'tcp'],
  config: MagstripeConfig,
  create: (transport, config, context) =>
    new MagstripeCardReader({
      transport,
      mode: config.mode ?? (config.transport.type === 'hid' ? 'hid' : 'serial'),
      statusTimeoutMs: context.answerTimeoutMs,
    }),
  diagnostics: {
    counters: { cardRead: 'cardsRead', invalidMedia: 'invalidMedia' },
    detail: (reader) => `media ${reader.status().media}`,
    assess: (reader) => {
      const { media } = reader.status();
      return {
        problems: media === 'jammed' ? ['card jammed in the reader: remove it'] : [],
        notes: media === 'present' ? ['a card is in the reader'] : [],
      };
    },
  },
  discovery: {
    hint: 'serial readers show as /dev/ttyUSB* or /dev/ttyACM*; HID readers as /dev/hidraw* (kiosk-diag devices)',
  },
});
