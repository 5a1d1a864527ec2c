import { z } from 'zod';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';
import { Xfs4IoTCardReader } from './xfs4iot-card-reader';

const Xfs4IoTCardReaderConfig = deviceEntrySchema('xfs4iot-card-reader', [], ['xfs4iot'], {
  /** How long an ejected card may wait to be taken before the reader retains it. */
  takeTimeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  /** The retain bin's storage unit, as the service's Storage interface names it. */
  retainUnit: z
    .string()
    .regex(/^unit[0-9A-Za-z]+$/, 'Expected a storage unit like unit1')
    .default('unit1'),
  /**
   * Keep the card in the reader after the read until the kiosk gives it back or retains it
   * (the ATM profile: card returned before the balance, retained when the bank says so).
   */
  holdCard: z.boolean().default(false),
});

/** A card reader on an ATM served over XFS4IoT (CardReader interface, magnetic tracks). */
export const xfs4iotCardReaderDriver = defineDriver({
  deviceClass: 'cardReader',
  name: 'xfs4iot-card-reader',
  summary:
    'XFS4IoT CardReader service: magnetic tracks by ReadRawData, eject, retain when not taken or on order',
  transports: ['xfs4iot'],
  config: Xfs4IoTCardReaderConfig,
  create: (transport, config, context) =>
    new Xfs4IoTCardReader({
      transport,
      answerTimeoutMs: context.answerTimeoutMs,
      takeTimeoutMs: config.takeTimeoutMs,
      retainUnit: config.retainUnit,
      holdCard: config.holdCard,
    }),
  diagnostics: {
    counters: { cardRead: 'cardsRead', invalidMedia: 'invalidMedia' },
    detail: (reader) =>
      `media ${reader.serviceMedia}, ${reader.retainedCards} retained, ${reader.serviceUri}`,
    assess: (reader) => {
      const { media } = reader.status();
      return {
        problems: media === 'jammed' ? ['card jammed in the reader: clear it'] : [],
        notes: [
          ...(media === 'present' ? ['a card is in the reader'] : []),
          ...(reader.retainedCards > 0
            ? [`${reader.retainedCards} card(s) retained since start: empty the retain bin`]
            : []),
        ],
      };
    },
  },
  discovery: {
    hint: "an ATM's XFS4IoT service publisher: ws://<terminal>:80 or 5846-5856 /xfs4iot/v1.0",
  },
});
