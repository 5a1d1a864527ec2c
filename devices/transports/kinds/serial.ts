import { z } from 'zod';
import { requiredInt, requiredString } from '../../common/config-fields';
import { withoutControlCharacters } from '../../common/control-free-path';
import { SerialTransport } from '../serial-transport';
import { defineTransportKind } from './transport-kind';

export const SerialTransportConfig = z
  .object({
    type: z.literal('serial'),
    /** `/dev/ttyUSB0`, `/dev/serial/by-id/...`, `COM3`. */
    path: withoutControlCharacters(requiredString()),
    baudRate: requiredInt(300, 4_000_000),
    dataBits: z.union([z.literal(7), z.literal(8)]).optional(),
    parity: z.enum(['none', 'even', 'odd']).optional(),
    rtscts: z.boolean().optional(),
  })
  .strict();
export type SerialTransportConfig = z.infer<typeof SerialTransportConfig>;

export const serialKind = defineTransportKind<SerialTransportConfig>({
  type: 'serial',
  schema: SerialTransportConfig,
  create: (config) =>
    new SerialTransport({
      path: config.path,
      baudRate: config.baudRate,
      dataBits: config.dataBits,
      parity: config.parity,
      rtscts: config.rtscts,
    }),
  describe: (config) => `serial ${config.path}`,
  movable: true,
});
