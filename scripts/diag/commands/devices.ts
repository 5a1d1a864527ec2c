import { flag, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, type ExitCode } from '../exit-codes';
import { hex4, table } from '../format';
import {
  isKeyboard,
  systemListers,
  tryList,
  type HardwareListers,
  type HidDeviceEntry,
  type SerialPortEntry,
} from '../list-hardware';

const HID_HINT =
  'HID devices cannot be listed, so USB card readers and scanners in HID mode will not be found. ' +
  'Is libusb / hidraw available (apt install libusb-1.0-0, udev rules for /dev/hidraw*)?';

/** `listers` is for tests: the default asks the operating system. */
export function createDevicesCommand(listers: HardwareListers = systemListers): DiagCommand {
  return {
    name: 'devices',
    summary: 'list serial ports and HID devices',
    help: `Usage: kiosk-diag devices [--json]

Lists serial ports (path, USB vendor/product ID, manufacturer) and HID devices (path,
vendor/product ID, manufacturer, product, usage). HID keyboards are flagged: a card reader or
scanner in keyboard-wedge mode cannot be used by the kiosk; switch it to HID-data or serial mode.

Exit: 0 both lists read, 1 a list could not be read (e.g. node-hid without libusb); whatever
      could be read is still shown.`,
    options: {},
    run: (values, io) => listDevices(values, io, listers),
  };
}

async function listDevices(
  values: OptionValues,
  io: DiagIo,
  listers: HardwareListers,
): Promise<ExitCode> {
  const serial = await tryList(() => listers.serialPorts(), 'serial ports');
  const hid = await tryList(() => listers.hidDevices(), 'HID devices');
  const ok = serial.ok && hid.ok;
  if (flag(values, 'json')) {
    writeJson(io, {
      command: 'devices',
      ok,
      serialPorts: serial.ok ? serial.items : null,
      hidDevices: hid.ok ? hid.items.map((d) => ({ ...d, keyboard: isKeyboard(d) })) : null,
      errors: [serial, hid].flatMap((l) => (l.ok ? [] : [l.error])),
    });
    return ok ? EXIT.ok : EXIT.problems;
  }
  writeLine(io.stdout, 'Serial ports');
  if (!serial.ok) writeLine(io.stdout, `  ERROR: ${serial.error}`);
  else if (serial.items.length === 0) writeLine(io.stdout, '  (none)');
  else for (const line of serialTable(serial.items)) writeLine(io.stdout, line);
  writeLine(io.stdout);
  writeLine(io.stdout, 'HID devices');
  if (!hid.ok) {
    writeLine(io.stdout, `  ERROR: ${hid.error}`);
    writeLine(io.stdout, `  ${HID_HINT}`);
  } else if (hid.items.length === 0) writeLine(io.stdout, '  (none)');
  else for (const line of hidTable(hid.items)) writeLine(io.stdout, line);
  return ok ? EXIT.ok : EXIT.problems;
}

function serialTable(ports: SerialPortEntry[]): string[] {
  return table(
    ['PATH', 'VID:PID', 'MANUFACTURER', 'SERIAL'],
    ports.map((p) => [
      p.path,
      p.vendorId ? `${p.vendorId}:${p.productId ?? '-'}` : '-',
      p.manufacturer ?? '-',
      p.serialNumber ?? '-',
    ]),
  );
}

function hidTable(devices: HidDeviceEntry[]): string[] {
  return table(
    ['PATH', 'VID:PID', 'MANUFACTURER', 'PRODUCT', 'USAGE'],
    devices.map((d) => [
      d.path ?? '-',
      `${hex4(d.vendorId)}:${hex4(d.productId)}`,
      d.manufacturer ?? '-',
      d.product ?? '-',
      isKeyboard(d) ? 'keyboard (wedge mode: not usable)' : `${hex4(d.usagePage)}/${hex4(d.usage)}`,
    ]),
  );
}
