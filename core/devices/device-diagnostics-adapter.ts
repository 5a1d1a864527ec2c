import type {
  TechnicianAction,
  TechnicianCapability,
  TechnicianDevice,
  TechnicianEvent,
} from '../common/api';
import type { TransportConfig } from '../../devices/manager/device-config';
import { portCanChange } from './port-configurator-adapter';
import { DeviceEventLog } from './device-event-log';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { DeviceName, DeviceSnapshot } from '../../devices/manager/device-snapshot';
import type { PrintJob } from '../../devices/printer/print-job';
import type { DeviceDiagnosticsSource } from '../technician/kiosk-technician-port';
import type { TechnicianActionResult } from '../technician/technician-port';

/** Capability flags that are on, and short values: the screen puts them in words. */
export function capabilityList(capabilities: Record<string, unknown>): TechnicianCapability[] {
  const list: TechnicianCapability[] = [];
  for (const [name, value] of Object.entries(capabilities)) {
    if (name === 'transport' || name === 'serial') continue;
    if (value === true) list.push({ name });
    else if (typeof value === 'string' || typeof value === 'number')
      list.push({ name, value: String(value) });
    else if (Array.isArray(value) && value.length) list.push({ name, value: value.join(', ') });
  }
  return list;
}

export function technicianDevice(
  snapshot: DeviceSnapshot,
  transport?: TransportConfig,
): TechnicianDevice {
  const firmware = snapshot.capabilities.model;
  return {
    name: snapshot.name,
    deviceClass: snapshot.deviceClass,
    state: snapshot.reconnecting ? 'noDevice (reconnecting)' : snapshot.state,
    driver: snapshot.driver,
    transport: snapshot.transport,
    detail: snapshot.detail,
    capabilities: capabilityList(snapshot.capabilities),
    portChangeable: transport !== undefined && portCanChange(transport),
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

const notConfigured = (device: DeviceName): TechnicianActionResult => ({
  ok: false,
  message: { code: 'notConfigured', device },
});

/** Technician mode's device part, backed by the device manager. */
export class DeviceDiagnosticsAdapter implements DeviceDiagnosticsSource {
  private readonly log: DeviceEventLog;

  constructor(private readonly manager: DeviceManager) {
    this.log = new DeviceEventLog(manager);
  }

  devices(): TechnicianDevice[] {
    return this.manager
      .snapshots()
      .map((snapshot) => technicianDevice(snapshot, this.manager.transportConfig(snapshot.name)));
  }

  events(): TechnicianEvent[] {
    return this.log.list();
  }

  async run(action: TechnicianAction, device?: string): Promise<TechnicianActionResult> {
    switch (action) {
      case 'refresh':
        return {
          ok: true,
          message: { code: 'devicesConfigured', count: this.manager.names().length },
        };
      case 'printTestPage': {
        const printer = this.manager.printer;
        if (!printer) return notConfigured('printer');
        const result = await printer.print(TEST_PAGE);
        return result.code === 'success'
          ? { ok: true, message: { code: 'testPagePrinted', bytes: result.value.bytesSent } }
          : { ok: false, message: { code: 'testPageFailed', reason: result.errorDescription } };
      }
      case 'readCardTest': {
        const reader = this.manager.cardReader;
        if (!reader) return notConfigured('cardReader');
        const result = await reader.readCard(20_000);
        reader.takeCardData(); // a test read keeps nothing
        if (result.code !== 'success')
          return {
            ok: false,
            message: { code: 'cardReadFailed', reason: result.errorDescription },
          };
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
      }
      case 'keypadTest': {
        const pinPad = this.manager.pinPad;
        if (!pinPad) return notConfigured('pinPad');
        // Plain entry, so key names may be shown; PIN entry is never used for a test.
        const result = await pinPad.dataEntry({ maxLength: 8, timeoutMs: 20_000 });
        if (result.code !== 'success')
          return { ok: false, message: { code: 'keypadFailed', reason: result.errorDescription } };
        const keys = [...result.value.digits, result.value.terminatedBy].join(' ');
        return { ok: true, message: { code: 'keysReceived', keys } };
      }
      case 'pinEntryTest': {
        const pinPad = this.manager.pinPad;
        if (!pinPad) return notConfigured('pinPad');
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
          return {
            ok: false,
            message: { code: 'pinEntryFailed', reason: result.errorDescription },
          };
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
      }
      case 'scanTest': {
        const scanner = this.manager.scanner;
        if (!scanner) return notConfigured('scanner');
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
      }
      case 'resetDevice': {
        const name = (device ?? '') as DeviceName;
        if (!this.manager.names().includes(name))
          return { ok: false, message: { code: 'unknownDevice', device: device ?? '' } };
        const result = await this.manager.reset(name);
        return result.code === 'success'
          ? { ok: true, message: { code: 'deviceReopened', device: name } }
          : {
              ok: false,
              message: { code: 'resetFailed', device: name, reason: result.errorDescription },
            };
      }
      default:
        return { ok: false, message: { code: 'notAnAction', action } };
    }
  }
}
