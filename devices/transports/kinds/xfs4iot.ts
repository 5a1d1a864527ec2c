import { z } from 'zod';
import { requiredInt, requiredString } from '../../common/config-fields';
import { withoutControlCharacters } from '../../common/control-free-path';
import { Xfs4IoTServiceLink } from '../../xfs4iot/service-link';
import { defineTransportKind } from './transport-kind';

/**
 * An XFS4IoT service on an ATM, found through the terminal's service publisher
 * (`ws(s)://host:port/xfs4iot/v1.0`). Without a port the standard's ports are tried in order.
 */
export const Xfs4IoTTransportConfig = z
  .object({
    type: z.literal('xfs4iot'),
    host: requiredString().regex(/^[A-Za-z0-9.:[\]-]+$/, 'Expected a host name or IP address'),
    port: requiredInt(1, 65_535).optional(),
    /** wss:// with the service's certificate checked (against `ca` when given). */
    secure: z.boolean().default(false),
    /** The service's name in its URI, e.g. `CardReader1`; default: the first with the interface. */
    service: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'Expected a service name like CardReader1')
      .optional(),
    /** PEM file of the CA certificates the services' certificates chain to. */
    ca: withoutControlCharacters(requiredString()).optional(),
  })
  .strict()
  .refine((config) => config.secure || config.ca === undefined, {
    path: ['ca'],
    message: 'a ca needs secure: true (wss)',
  });
export type Xfs4IoTTransportConfig = z.infer<typeof Xfs4IoTTransportConfig>;

export const xfs4iotKind = defineTransportKind<Xfs4IoTTransportConfig>({
  type: 'xfs4iot',
  schema: Xfs4IoTTransportConfig,
  create: (config, options) =>
    new Xfs4IoTServiceLink({
      host: config.host,
      ...(config.port !== undefined ? { port: config.port } : {}),
      secure: config.secure,
      ...(config.service ? { service: config.service } : {}),
      ...(config.ca ? { caFile: config.ca } : {}),
      connectTimeoutMs: options.connectTimeoutMs,
    }),
  describe: (config) =>
    `xfs4iot ${config.secure ? 'wss' : 'ws'}://${config.host}${config.port ? `:${config.port}` : ''}${config.service ? ` ${config.service}` : ''}`,
  // The publisher's address is set in the config file; port setup lists serial and HID ports.
  movable: false,
});
