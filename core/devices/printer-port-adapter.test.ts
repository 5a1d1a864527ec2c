import { describe, expect, it } from 'vitest';
import {
  failure,
  success,
  type Completion,
  type StatusChangedEvent,
} from '../../devices/common/device';
import type {
  PrintResult,
  ReceiptPrinterEvent,
  ReceiptPrinterStatus,
} from '../../devices/printer/printer-types';
import { PrinterOptions, resolvePrinterLayout } from '../../devices/printer/printer-options';
import { EscPosPrinter } from '../../devices/printer/receipt-printer';
import { createMemoryTransportPair } from '../../devices/transports/memory-transport';
import { Emitter } from './fake-devices.test-helper';
import { PrinterPortAdapter, printerReadiness } from './printer-port-adapter';

const status = (over: Partial<ReceiptPrinterStatus> = {}): ReceiptPrinterStatus => ({
  device: 'online',
  paper: 'full',
  cover: 'closed',
  ...over,
});

function fakePrinter(initial: ReceiptPrinterStatus, outcome: () => Completion<PrintResult>) {
  type Event = ReceiptPrinterEvent | StatusChangedEvent<ReceiptPrinterStatus>;
  const events = new Emitter<Event>();
  let current = initial;
  let canceled = 0;
  return {
    set(next: ReceiptPrinterStatus) {
      current = next;
      events.emit({ type: 'statusChanged', status: next });
    },
    get canceled() {
      return canceled;
    },
    status: () => current,
    on: (listener: (event: Event) => void) => events.on(listener),
    print: async () => outcome(),
    cancel: () => {
      canceled += 1;
    },
  };
}

const JOB = { name: 'test', elements: [] };
const at42 = {
  capabilities: () => ({
    ...new EscPosPrinter({ transport: createMemoryTransportPair('p').host }).capabilities(),
    columns: 42,
  }),
};

describe('printer readiness', () => {
  it.each([
    [status(), { printer: 'ready' }],
    [status({ paper: 'low' }), { printer: 'paperLow' }],
    [status({ paper: 'out' }), { printer: 'unavailable', printerProblem: 'paperOut' }],
    [status({ cover: 'open' }), { printer: 'unavailable', printerProblem: 'coverOpen' }],
    [status({ device: 'offline' }), { printer: 'unavailable', printerProblem: 'offline' }],
    [status({ device: 'noDevice' }), { printer: 'unavailable', printerProblem: 'offline' }],
    [
      status({ device: 'hardwareError', fault: 'cutter' }),
      { printer: 'unavailable', printerProblem: 'hardwareError' },
    ],
  ])('%o -> %o', (input, expected) => {
    expect(printerReadiness(input)).toEqual(expected);
  });
});

describe('PrinterPortAdapter', () => {
  it('tells the brain when readiness changes, not on every status event', () => {
    const printer = fakePrinter(status(), () => success({ bytesSent: 1 }));
    const adapter = new PrinterPortAdapter({ ...printer, ...at42 });
    let calls = 0;
    adapter.onReadinessChange(() => (calls += 1));
    printer.set(status({ cover: 'unknown' })); // still ready
    expect(calls).toBe(0);
    printer.set(status({ paper: 'out' }));
    expect(calls).toBe(1);
    expect(adapter.readiness()).toEqual({ printer: 'unavailable', printerProblem: 'paperOut' });
  });

  it('a refused print reports the problem the printer reports', async () => {
    const printer = fakePrinter(status(), () => {
      printer.set(status({ paper: 'out' }));
      return failure('deviceNotReady', 'paper out before printing');
    });
    const adapter = new PrinterPortAdapter({ ...printer, ...at42 });
    expect(await adapter.print(JOB)).toEqual({ ok: false, problem: 'paperOut' });
  });

  it('a hardware error with a healthy-looking status is still a hardware error', async () => {
    const printer = fakePrinter(status(), () => failure('hardwareError', 'driver error'));
    expect(await new PrinterPortAdapter({ ...printer, ...at42 }).print(JOB)).toEqual({
      ok: false,
      problem: 'hardwareError',
    });
  });

  it('a good print is ok; aborting cancels the driver command', async () => {
    const printer = fakePrinter(status(), () => success({ bytesSent: 10 }));
    const adapter = new PrinterPortAdapter({ ...printer, ...at42 });
    expect(await adapter.print(JOB)).toEqual({ ok: true });
    const controller = new AbortController();
    const pending = adapter.print(JOB, controller.signal);
    controller.abort();
    await pending;
    expect(printer.canceled).toBe(1);
  });

  it("gives the printing printer's line width, from its config: 32 on 58 mm paper", () => {
    const widthFrom = (options: unknown) => {
      const driver = new EscPosPrinter({
        transport: createMemoryTransportPair('printer').host,
        encoding: resolvePrinterLayout(PrinterOptions.parse(options)),
      });
      return new PrinterPortAdapter(driver).columns();
    };
    expect(widthFrom({ paperWidth: '58mm' })).toBe(32);
    expect(widthFrom({ paperWidth: '80mm', columns: 48 })).toBe(48);
    expect(widthFrom({})).toBe(42);
  });
});
