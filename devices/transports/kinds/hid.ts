import { z } from 'zod';
import { withoutControlCharacters } from '../../common/control-free-path';
import { HidTransport, type HidTarget } from '../hid-transport';
import { defineTransportKind } from './transport-kind';

const hidId = () => z.number().int().min(0).max(0xffff);

/** A HID device by its path (`/dev/hidraw0`) or by vendor and product ID. */
export const HidTransportConfig = z
  .object({
    type: z.literal('hid'),
    path: withoutControlCharacters(z.string().min(1)).optional(),
    vendorId: hidId().optional(),
    productId: hidId().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.path !== undefined) {
      if (value.vendorId !== undefined || value.productId !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['path'],
          message: 'give a path or vendorId/productId, not both',
        });
      return;
    }
    for (const key of ['vendorId', 'productId'] as const)
      if (value[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: 'Required (or give a path)' });
  });
export type HidTransportConfig = z.infer<typeof HidTransportConfig>;

export function hidTarget(config: HidTransportConfig): HidTarget {
  return config.path !== undefined
    ? { path: config.path }
    : { vendorId: config.vendorId!, productId: config.productId! };
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export const hidKind = defineTransportKind<HidTransportConfig>({
  type: 'hid',
  schema: HidTransportConfig,
  create: (config) => new HidTransport({ target: hidTarget(config) }),
  describe: (config) =>
    config.path !== undefined
      ? `hid ${config.path}`
      : `hid ${hex4(config.vendorId!)}:${hex4(config.productId!)}`,
  movable: true,
});
