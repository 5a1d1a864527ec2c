import { describe, expect, it } from 'vitest';
import { conformanceProblems } from '../../../devices/xfs4iot/conformance/check-message';
import { encodeJobToEscPos } from '../../../devices/printer/escpos-job-encoder';
import { xfs4iotPrinterDriver } from '../../../devices/drivers/xfs4iot-printer';
import type { Xfs4IoTReceiptPrinter } from '../../../devices/drivers/xfs4iot-printer/xfs4iot-receipt-printer';
import { applyPrinterStatus } from '../../../devices/drivers/xfs4iot-printer/printer-status';
import { createPrinterSimulator, type PrinterSimulator } from '../../printer/printer-simulator';
import { receiptText } from '../../printer/receipt-model';
import { SAMPLE_SUMMARY, sampleBalanceReceipt } from '../../printer/test-fixtures';
import type { SimulatedPublisher } from '../publisher';
import { driverOnService } from './driver-on-service.test-helper';
import { createPrinterService } from './printer-service';

const COLUMNS = 42;
const balanceReceipt = () => sampleBalanceReceipt(COLUMNS);

describe('the XFS4IoT receipt printer driver against the simulated Printer service', () => {
  const open = driverOnService(xfs4iotPrinterDriver);
  let publisher: SimulatedPublisher | undefined;

  async function start(
    options: { raw?: boolean; forms?: boolean; takeAfterMs?: number | null } = {},
    printWith?: 'auto' | 'raw' | 'form',
  ) {
    const simulator = createPrinterSimulator({ columns: COLUMNS });
    const printerService = createPrinterService({
      name: 'Printer1',
      simulator,
      watchMs: 20,
      ...options,
    });
    const opened = await open(printerService.service, {
      options: { columns: COLUMNS, ...(printWith ? { printWith } : {}) },
    });
    publisher = opened.publisher;
    const printer = opened.device as Xfs4IoTReceiptPrinter;
    const events: string[] = [];
    printer.on((event) => events.push(event.type));
    expect(await printer.open()).toEqual({ code: 'success', value: undefined });
    return { simulator, control: printerService.control, printer, events };
  }

  const printerCommands = () =>
    publisher!.received
      .filter((entry) => entry.service === 'Printer1')
      .map((entry) => (JSON.parse(entry.text) as { header: { name: string } }).header.name)
      .filter((name) => name.startsWith('Printer.'));

  const lastReceipt = (simulator: PrinterSimulator) => receiptText(simulator.receipts.at(-1)!);

  it('prints a balance receipt the paper shows line by line, cut and presented to be taken', async () => {
    const { simulator, control, printer } = await start({ takeAfterMs: null });
    expect(printer.status()).toMatchObject({ device: 'online', paper: 'full' });

    const printed = await printer.print(balanceReceipt());
    expect(printed.code).toBe('success');
    expect(simulator.receipts).toHaveLength(1);
    expect(simulator.receipts[0]!.cut).toBe('full');
    const lines = lastReceipt(simulator);
    expect(lines).toContainEqual(expect.stringMatching(/^Saldo Akhir +Rp 50\.870\.000$/));
    expect(lines.join('\n')).toContain('*******2128');
    expect(lines.join('\n')).not.toContain(SAMPLE_SUMMARY.participant.kpj);

    // The same paper the network printer's ESC/POS bytes make.
    const direct = createPrinterSimulator({ columns: COLUMNS });
    direct.receive(encodeJobToEscPos(balanceReceipt(), { columns: COLUMNS }));
    expect(simulator.receipts).toEqual(direct.receipts);

    expect(printer.media.presented).toBe(1);
    expect(control.media()).toBe('entering');
    control.take();
    await expect.poll(() => printer.media.taken).toBe(1);
    expect(xfs4iotPrinterDriver.diagnostics.detail!(printer)).toBe(
      'paper full, cover unknown, printing raw, receipts presented 1, taken 1',
    );
  });

  it('says the paper is near its end: a paperLow event and the status, and still prints', async () => {
    const { simulator, printer, events } = await start();
    simulator.setPaper('nearEnd');
    await expect.poll(() => events).toContain('paperLow');
    expect(printer.status().paper).toBe('low');
    expect((await printer.refreshStatus()).code).toBe('success');
    expect(printer.status().paper).toBe('low');
    expect((await printer.print(balanceReceipt())).code).toBe('success');
    expect(events.filter((type) => type === 'paperLow')).toHaveLength(1);
  });

  it('fails a job with no paper as paper out, with a paperOut event, and prints nothing', async () => {
    const { simulator, printer, events } = await start();
    simulator.setPaper('out');
    await expect.poll(() => events).toContain('paperOut');
    const printed = await printer.print(balanceReceipt());
    expect(printed).toMatchObject({
      code: 'deviceNotReady',
      errorDescription: expect.stringContaining('(paperOut)'),
    });
    expect(printer.status().paper).toBe('out');
    expect(simulator.receipts).toHaveLength(0);
    expect(xfs4iotPrinterDriver.diagnostics.assess!(printer).problems).toContainEqual(
      expect.stringContaining('paper out'),
    );
  });

  it('says paper out when the roll runs out during the job', async () => {
    const { simulator, printer, events } = await start();
    simulator.runOutOfPaperAfterLines(3);
    const printed = await printer.print(balanceReceipt());
    expect(printed).toMatchObject({
      code: 'deviceNotReady',
      errorDescription: expect.stringContaining('paperOut'),
    });
    expect(events).toContain('paperOut');
  });

  it('refuses plainly when the service prints neither raw data nor forms', async () => {
    const { simulator, printer } = await start({ raw: false, forms: false });
    const printed = await printer.print(balanceReceipt());
    expect(printed).toMatchObject({
      code: 'unsupportedCommand',
      errorDescription: expect.stringMatching(
        /does not offer Printer\.PrintRaw or Printer\.LoadDefinition or Printer\.PrintForm/,
      ),
    });
    expect(printerCommands()).toEqual([]);
    expect(simulator.stats.bytesReceived).toBe(0);
    expect(xfs4iotPrinterDriver.diagnostics.assess!(printer).problems).toContainEqual(
      expect.stringContaining('Printer.PrintRaw'),
    );
  });

  it('reports the link lost when the service stops, and a job then fails as not ready', async () => {
    const { printer, events } = await start();
    const lost = new Promise<void>((resolve) =>
      printer.on((event) => event.type === 'linkLost' && resolve()),
    );
    publisher!.setRunning('Printer1', false);
    await lost;
    expect(events).toContain('linkLost');
    expect(printer.status().device).toBe('offline');
    expect((await printer.print(balanceReceipt())).code).toBe('deviceNotReady');
  });

  it('still prints the whole receipt on a slow service', async () => {
    const { simulator, printer } = await start();
    publisher!.faults('Printer1').slowMs = 300;
    expect((await printer.print(balanceReceipt())).code).toBe('success');
    expect(lastReceipt(simulator)).toContainEqual(
      expect.stringMatching(/^Saldo Akhir +Rp 50\.870\.000$/),
    );
  });

  it('cancels a job the printer is still taking, and does not cut it', async () => {
    const { simulator, printer } = await start();
    simulator.setSlow({ perChunkMs: 400 });
    const printing = printer.print(balanceReceipt());
    await expect.poll(() => printerCommands()).toEqual(['Printer.PrintRaw']);
    printer.cancel();
    expect(await printing).toMatchObject({ code: 'canceled' });
    expect(printerCommands()).toEqual(['Printer.PrintRaw']);
  });

  it('keeps the paper as it was when a status part does not parse', () => {
    const current = { device: 'online', paper: 'low', cover: 'unknown' } as const;
    const next = applyPrinterStatus({ printer: { paper: { upper: 'plenty' } } }, current);
    expect(next).toMatchObject({
      paper: 'low',
      lastError: { description: expect.stringContaining('malformed') },
    });
  });

  it('sends the job as base64 raw data, then cuts and ejects by ControlMedia', async () => {
    const { printer } = await start();
    await printer.print(balanceReceipt());
    const commands = publisher!.received
      .filter((entry) => entry.service === 'Printer1')
      .map((entry) => JSON.parse(entry.text) as { header: { name: string }; payload: unknown })
      .filter((message) => message.header.name.startsWith('Printer.'));
    expect(commands.map((message) => message.header.name)).toEqual([
      'Printer.PrintRaw',
      'Printer.ControlMedia',
    ]);
    expect(commands[0]!.payload).toEqual({
      inputData: 'no',
      data: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
    });
    expect(commands[1]!.payload).toEqual({ mediaControl: { cut: true, move: 'eject' } });
  });

  const printerMessages = () =>
    publisher!.received
      .filter((entry) => entry.service === 'Printer1')
      .map(
        (entry) =>
          JSON.parse(entry.text) as { header: { name: string }; payload: Record<string, unknown> },
      )
      .filter((message) => message.header.name.startsWith('Printer.'));

  describe('on a service that prints forms and takes no raw data', () => {
    it('prints the balance receipt as a form: the same lines on the paper, cut and presented', async () => {
      const { simulator, control, printer } = await start({ raw: false, takeAfterMs: null });
      expect(printer.capabilities()).toMatchObject({ commandLanguage: 'xfs-form', qrCode: false });

      const printed = await printer.print(balanceReceipt());
      expect(printed.code).toBe('success');
      expect(printerCommands()).toEqual(['Printer.LoadDefinition', 'Printer.PrintForm']);
      const [load, print] = printerMessages();
      expect(load!.payload).toMatchObject({
        overwrite: true,
        definition: expect.stringMatching(/^XFSFORM "BPJSRECEIPT"/),
      });
      expect(String(load!.payload.definition)).not.toContain(SAMPLE_SUMMARY.participant.name);
      expect(print!.payload).toMatchObject({
        formName: 'BPJSRECEIPT',
        mediaControl: { cut: true, move: 'eject' },
      });

      expect(simulator.receipts).toHaveLength(1);
      expect(simulator.receipts[0]!.cut).toBe('full');
      const direct = createPrinterSimulator({ columns: COLUMNS });
      direct.receive(encodeJobToEscPos(balanceReceipt(), { columns: COLUMNS }));
      // Every printed line as raw printing makes it, rules in ASCII (a form's text is in the
      // service's character set); the QR code comes out as its text.
      const qrText = balanceReceipt().elements.flatMap((e) => (e.kind === 'qr' ? [e.payload] : []));
      expect(lastReceipt(simulator).filter((line) => !qrText.includes(line.trim()))).toEqual(
        receiptText(direct.receipts[0]!).map((line) => line.replace(/─/g, '-').replace(/═/g, '=')),
      );
      expect(lastReceipt(simulator).join('\n')).not.toContain(SAMPLE_SUMMARY.participant.kpj);

      expect(printer.media.presented).toBe(1);
      control.take();
      await expect.poll(() => printer.media.taken).toBe(1);
      expect(xfs4iotPrinterDriver.diagnostics.detail!(printer)).toContain('printing form');
      const traffic = publisher!.received
        .concat(publisher!.sent)
        .filter((entry) => entry.service === 'Printer1');
      expect(traffic.flatMap(({ text }) => conformanceProblems(text))).toEqual([]);
    });

    it('prints a form on a service that also takes raw data when the config says printWith form', async () => {
      const { simulator, printer } = await start({}, 'form');
      expect((await printer.print(balanceReceipt())).code).toBe('success');
      expect(printerCommands()).toEqual(['Printer.LoadDefinition', 'Printer.PrintForm']);
      expect(lastReceipt(simulator)).toContainEqual(
        expect.stringMatching(/^Saldo Akhir +Rp 50\.870\.000$/),
      );
    });

    it('refuses when the config says raw and the service prints forms only', async () => {
      const { printer } = await start({ raw: false }, 'raw');
      expect(await printer.print(balanceReceipt())).toMatchObject({
        code: 'unsupportedCommand',
        errorDescription: expect.stringContaining('with printWith "raw"'),
      });
      expect(printerCommands()).toEqual([]);
    });

    it('fails as paper out with no paper, and prints nothing', async () => {
      const { simulator, printer, events } = await start({ raw: false });
      simulator.setPaper('out');
      await expect.poll(() => events).toContain('paperOut');
      expect(await printer.print(balanceReceipt())).toMatchObject({
        code: 'deviceNotReady',
        errorDescription: expect.stringContaining('(paperOut)'),
      });
      expect(simulator.receipts).toHaveLength(0);
    });

    it('cancels a form the printer is still taking, and does not cut it', async () => {
      const { simulator, printer } = await start({ raw: false });
      simulator.setSlow({ perChunkMs: 400 });
      const printing = printer.print(balanceReceipt());
      await expect
        .poll(() => printerCommands())
        .toEqual(['Printer.LoadDefinition', 'Printer.PrintForm']);
      printer.cancel();
      expect(await printing).toMatchObject({ code: 'canceled' });
      expect(simulator.receipts.filter((receipt) => receipt.cut)).toHaveLength(0);
    });

    it('refuses a job with a cut in the middle before sending anything', async () => {
      const { printer } = await start({ raw: false });
      const job = balanceReceipt();
      const twoReceipts = { ...job, elements: [...job.elements, ...job.elements] };
      expect(await printer.print(twoReceipts)).toMatchObject({
        code: 'invalidData',
        errorDescription: expect.stringContaining('a cut can only end the job'),
      });
      expect(printerCommands()).toEqual([]);
    });
  });
});
