import { keyboardWedgeDriver } from '../../devices/drivers/keyboard-wedge';
import { usbPrinterDriver } from '../../devices/drivers/usb-printer';
import type { DeviceEntry } from '../../devices/manager/device-config';
import { createPrinterSimulator } from '../printer/printer-simulator';
import { concatBytes, inputEventsFor } from '../scanner/keyboard-wedge-encoder';
import { simulatedPrinter, type SimulatedPrinter } from './embedded-printer';
import { startPtyDeviceLine, type PtyDeviceLine } from './pty-device-line';

/**
 * A USB printer-class receipt printer (the `usb-printer` driver on `/dev/usb/lp0`) with no
 * hardware: the kiosk opens a pty as its device file, the printer simulator answers on the other
 * end. Unplugging kills the pty, as pulling the cable makes usblp's device go away.
 */
export async function startUsbPrinterStandIn(
  columns = 42,
): Promise<{ printer: SimulatedPrinter; config: DeviceEntry }> {
  const line = await startPtyDeviceLine(115200);
  const simulator = createPrinterSimulator({ columns });
  await simulator.attach(line.device);
  const printer = simulatedPrinter(simulator, columns, {
    connected: () => line.pluggedPath !== null,
    disconnect: () => line.unplug(),
    async reconnect() {
      if (line.pluggedPath !== null) return;
      await line.plug();
      await simulator.attach(line.device);
    },
    close: () => line.close(),
  });
  return {
    printer,
    config: {
      driver: usbPrinterDriver.name,
      transport: { type: 'device-file', path: line.hostPath },
    },
  };
}

/** A scanner that types as a USB keyboard, on its own cable. */
export interface KeyboardWedgeStandIn {
  line: PtyDeviceLine;
  /** Types `text` and Enter, as the kernel reports the keystrokes. */
  type(text: string): Promise<void>;
  config: DeviceEntry;
}

/**
 * A keyboard-wedge scanner (the `keyboard-wedge` driver on an evdev device,
 * /dev/input/by-id/...-event-kbd) with no hardware: the kiosk reads a pty as the event device,
 * and every scan arrives as the kernel's input_event records for its keystrokes.
 */
export async function startKeyboardWedgeStandIn(): Promise<KeyboardWedgeStandIn> {
  const line = await startPtyDeviceLine();
  return {
    line,
    type: (text) => line.device.write(concatBytes(inputEventsFor(text))),
    config: {
      driver: keyboardWedgeDriver.name,
      transport: { type: 'device-file', path: line.hostPath },
    },
  };
}
