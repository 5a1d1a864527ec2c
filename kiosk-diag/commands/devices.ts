import { flag, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, type ExitCode } from '../exit-codes';
import { hex4, table } from '../format';
import type { HidDeviceInfo, SerialPortInfo } from '../../devices/manager/discovery';
import { DRIVERS } from '../../devices/drivers/registry';
import {
  driversForHidUsage,
  systemListers,
  type DeviceFileInfo,
  type HardwareListers,
} from '../list-hardware';

const HID_HINT =
  'HID devices cannot be listed, so USB card readers and scanners in HID mode will not be found. ' +
  'Is libusb / hidraw available (apt install libusb-1.0-0, udev rules for /dev/hidraw*)?';

/** `listers` is for tests: the default asks the operating system. */
export function createDevicesCommand(listers: HardwareListers = systemListers): DiagCommand {
  return {
    name: 'devices',
    summary: 'list serial ports, HID devices and device files (USB printers, keyboards)',
    help: `Usage: kiosk-diag devices [--json]

Lists serial ports (path, USB vendor/product ID, manufacturer), HID devices (path,
vendor/product ID, manufacturer, product, usage) and device files: USB printer class printers
(/dev/usb/lp*, --driver usb-printer --file PATH) and keyboards by id
(/dev/input/by-id/*-event-kbd). HID keyboards are flagged: a scanner in keyboard-wedge mode is
read by the keyboard-wedge driver (--hid PATH, or --file on its -event-kbd device). A card
reader in keyboard mode cannot be used: switch it to HID-data or serial mode. Then, for every
driver of the kiosk, where its devices usually show up.

Exit: 0 every list read, 1 a list could not be read (e.g. node-hid without libusb); whatever
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
  const serial = await listers.serialPorts();
  const hid = await listers.hidDevices();
  const files = await listers.deviceFiles();
  const ok = [serial, hid, files].every((list) => list.error === undefined);
  const hints = DRIVERS.map((driver) => ({ driver: driver.name, hint: driver.discovery.hint }));
  if (flag(values, 'json')) {
    writeJson(io, {
      command: 'devices',
      ok,
      serialPorts: serial.devices,
      hidDevices: hid.devices.map((d) => ({
        ...d,
        drivers: driversForHidUsage(d).map((driver) => driver.name),
      })),
      deviceFiles: files.devices,
      hints,
      errors: [serial.error, hid.error, files.error].filter((e) => e !== undefined),
    });
    return ok ? EXIT.ok : EXIT.problems;
  }
  writeLine(io.stdout, 'Serial ports');
  if (serial.error) writeLine(io.stdout, `  ERROR: ${serial.error}`);
  else if (serial.devices.length === 0) writeLine(io.stdout, '  (none)');
  if (serial.devices.length)
    for (const line of serialTable(serial.devices)) writeLine(io.stdout, line);
  writeLine(io.stdout);
  writeLine(io.stdout, 'HID devices');
  if (hid.error) {
    writeLine(io.stdout, `  ERROR: ${hid.error}`);
    writeLine(io.stdout, `  ${HID_HINT}`);
  } else if (hid.devices.length === 0) writeLine(io.stdout, '  (none)');
  if (hid.devices.length) for (const line of hidTable(hid.devices)) writeLine(io.stdout, line);
  writeLine(io.stdout);
  writeLine(io.stdout, 'Device files');
  if (files.error) writeLine(io.stdout, `  ERROR: ${files.error}`);
  if (files.devices.length === 0) writeLine(io.stdout, '  (none)');
  else for (const line of fileTable(files.devices)) writeLine(io.stdout, line);
  writeLine(io.stdout);
  writeLine(io.stdout, 'Where the drivers find their devices');
  for (const line of table(
    ['DRIVER', 'WHERE'],
    hints.map((h) => [h.driver, h.hint]),
  ))
    writeLine(io.stdout, line);
  return ok ? EXIT.ok : EXIT.problems;
}

function serialTable(ports: SerialPortInfo[]): string[] {
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

function hidTable(devices: HidDeviceInfo[]): string[] {
  return table(
    ['PATH', 'VID:PID', 'MANUFACTURER', 'PRODUCT', 'USAGE'],
    devices.map((d) => [
      d.path ?? '-',
      `${hex4(d.vendorId)}:${hex4(d.productId)}`,
      d.manufacturer ?? '-',
      d.product ?? '-',
      usageWords(d),
    ]),
  );
}

/** A usage some driver reads is named with that driver; any other shows as page/usage. */
function usageWords(device: HidDeviceInfo): string {
  const [driver] = driversForHidUsage(device);
  const usage = `${hex4(device.usagePage)}/${hex4(device.usage)}`;
  if (!driver?.discovery.hidUsage) return usage;
  return `${driver.discovery.hidUsage.kind} (--driver ${driver.name})`;
}

function fileTable(files: DeviceFileInfo[]): string[] {
  return table(
    ['PATH', 'WHAT', 'DRIVER'],
    files.map((f) => [f.path, f.kind, f.drivers.join(', ') || '-']),
  );
}
