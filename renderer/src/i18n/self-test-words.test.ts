import { describe, expect, it } from 'vitest';
import { TechnicianAction } from '../../../core/common/api';
import { messagesFor } from './i18n';

/** The screen's own buttons; every other action is a device self-test that needs a label. */
const SCREEN_ACTIONS = new Set<string>([
  'refresh',
  'testHost',
  'resetDevice',
  'configurePort',
  'choosePort',
  'savePort',
  'closePortSetup',
  'exit',
]);
const offered = TechnicianAction.options.filter((action) => !SCREEN_ACTIONS.has(action));

describe("the technician screen's self-test buttons", () => {
  it.each(offered)('%s has its own words in both languages', (action) => {
    const id = messagesFor('id').techTest(action);
    const en = messagesFor('en').techTest(action);
    expect(id).not.toBe(en);
    expect(id).toMatch(/^[A-Z]/);
    expect(en).toMatch(/^[A-Z]/);
  });

  it('keeps the words a technician knows', () => {
    expect(messagesFor('en').techTest('printTestPage')).toBe('Print test page');
    expect(messagesFor('id').techTest('scanTest')).toBe('Tes Pindai');
  });

  it('shows a test no table knows as its name in words, not as code', () => {
    expect(messagesFor('en').techTest('calibrateSensor')).toBe('Calibrate sensor');
    expect(messagesFor('id').techTest('selfTest_v2')).toBe('Self test v2');
    expect(messagesFor('id').techTest('')).toBe('');
  });
});

describe('a device the kiosk is reconnecting', () => {
  it('reads as words in both languages, not as the brain sends it', () => {
    expect(messagesFor('id').techDeviceState('noDevice (reconnecting)')).toBe(
      'Tidak terdeteksi, menyambung ulang…',
    );
    expect(messagesFor('en').techDeviceState('noDevice (reconnecting)')).toBe(
      'Not detected, reconnecting…',
    );
  });
});
