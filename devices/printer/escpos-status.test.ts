import { describe, expect, it } from 'vitest';
import {
  isStatusByte,
  parseErrorCause,
  parseOfflineCause,
  parsePaperSensor,
  parsePrinterStatus,
  statusByte,
  statusQuery,
} from './escpos-status';
import { interpretStatus } from './read-status';

describe('DLE EOT status bytes', () => {
  it('asks with 10 04 n', () => {
    expect([...statusQuery('printer')]).toEqual([0x10, 0x04, 1]);
    expect([...statusQuery('paperSensor')]).toEqual([0x10, 0x04, 4]);
  });

  it.each([
    [0x12, true],
    [0x16, true],
    [0x1e, true],
    [0x72, true],
    [0x7e, true],
    [0x00, false],
    [0x13, false], // bit 0 set
    [0x10, false], // bit 1 clear
    [0x02, false], // bit 4 clear
    [0x92, false], // bit 7 set
    [0xff, false],
  ])('byte 0x%s valid = %s', (byte, valid) => {
    expect(isStatusByte(byte)).toBe(valid);
  });

  it.each([
    // n = 4 paper sensor
    [parsePaperSensor, 0x12, { nearEnd: false, end: false }],
    [parsePaperSensor, 0x1e, { nearEnd: true, end: false }],
    [parsePaperSensor, 0x16, { nearEnd: true, end: false }], // only one of the two bits
    [parsePaperSensor, 0x72, { nearEnd: false, end: true }],
    [parsePaperSensor, 0x7e, { nearEnd: true, end: true }],
  ] as const)('%o parses 0x%s', (parse, byte, expected) => {
    expect(parse(byte)).toEqual(expected);
  });

  it('reads each bit of n = 1, 2, 3', () => {
    expect(parsePrinterStatus(0x1a)?.offline).toBe(true);
    expect(parsePrinterStatus(0x12)?.offline).toBe(false);
    expect(parseOfflineCause(0x16)).toMatchObject({ coverOpen: true, stoppedByPaperEnd: false });
    expect(parseOfflineCause(0x32)).toMatchObject({ coverOpen: false, stoppedByPaperEnd: true });
    expect(parseOfflineCause(0x52)?.errorOccurred).toBe(true);
    expect(parseErrorCause(0x1a)?.cutterError).toBe(true);
    expect(parseErrorCause(0x32)?.unrecoverable).toBe(true);
    expect(parseErrorCause(0x52)?.autoRecoverable).toBe(true);
  });

  it('refuses bytes that are not status answers', () => {
    expect(parsePrinterStatus(0x08)).toBeUndefined();
    expect(parsePaperSensor(0x60)).toBeUndefined();
    expect(parseOfflineCause(0xff)).toBeUndefined();
  });

  it('statusByte always yields a valid pattern', () => {
    for (let flags = 0; flags < 256; flags++) expect(isStatusByte(statusByte(flags))).toBe(true);
  });
});

describe('interpretStatus', () => {
  const ok = 0x12;
  it.each([
    [
      'all fine',
      { printer: ok, offlineCause: ok, errorCause: ok, paperSensor: ok },
      { device: 'online', paper: 'full', cover: 'closed' },
    ],
    [
      'paper near end',
      { printer: ok, offlineCause: ok, errorCause: ok, paperSensor: 0x1e },
      { device: 'online', paper: 'low', cover: 'closed' },
    ],
    [
      'paper out',
      { printer: 0x1a, offlineCause: 0x32, errorCause: ok, paperSensor: 0x7e },
      { device: 'offline', paper: 'out', cover: 'closed' },
    ],
    [
      'cover open',
      { printer: 0x1a, offlineCause: 0x16, errorCause: ok, paperSensor: ok },
      { device: 'offline', paper: 'full', cover: 'open' },
    ],
    [
      'offline only',
      { printer: 0x1a, offlineCause: ok, errorCause: ok, paperSensor: ok },
      { device: 'offline', paper: 'full', cover: 'closed' },
    ],
    [
      'cutter error',
      { printer: 0x1a, offlineCause: 0x52, errorCause: 0x1a, paperSensor: ok },
      { device: 'hardwareError', fault: 'cutter' },
    ],
    [
      'unrecoverable',
      { printer: 0x1a, offlineCause: 0x52, errorCause: 0x32, paperSensor: ok },
      { device: 'hardwareError', fault: 'unrecoverable' },
    ],
  ] as const)('%s', (_name, answers, expected) => {
    expect(interpretStatus(answers)).toMatchObject(expected);
  });
});

describe('fuzz: random bytes into the status parsers', () => {
  it('never throws and accepts exactly the 0xx1xx10 bytes', () => {
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 24;
    };
    for (let i = 0; i < 5000; i++) {
      const answers = {
        printer: next(),
        offlineCause: next(),
        errorCause: next(),
        paperSensor: next(),
      };
      const status = interpretStatus(answers);
      expect(['online', 'offline', 'hardwareError']).toContain(status.device);
      if (
        !isStatusByte(answers.paperSensor) &&
        !parseOfflineCause(answers.offlineCause)?.stoppedByPaperEnd
      )
        expect(status.paper).toBe('unknown');
      expect(parsePrinterStatus(answers.printer) === undefined).toBe(
        !isStatusByte(answers.printer),
      );
    }
  });
});
