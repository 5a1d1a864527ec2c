import { describeTransport, type TransportConfig } from '../devices/transports/transport-kinds';
import { intOption, stringOption, type OptionSpec, type OptionValues } from './args';
import { usageError } from './exit-codes';

export const TARGET_OPTIONS: Record<string, OptionSpec> = {
  port: { type: 'string' },
  baud: { type: 'string' },
  tcp: { type: 'string' },
  hid: { type: 'string' },
  file: { type: 'string' },
};

/** The link options, one line each, so a command can show the ones it takes. */
export const TARGET_HELP_LINES = {
  port: '  --port PATH        serial port, e.g. /dev/ttyUSB0 (see: kiosk-diag devices)',
  baud: '  --baud N           serial speed (default 9600)',
  tcp: '  --tcp HOST:PORT    raw TCP device, e.g. a network printer on 192.168.1.50:9100',
  hid: '  --hid PATH|VID:PID HID device (card reader, scanner), e.g. /dev/hidraw3 or 0801:0002',
  file: `  --file PATH        device file: a USB printer class printer (/dev/usb/lp0) or a
                     keyboard-wedge scanner's evdev device (/dev/input/by-id/...-event-kbd)`,
} as const;

export const TARGET_HELP = Object.values(TARGET_HELP_LINES).join('\n');

const LINK_OPTIONS = ['port', 'tcp', 'hid', 'file'] as const;

/** The one link given on the command line, as a config `transport` entry; undefined when none was. */
export function targetFromOptions(values: OptionValues): TransportConfig | undefined {
  const given = LINK_OPTIONS.filter((name) => stringOption(values, name) !== undefined);
  if (given.length > 1)
    throw usageError(`give only one of ${LINK_OPTIONS.map((name) => `--${name}`).join(', ')}`);
  if (stringOption(values, 'baud') !== undefined && given[0] !== 'port')
    throw usageError('--baud is the speed of a serial --port');
  const baudRate = intOption(values, 'baud', { min: 50, max: 4_000_000, fallback: 9600 });
  const port = stringOption(values, 'port');
  const tcp = stringOption(values, 'tcp');
  const hid = stringOption(values, 'hid');
  const file = stringOption(values, 'file');
  if (port !== undefined) {
    if (!port.trim()) throw usageError('--port needs a path, e.g. /dev/ttyUSB0');
    return { type: 'serial', path: port, baudRate };
  }
  if (tcp !== undefined) return parseTcp(tcp);
  if (hid !== undefined) return parseHid(hid);
  if (file !== undefined) {
    if (!file.trim()) throw usageError('--file needs a path, e.g. /dev/usb/lp0');
    return { type: 'device-file', path: file };
  }
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

/**
 * The link as its transport kind describes it (`file /dev/usb/lp0`, `tcp 10.0.0.5:9100`,
 * `hid 0801:0002`), with the speed of a serial line, which a technician checks first.
 */
export function describeTarget(target: TransportConfig): string {
  const described = describeTransport(target);
  return target.type === 'serial' ? `${described} at ${target.baudRate} baud` : described;
}
