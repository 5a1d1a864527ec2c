import { z } from 'zod';
import { withoutControlCharacters } from '../common/control-free-path';

/** Missing fields say `Required`, so a config error reads `devices.printer.transport.path: Required`. */
const requiredString = () =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? 'Required' : 'Expected a string'),
    })
    .min(1, 'Must not be empty');
const requiredInt = (min: number, max: number) =>
  z
    .number({
      error: (issue) => (issue.input === undefined ? 'Required' : 'Expected a number'),
    })
    .int()
    .min(min)
    .max(max);

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

/** Raw TCP: a network printer on port 9100, or a serial device behind a serial-to-Ethernet server. */
export const TcpTransportConfig = z
  .object({
    type: z.literal('tcp'),
    host: requiredString(),
    port: requiredInt(1, 65_535),
  })
  .strict();

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

const transportType = (types: string[]) =>
  z.unknown().superRefine((value, ctx) => {
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      ctx.addIssue({
        code: 'custom',
        message: value === undefined ? 'Required' : 'Expected an object with a type',
      });
    else if (typeof type !== 'string' || !types.includes(type))
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `Expected one of ${types.map((t) => `'${t}'`).join(', ')}`,
      });
  });

/**
 * A discriminated union whose errors name the field inside the chosen variant (zod's plain
 * union would only say "invalid input" for the whole transport).
 */
function transportOf<T extends z.ZodType>(variants: Record<string, T>) {
  const types = Object.keys(variants);
  return transportType(types).pipe(
    z.custom<z.infer<T>>().superRefine((value, ctx) => {
      const variant = variants[(value as { type: string }).type]!;
      const parsed = variant.safeParse(value);
      if (parsed.success) return;
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }),
  );
}

export const SerialOrTcp = transportOf({ serial: SerialTransportConfig, tcp: TcpTransportConfig });
export const SerialTcpOrHid = transportOf({
  serial: SerialTransportConfig,
  tcp: TcpTransportConfig,
  hid: HidTransportConfig,
});

/**
 * A reader or scanner in `hid` mode needs a `hid` transport, the others a serial or TCP one.
 * zod runs this refinement even when fields already failed, so it checks only what parsed.
 */
function hidOnlyWithHidTransport<Key extends string>(key: Key) {
  return (value: Record<Key, unknown> & { transport?: unknown }, ctx: z.RefinementCtx) => {
    const kind = value[key];
    const type = (value.transport as { type?: unknown } | undefined)?.type;
    if (typeof kind !== 'string' || typeof type !== 'string') return;
    if ((kind === 'hid') !== (type === 'hid'))
      ctx.addIssue({
        code: 'custom',
        path: ['transport', 'type'],
        message: `${key} '${kind}' needs ${kind === 'hid' ? "a 'hid'" : "a 'serial' or 'tcp'"} transport`,
      });
  };
}

export const PrinterConfig = z
  .object({
    driver: z.literal('escpos'),
    transport: SerialOrTcp,
    options: z
      .object({
        columns: z.number().int().min(24).max(64).optional(),
        printerModel: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const CardReaderConfig = z
  .object({
    driver: z.literal('magstripe'),
    mode: z.enum(['serial', 'hid']),
    transport: SerialTcpOrHid,
  })
  .strict()
  .superRefine(hidOnlyWithHidTransport('mode'));

export const PinPadConfig = z
  .object({ driver: z.literal('serial-pinpad'), transport: SerialOrTcp })
  .strict();

export const ScannerConfig = z
  .object({ driver: z.enum(['serial', 'hid']), transport: SerialTcpOrHid })
  .strict()
  .superRefine(hidOnlyWithHidTransport('driver'));

export const ReconnectConfig = z
  .object({
    /** First wait after a link is lost; doubles on every failed attempt. */
    initialDelayMs: z.number().int().min(10).max(10_000).default(100),
    maxDelayMs: z.number().int().min(10).max(60_000).default(1_000),
  })
  .strict();

/** The `devices` section of the kiosk configuration. Every device is optional. */
export const DevicesConfig = z
  .object({
    printer: PrinterConfig.optional(),
    cardReader: CardReaderConfig.optional(),
    pinPad: PinPadConfig.optional(),
    scanner: ScannerConfig.optional(),
    reconnect: ReconnectConfig.optional(),
  })
  .strict();

export type SerialTransportConfig = z.infer<typeof SerialTransportConfig>;
export type TcpTransportConfig = z.infer<typeof TcpTransportConfig>;
export type HidTransportConfig = z.infer<typeof HidTransportConfig>;
export type TransportConfig = SerialTransportConfig | TcpTransportConfig | HidTransportConfig;
export type PrinterConfig = z.infer<typeof PrinterConfig>;
export type CardReaderConfig = z.infer<typeof CardReaderConfig>;
export type PinPadConfig = z.infer<typeof PinPadConfig>;
export type ScannerConfig = z.infer<typeof ScannerConfig>;
export type DevicesConfig = z.infer<typeof DevicesConfig>;
export type DevicesConfigInput = z.input<typeof DevicesConfig>;

/** Validates a `devices` section on its own; the error names every bad field from `devices.`. */
export function parseDevicesConfig(raw: unknown): DevicesConfig {
  const result = DevicesConfig.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  - ${['devices', ...issue.path].join('.')}: ${issue.message}`,
  );
  throw new Error(`Invalid devices configuration:\n${lines.join('\n')}`);
}
