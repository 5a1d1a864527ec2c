import { test } from './support/fixtures.ts';
import { confirmAndPrintReceipt, identifyWithCardAndPinPad } from './support/devices.ts';

// An ATM whose Printer service prints forms and takes no raw data: the receipt is a text form
// (Printer.LoadDefinition, then Printer.PrintForm) and still reads as the balance receipt.
test.use({ kioskConfig: { simulateDevices: 'xfs4iot-forms' } });

test('a whole session on XFS4IoT devices whose printer prints forms only', async ({
  page,
  kiosk,
}) => {
  await identifyWithCardAndPinPad(page, kiosk, { takeCard: true });
  await confirmAndPrintReceipt(page, kiosk);
});
