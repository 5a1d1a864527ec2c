import { describe, expect, it } from 'vitest';
import { technicianMessageText, type TechnicianMessage } from './technician-messages';

type Code = TechnicianMessage['code'];

/** One of every message: the type makes a new code without a sample fail to compile. */
const SAMPLES: { [C in Code]: Extract<TechnicianMessage, { code: C }> } = {
  noDeviceLayer: { code: 'noDeviceLayer' },
  hostReachable: { code: 'hostReachable', medianMs: 12, minMs: 10, maxMs: 15 },
  hostUnreachable: { code: 'hostUnreachable', kind: 'timeout', url: 'http://127.0.0.1:1' },
  devicesConfigured: { code: 'devicesConfigured', count: 4 },
  notConfigured: { code: 'notConfigured', device: 'scanner' },
  unknownDevice: { code: 'unknownDevice', device: 'toaster' },
  notAnAction: { code: 'notAnAction', action: 'exit' },
  testPagePrinted: { code: 'testPagePrinted', bytes: 120 },
  testPageFailed: { code: 'testPageFailed', reason: 'paper out' },
  cardRead: { code: 'cardRead', kind: 'kpj', masked: '*******2128', tracks: '1+2' },
  cardReadFailed: { code: 'cardReadFailed', reason: 'timeOut' },
  keysReceived: { code: 'keysReceived', keys: '1 2 enter' },
  keypadFailed: { code: 'keypadFailed', reason: 'timeOut' },
  noPinFormat: { code: 'noPinFormat' },
  pinEntered: { code: 'pinEntered', digits: 4, format: 4, scheme: 'AES-128 DUKPT' },
  pinEntryFailed: { code: 'pinEntryFailed', reason: 'canceled' },
  scanned: { code: 'scanned', masked: '*******2128', source: 'jmo', symbology: 'qr' },
  scanFailed: { code: 'scanFailed', reason: 'timeOut' },
  deviceReopened: { code: 'deviceReopened', device: 'cardReader' },
  resetFailed: { code: 'resetFailed', device: 'pinPad', reason: 'noDevice' },
  portsFound: { code: 'portsFound', count: 2, device: 'printer', current: 'serial /dev/ttyS0' },
  noPortsFound: { code: 'noPortsFound', device: 'printer', errors: [] },
  portNotChangeable: { code: 'portNotChangeable', device: 'printer' },
  openPortSetupFirst: { code: 'openPortSetupFirst' },
  notAFoundPort: { code: 'notAFoundPort', port: 'serial:/etc/passwd' },
  portInUse: { code: 'portInUse', port: '/dev/ttyS1', device: 'scanner' },
  deviceAnswersOn: { code: 'deviceAnswersOn', device: 'printer', port: 'serial /dev/ttyS1' },
  moveFailed: { code: 'moveFailed', reason: 'not online' },
  nothingToSave: { code: 'nothingToSave' },
  noConfigFile: { code: 'noConfigFile' },
  portSaved: {
    code: 'portSaved',
    device: 'printer',
    port: 'serial /dev/ttyS1',
    path: '/etc/kiosk.json',
    previousPath: '/etc/kiosk.json.prev',
  },
  notSaved: { code: 'notSaved', reason: 'EACCES' },
  movedBack: { code: 'movedBack', device: 'printer', port: 'serial /dev/ttyS0' },
  portSetupClosed: { code: 'portSetupClosed' },
  actionFailed: { code: 'actionFailed', reason: 'boom' },
};

describe('technician messages', () => {
  it.each(Object.values(SAMPLES))('$code reads in Indonesian and in English', (message) => {
    const id = technicianMessageText(message, 'id');
    const en = technicianMessageText(message, 'en');
    expect(id).not.toBe('');
    expect(en).not.toBe('');
    expect(id).not.toBe(en);
  });

  it('names a device in the reader’s language', () => {
    expect(technicianMessageText(SAMPLES.deviceReopened, 'id')).toBe('Pembaca kartu dibuka ulang.');
    expect(technicianMessageText(SAMPLES.notConfigured, 'en')).toBe('No scanner is configured.');
  });
});
