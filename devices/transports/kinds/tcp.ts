import { z } from 'zod';
import { requiredInt, requiredString } from '../../common/config-fields';
import { TcpTransport } from '../tcp-transport';
import { defineTransportKind } from './transport-kind';

/** Raw TCP: a network printer on port 9100, or a serial device behind a serial-to-Ethernet server. */
export const TcpTransportConfig = z
  .object({
    type: z.literal('tcp'),
    host: requiredString(),
    port: requiredInt(1, 65_535),
  })
  .strict();
export type TcpTransportConfig = z.infer<typeof TcpTransportConfig>;

export const tcpKind = defineTransportKind<TcpTransportConfig>({
  type: 'tcp',
  schema: TcpTransportConfig,
  create: (config, options) =>
    new TcpTransport({
      host: config.host,
      port: config.port,
      connectTimeoutMs: options.connectTimeoutMs,
    }),
  describe: (config) => `tcp ${config.host}:${config.port}`,
  movable: false,
});
