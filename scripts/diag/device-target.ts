import type { Transport } from '../../devices/common/transport';
import { createTransport, hidTarget } from '../../devices/manager/create-transport';
import type { TransportConfig } from '../../devices/manager/device-config';
import { HidTransport, type HidTarget } from '../../devices/transports/hid-transport';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { TcpTransport } from '../../devices/transports/tcp-transport';
import { intOption, stringOption, type OptionSpec, type OptionValues } from './args';
import { usageError } from './exit-codes';

/** How to reach a device: a serial line, a raw TCP socket or a HID-data device. */
export type DeviceTarget =
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'hid'; target: HidTarget }
  /** A device of the config file's `devices` section, with all its line settings. */
  | { kind: 'configured'; transport: TransportConfig };

export const TARGET_OPTIONS: Record<string, OptionSpec> = {
  port: { type: 'string' },
  baud: { type: 'string' },
  tcp: { type: 'string' },
  hid: { type: 'string' },
};

export const TARGET_HELP = `  --port PATH        serial port, e.g. /dev/ttyUSB0 (see: kiosk-diag devices)
  --baud N           serial speed (default 9600)
  --tcp HOST:PORT    raw TCP device, e.g. a network printer on 192.168.1.50:9100
  --hid PATH|VID:PID HID-data device (card reader, scanner), e.g. 0801:0002`;

/** The one target given on the command line, or undefined when none was. */
export function targetFromOptions(values: OptionValues): DeviceTarget | undefined {
  const port = stringOption(values, 'port');
  const tcp = stringOption(values, 'tcp');
  const hid = stringOption(values, 'hid');
  const given = [port, tcp, hid].filter((v) => v !== undefined).length;
  if (given > 1) throw usageError('give only one of --port, --tcp and --hid');
  const baudRate = intOption(values, 'baud', { min: 50, max: 4_000_000, fallback: 9600 });
  if (port !== undefined) {
    if (!port.trim()) throw usageError('--port needs a path, e.g. /dev/ttyUSB0');
    return { kind: 'serial', path: port, baudRate };
  }
  if (tcp !== undefined) return parseTcp(tcp);
  if (hid !== undefined) return { kind: 'hid', target: parseHid(hid) };
  return undefined;
}

export function parseTcp(text: string): DeviceTarget {
  const match = /^(.+):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65_535)
    throw usageError(`--tcp must be HOST:PORT, e.g. 192.168.1.50:9100 (got "${text}")`);
  return { kind: 'tcp', host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

function parseHid(text: string): HidTarget {
  const ids = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(text.trim());
  if (ids) return { vendorId: parseInt(ids[1]!, 16), productId: parseInt(ids[2]!, 16) };
  if (!text.trim()) throw usageError('--hid needs a device path or VID:PID in hex');
  return { path: text };
}

export function describeTarget(target: DeviceTarget): string {
  if (target.kind === 'configured') return describeTarget(targetOfConfig(target.transport));
  if (target.kind === 'serial') return `serial ${target.path} at ${target.baudRate} baud`;
  if (target.kind === 'tcp') return `tcp ${target.host}:${target.port}`;
  return 'path' in target.target
    ? `hid ${target.target.path}`
    : `hid ${hex4(target.target.vendorId)}:${hex4(target.target.productId)}`;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function targetOfConfig(transport: TransportConfig): DeviceTarget {
  if (transport.type === 'serial')
    return { kind: 'serial', path: transport.path, baudRate: transport.baudRate };
  if (transport.type === 'tcp') return { kind: 'tcp', host: transport.host, port: transport.port };
  return { kind: 'hid', target: hidTarget(transport) };
}

export function transportFor(target: DeviceTarget, connectTimeoutMs: number): Transport {
  if (target.kind === 'configured') return createTransport(target.transport);
  if (target.kind === 'serial')
    return new SerialTransport({ path: target.path, baudRate: target.baudRate });
  if (target.kind === 'tcp')
    return new TcpTransport({ host: target.host, port: target.port, connectTimeoutMs });
  return new HidTransport({ target: target.target });
}
