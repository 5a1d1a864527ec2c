import { z } from 'zod';
import { transportSchema, type TransportType } from '../transports/transport-kinds';

/**
 * The strict schema of a device's config entry: `driver` (its name or an older alias, read as
 * the name), `transport` of one of the kinds the driver works over, and the driver's own fields.
 */
export function deviceEntrySchema<Name extends string, Shape extends z.ZodRawShape>(
  name: Name,
  aliases: readonly string[],
  transports: readonly TransportType[],
  shape: Shape,
) {
  return z
    .object({
      driver: z.enum([name, ...aliases] as [string, ...string[]]).transform(() => name),
      transport: transportSchema(transports),
      ...shape,
    })
    .strict();
}
