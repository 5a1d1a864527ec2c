import { hidTarget } from '../devices/transports/kinds/hid';
import { describeTransport, type TransportConfig } from '../devices/transports/transport-kinds';
import { intOption, stringOption, type OptionSpec, type OptionValues } from './args';
import { usageError } from './exit-codes';

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

/** The one link given on the command line, as a config `transport` entry; undefined when none was. */
export function targetFromOptions(values: OptionValues): TransportConfig | undefined {
  const port = stringOption(values, 'port');
  const tcp = stringOption(values, 'tcp');
  const hid = stringOption(values, 'hid');
  const given = [port, tcp, hid].filter((v) => v !== undefined).length;
  if (given > 1) throw usageError('give only one of --port, --tcp and --hid');
  const baudRate = intOption(values, 'baud', { min: 50, max: 4_000_000, fallback: 9600 });
  if (port !== undefined) {
    if (!port.trim()) throw usageError('--port needs a path, e.g. /dev/ttyUSB0');
    return { type: 'serial', path: port, baudRate };
  }
  if (tcp !== undefined) return parseTcp(tcp);
  if (hid !== undefined) return parseHid(hid);
  return undefined;
}

export function parseTcp(text: string): TransportConfig {
  const match = /^(.+):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65_535)
    throw usageError(`--tcp must be HOST:PORT, e.g. 192.168.1.50:9100 (got "${text}")`);
  return { type: 'tcp', host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

function parseHid(text: string): TransportConfig {
  const ids = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(text.trim());
  if (ids)
    return { type: 'hid', vendorId: parseInt(ids[1]!, 16), productId: parseInt(ids[2]!, 16) };
  if (!text.trim()) throw usageError('--hid needs a device path or VID:PID in hex');
  return { type: 'hid', path: text };
}

/** `serial /dev/ttyUSB0 at 9600 baud`, `tcp 10.0.0.5:9100`, `hid 0801:0002`: for messages. */
export function describeTarget(target: TransportConfig): string {
  if (target.type === 'serial') return `serial ${target.path} at ${target.baudRate} baud`;
  if (target.type === 'hid') {
    const hid = hidTarget(target);
    if ('path' in hid) return `hid ${hid.path}`;
  }
  return describeTransport(target);
}
