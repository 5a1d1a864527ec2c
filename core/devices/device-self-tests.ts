import type { TechnicianAction } from '../common/api';
import type { DeviceClass } from '../../devices/common/device';
import type { DeviceOfClass } from '../../devices/drivers/driver-definition';
import type { PrintJob } from '../../devices/printer/print-job';
import type { TechnicianActionResult } from '../technician/technician-port';

/** A test a technician runs on one device from the technician screen. */
export interface SelfTest<K extends DeviceClass> {
  action: TechnicianAction;
  run(device: DeviceOfClass[K]): Promise<TechnicianActionResult>;
}

const TEST_PAGE: PrintJob = {
  name: 'technician-test-page',
  elements: [
    { kind: 'text', text: 'TEST PAGE', bold: true, align: 'center', size: 'double' },
    { kind: 'rule' },
    { kind: 'text', text: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789' },
    { kind: 'qr', payload: 'TEST', align: 'center' },
    { kind: 'cut' },
  ],
};

/** A public test card number: the PIN entry test's PIN block is bound to no real account. */
const TEST_PAN = '4761739001010010';

const printTestPage: SelfTest<'receiptPrinter'> = {
  action: 'printTestPage',
  async run(printer) {
    const result = await printer.print(TEST_PAGE);
    return result.code === 'success'
      ? { ok: true, message: { code: 'testPagePrinted', bytes: result.value.bytesSent } }
      : { ok: false, message: { code: 'testPageFailed', reason: result.errorDescription } };
  },
};

const readCardTest: SelfTest<'cardReader'> = {
  action: 'readCardTest',
  async run(reader) {
    const result = await reader.readCard(20_000);
    reader.takeCardData(); // a test read keeps nothing
    if (result.code !== 'success')
      return { ok: false, message: { code: 'cardReadFailed', reason: result.errorDescription } };
    const card = result.value;
    return {
      ok: true,
      message: {
        code: 'cardRead',
        kind: card.kind === 'kpj' ? 'kpj' : 'bank',
        masked: card.maskedKpj ?? card.maskedPan ?? '',
        tracks: card.tracksRead.join('+'),
      },
    };
  },
};

const keypadTest: SelfTest<'pinPad'> = {
  action: 'keypadTest',
  async run(pinPad) {
    // Plain entry, so key names may be shown; PIN entry is never used for a test.
    const result = await pinPad.dataEntry({ maxLength: 8, timeoutMs: 20_000 });
    if (result.code !== 'success')
      return { ok: false, message: { code: 'keypadFailed', reason: result.errorDescription } };
    const keys = [...result.value.digits, result.value.terminatedBy].join(' ');
    return { ok: true, message: { code: 'keysReceived', keys } };
  },
};

const pinEntryTest: SelfTest<'pinPad'> = {
  action: 'pinEntryTest',
  async run(pinPad) {
    const format = pinPad.capabilities().pinFormats[0];
    if (format === undefined) return { ok: false, message: { code: 'noPinFormat' } };
    const result = await pinPad.pinEntry({
      pan: TEST_PAN,
      minLength: 4,
      maxLength: 12,
      format,
      timeoutMs: 20_000,
    });
    if (result.code !== 'success')
      return { ok: false, message: { code: 'pinEntryFailed', reason: result.errorDescription } };
    // The digit count and the format only: the PIN block is encrypted, but is not shown either.
    const scheme = result.value.format === 4 ? 'AES-128 DUKPT' : 'TDES DUKPT';
    return {
      ok: true,
      message: {
        code: 'pinEntered',
        digits: result.value.digits,
        format: result.value.format,
        scheme,
      },
    };
  },
};

const scanTest: SelfTest<'scanner'> = {
  action: 'scanTest',
  async run(scanner) {
    const result = await scanner.readKpj(20_000);
    scanner.takeKpj(); // a test scan keeps nothing
    if (result.code !== 'success')
      return { ok: false, message: { code: 'scanFailed', reason: result.errorDescription } };
    return {
      ok: true,
      message: {
        code: 'scanned',
        masked: result.value.maskedKpj,
        source: result.value.source,
        symbology: result.value.symbology,
      },
    };
  },
};

/**
 * The technician screen's tests per device class: every driver of a class works through the
 * class's interface, so a new driver gets its class's tests with nothing to add.
 */
export const SELF_TESTS: { [K in DeviceClass]: ReadonlyArray<SelfTest<K>> } = {
  receiptPrinter: [printTestPage],
  cardReader: [readCardTest],
  pinPad: [keypadTest, pinEntryTest],
  scanner: [scanTest],
};

export function selfTestsOf(deviceClass: DeviceClass): ReadonlyArray<SelfTest<DeviceClass>> {
  return SELF_TESTS[deviceClass] as ReadonlyArray<SelfTest<DeviceClass>>;
}
