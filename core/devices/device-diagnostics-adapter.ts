import type { TechnicianAction, TechnicianDevice, TechnicianEvent } from '../common/api';
import { DeviceEventLog } from './device-event-log';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { DeviceName, DeviceSnapshot } from '../../devices/manager/device-snapshot';
import type { PrintJob } from '../../devices/printer/print-job';
import type { DeviceDiagnosticsSource } from '../technician/kiosk-technician-port';
import type { TechnicianActionResult } from '../technician/technician-port';

const LABELS: Record<DeviceName, string> = {
  printer: 'Receipt printer',
  cardReader: 'Card reader',
  pinPad: 'Pin pad',
  scanner: 'Scanner',
};

/** Capability flags that are on, and short values, as a list a technician can read. */
export function capabilityList(capabilities: Record<string, unknown>): string[] {
  const list: string[] = [];
  for (const [key, value] of Object.entries(capabilities)) {
    if (key === 'transport' || key === 'serial') continue;
    if (value === true) list.push(key);
    else if (typeof value === 'string' || typeof value === 'number') list.push(`${key}: ${value}`);
    else if (Array.isArray(value) && value.length) list.push(`${key}: ${value.join(', ')}`);
  }
  return list;
}

export function technicianDevice(snapshot: DeviceSnapshot): TechnicianDevice {
  const firmware = snapshot.capabilities.model;
  return {
    name: snapshot.name,
    deviceClass: snapshot.deviceClass,
    state: snapshot.reconnecting ? 'noDevice (reconnecting)' : snapshot.state,
    driver: snapshot.driver,
    transport: snapshot.transport,
    detail: snapshot.detail,
    capabilities: capabilityList(snapshot.capabilities),
    firmware: typeof firmware === 'string' ? firmware : undefined,
    lastError: snapshot.lastError,
    counters: snapshot.counters,
  };
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

/** Technician mode's device part, backed by the device manager. */
export class DeviceDiagnosticsAdapter implements DeviceDiagnosticsSource {
  private readonly log: DeviceEventLog;

  constructor(private readonly manager: DeviceManager) {
    this.log = new DeviceEventLog(manager);
  }

  devices(): TechnicianDevice[] {
    return this.manager.snapshots().map(technicianDevice);
  }

  events(): TechnicianEvent[] {
    return this.log.list();
  }

  async run(action: TechnicianAction, device?: string): Promise<TechnicianActionResult> {
    switch (action) {
      case 'refresh':
        return { ok: true, detail: `${this.manager.names().length} device(s) configured` };
      case 'printTestPage': {
        const printer = this.manager.printer;
        if (!printer) return { ok: false, detail: 'No receipt printer is configured.' };
        const result = await printer.print(TEST_PAGE);
        return result.code === 'success'
          ? { ok: true, detail: `Test page printed (${result.value.bytesSent} bytes).` }
          : { ok: false, detail: `Test page failed: ${result.errorDescription}` };
      }
      case 'readCardTest': {
        const reader = this.manager.cardReader;
        if (!reader) return { ok: false, detail: 'No card reader is configured.' };
        const result = await reader.readCard(20_000);
        reader.takeCardData(); // a test read keeps nothing
        if (result.code !== 'success')
          return { ok: false, detail: `No good read: ${result.errorDescription}` };
        const card = result.value;
        const masked = card.maskedKpj ?? card.maskedPan ?? '';
        return {
          ok: true,
          detail: `${card.kind === 'kpj' ? 'KPJ' : 'Bank'} card ${masked}, tracks ${card.tracksRead.join('+')}`,
        };
      }
      case 'keypadTest': {
        const pinPad = this.manager.pinPad;
        if (!pinPad) return { ok: false, detail: 'No pin pad is configured.' };
        // Plain entry, so key names may be shown; PIN entry is never used for a test.
        const result = await pinPad.dataEntry({ maxLength: 8, timeoutMs: 20_000 });
        if (result.code !== 'success')
          return { ok: false, detail: `No keys: ${result.errorDescription}` };
        const keys = [...result.value.digits, result.value.terminatedBy].join(' ');
        return { ok: true, detail: `Keys received: ${keys}` };
      }
      case 'pinEntryTest': {
        const pinPad = this.manager.pinPad;
        if (!pinPad) return { ok: false, detail: 'No pin pad is configured.' };
        const format = pinPad.capabilities().pinFormats[0];
        if (format === undefined)
          return { ok: false, detail: 'The pin pad offers no PIN block format.' };
        const result = await pinPad.pinEntry({
          pan: TEST_PAN,
          minLength: 4,
          maxLength: 12,
          format,
          timeoutMs: 20_000,
        });
        if (result.code !== 'success')
          return { ok: false, detail: `No PIN entered: ${result.errorDescription}` };
        // The digit count and the format only: the PIN block is encrypted, but is not shown either.
        const scheme = result.value.format === 4 ? 'AES-128 DUKPT' : 'TDES DUKPT';
        return {
          ok: true,
          detail: `PIN of ${result.value.digits} digits entered; ISO 9564 format ${result.value.format} PIN block under ${scheme} received.`,
        };
      }
      case 'scanTest': {
        const scanner = this.manager.scanner;
        if (!scanner) return { ok: false, detail: 'No scanner is configured.' };
        const result = await scanner.readKpj(20_000);
        scanner.takeKpj(); // a test scan keeps nothing
        if (result.code !== 'success')
          return { ok: false, detail: `No good scan: ${result.errorDescription}` };
        return {
          ok: true,
          detail: `Scanned ${result.value.maskedKpj} (${result.value.source}, ${result.value.symbology})`,
        };
      }
      case 'resetDevice': {
        const name = (device ?? '') as DeviceName;
        if (!this.manager.names().includes(name))
          return { ok: false, detail: `Unknown device: ${device ?? '(none)'}` };
        const result = await this.manager.reset(name);
        return result.code === 'success'
          ? { ok: true, detail: `${LABELS[name]} reopened.` }
          : { ok: false, detail: `${LABELS[name]}: ${result.errorDescription}` };
      }
      default:
        return { ok: false, detail: `Not a device action: ${action}` };
    }
  }
}
