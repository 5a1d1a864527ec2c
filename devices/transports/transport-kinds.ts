import type { z } from 'zod';
import { discriminatedBy } from '../common/config-fields';
import type { Transport } from '../common/transport';
import { deviceFileKind } from './kinds/device-file';
import { hidKind } from './kinds/hid';
import { serialKind } from './kinds/serial';
import { tcpKind } from './kinds/tcp';
import { xfs4iotKind } from './kinds/xfs4iot';
import type { TransportKind, TransportOptions } from './kinds/transport-kind';

/** Every kind of link a device can be on. A new kind is one file in kinds/ and one line here. */
export const TRANSPORT_KINDS = [serialKind, tcpKind, hidKind, deviceFileKind, xfs4iotKind] as const;

/** A device's `transport` config entry, of any kind. */
export type TransportConfig = z.infer<(typeof TRANSPORT_KINDS)[number]['schema']>;
export type TransportType = TransportConfig['type'];

const DEFAULT_OPTIONS: TransportOptions = { connectTimeoutMs: 1500 };

function kindOf(type: string): TransportKind<TransportConfig> {
  const kind = TRANSPORT_KINDS.find((k) => k.type === type);
  if (!kind) throw new Error(`unknown transport type '${type}'`);
  return kind as unknown as TransportKind<TransportConfig>;
}

/** The schema of a `transport` entry that may be any of `types`; errors name the bad field. */
export function transportSchema(types: readonly TransportType[]): z.ZodType<TransportConfig> {
  return discriminatedBy(
    'type',
    new Map(types.map((type) => [type, kindOf(type).schema] as const)),
    'transport',
  );
}

/** The real link a config entry describes. */
export function createTransport(
  config: TransportConfig,
  options: TransportOptions = DEFAULT_OPTIONS,
): Transport {
  return kindOf(config.type).create(config, options);
}

/** `serial /dev/ttyUSB1`, `tcp 10.0.0.5:9100`, `hid 0801:0002`: for messages. */
export function describeTransport(config: TransportConfig): string {
  return kindOf(config.type).describe(config);
}

/** Port setup may move a device on this link to another port the machine lists. */
export const portCanChange = (config: TransportConfig): boolean => kindOf(config.type).movable;
