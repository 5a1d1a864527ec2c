import type { z } from 'zod';
import type { Transport } from '../../common/transport';

export interface TransportOptions {
  /** How long opening a network link may take. */
  connectTimeoutMs: number;
}

/**
 * One kind of link a device can be on (serial line, TCP socket, HID device, ...): the config
 * entry's schema, how to open it, and how technicians read it.
 */
export interface TransportKind<C extends { type: string } = { type: string }> {
  readonly type: C['type'];
  /** The `transport` entry of a device's config, `type` included. */
  readonly schema: z.ZodType<C>;
  create(config: C, options: TransportOptions): Transport;
  /** `serial /dev/ttyUSB1`, `tcp 10.0.0.5:9100`: for messages. */
  describe(config: C): string;
  /**
   * Port setup may move a device on this kind of link to another port the machine lists
   * (a network device's address is set in the config file instead).
   */
  readonly movable: boolean;
}

export const defineTransportKind = <C extends { type: string }>(kind: TransportKind<C>) => kind;
