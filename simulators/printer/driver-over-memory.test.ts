import { afterEach, describe, expect, it } from 'vitest';
import type { Transport } from '../../devices/common/transport';
import { ManagedDevice } from '../../devices/manager/managed-device';
import { EscPosPrinter, type ReceiptPrinterOptions } from '../../devices/printer/receipt-printer';
import { createMemoryTransportPair } from '../../devices/transports/memory-transport';
import { settleOutcome } from '../../test-support/settle-outcome';
import { createPrinterSimulator, type PrinterSimulator } from './printer-simulator';
import { receiptText } from './receipt-model';
import { longJob } from './test-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(
  options: Partial<ReceiptPrinterOptions> = {},
  prepare?: (sim: PrinterSimulator) => void,
) {
  const { host, device } = createMemoryTransportPair('printer');
  const sim = createPrinterSimulator();
  prepare?.(sim);
  await sim.attach(device);
  const printer = new EscPosPrinter({ transport: host, statusTimeoutMs: 100, ...options });
  const events: string[] = [];
  printer.on((event) => events.push(event.type));
  cleanups.push(() => printer.close());
  const opened = await printer.open();
  return { sim, printer, events, opened, device };
}

describe('EscPosPrinter against the simulator over a memory pair', () => {
  it('opens, reports an online printer with paper, and prints a job the simulator reads back', async () => {
    const { sim, printer, opened } = await setup();
    expect(opened.code).toBe('success');
    expect(printer.status()).toMatchObject({ device: 'online', paper: 'full', cover: 'closed' });
    const result = await printer.print(longJob(3));
    expect(result).toMatchObject({ code: 'success' });
    expect(sim.receipts).toHaveLength(1);
    expect(receiptText(sim.receipts[0]!)).toEqual(['Baris 1', 'Baris 2', 'Baris 3']);
    expect(sim.receipts[0]!.items).toContainEqual({
      kind: 'qr',
      payload: 'REF-LONG',
      align: 'center',
    });
    // 4 status questions at open, 4 before and 4 after the job, each sent twice, 3 bytes each
    expect(sim.stats.statusQueries).toBe(24);
    if (result.code === 'success')
      expect(sim.stats.bytesReceived).toBe(result.value.bytesSent + 72);
  });

  it('prints with paper near end but warns once with paperLow', async () => {
    const { sim, printer, events } = await setup({}, (s) => s.setPaper('nearEnd'));
    expect(printer.status().paper).toBe('low');
    expect((await printer.print(longJob(2))).code).toBe('success');
    expect(sim.receipts).toHaveLength(1);
    expect(events.filter((e) => e === 'paperLow')).toHaveLength(1);
  });

  it('refuses with deviceNotReady when the paper is out, and prints nothing', async () => {
    const { sim, printer, events } = await setup();
    sim.setPaper('out');
    const result = await printer.print(longJob(2));
    expect(result).toMatchObject({
      code: 'deviceNotReady',
      errorDescription: expect.stringMatching(/paper out/),
    });
    expect(events).toContain('paperOut');
    expect(printer.status()).toMatchObject({ paper: 'out' });
    expect(sim.receipts).toHaveLength(0);
    expect(sim.stats.bytesReceived).toBe(6 * 8); // only status questions, each sent twice
  });

  it('refuses while the cover is open and prints once it is closed', async () => {
    const { sim, printer } = await setup();
    sim.setCoverOpen(true);
    expect(await printer.print(longJob(1))).toMatchObject({
      code: 'deviceNotReady',
      errorDescription: expect.stringMatching(/cover open/),
    });
    expect(printer.status()).toMatchObject({ cover: 'open', device: 'offline' });
    sim.setCoverOpen(false);
    expect((await printer.print(longJob(1))).code).toBe('success');
    expect(sim.receipts).toHaveLength(1);
  });

  it('refuses while the printer says it is offline', async () => {
    const { sim, printer } = await setup();
    sim.setOffline(true);
    expect(await printer.print(longJob(1))).toMatchObject({ code: 'deviceNotReady' });
    expect(printer.status().device).toBe('offline');
  });

  it('reports hardwareError on a cutter error', async () => {
    const { sim, printer } = await setup();
    sim.setCutterError(true);
    expect(await printer.print(longJob(1))).toMatchObject({ code: 'hardwareError' });
    expect(printer.status()).toMatchObject({ device: 'hardwareError', fault: 'cutter' });
  });

  it('treats a printer that does not answer as offline, and finds it back', async () => {
    const { sim, printer, opened } = await setup({}, (s) => s.setPowered(false));
    expect(opened).toMatchObject({ code: 'deviceNotReady' });
    expect(printer.status()).toMatchObject({ device: 'offline', paper: 'unknown' });
    expect(await printer.print(longJob(1))).toMatchObject({
      code: 'deviceNotReady',
      errorDescription: expect.stringMatching(/no answer/),
    });
    sim.setPowered(true);
    expect((await printer.refreshStatus()).code).toBe('success');
    expect(printer.status().device).toBe('online');
  });

  it('notices paper running out in the middle of a job; the rest prints after reloading', async () => {
    const { sim, printer, events } = await setup();
    sim.runOutOfPaperAfterLines(5);
    const result = await printer.print(longJob(20));
    expect(result).toMatchObject({
      code: 'deviceNotReady',
      errorDescription: expect.stringMatching(/paper out while printing/),
    });
    expect(events).toContain('paperOut');
    expect(sim.receipts).toHaveLength(0);
    expect(receiptText(sim.currentReceipt())).toHaveLength(5);
    sim.setPaper('ok');
    expect(sim.receipts).toHaveLength(1);
    expect(receiptText(sim.receipts[0]!)).toHaveLength(20);
  });

  it('reports the unplugged link, refuses to print, and works again after reconnecting', async () => {
    const { sim, printer, events } = await setup();
    await sim.disconnect();
    await new Promise((r) => setImmediate(r));
    expect(events).toContain('linkLost');
    expect(printer.status().device).toBe('noDevice');
    expect(await printer.print(longJob(1))).toMatchObject({ code: 'deviceNotReady' });
    await sim.reconnect();
    expect((await printer.open()).code).toBe('success');
    expect((await printer.print(longJob(1))).code).toBe('success');
    expect(sim.receipts).toHaveLength(1);
  });

  it('asks again when garbage comes with the status answers', async () => {
    const { sim, printer } = await setup();
    sim.sendGarbage(Uint8Array.of(0xff, 0x00, 0x10, 0x04, 0x80));
    sim.setGarbageBeforeReplies(Uint8Array.of(0xff, 0x01, 0x93), 3);
    sim.setPaper('nearEnd');
    expect((await printer.refreshStatus()).code).toBe('success');
    expect(printer.status()).toMatchObject({ device: 'online', paper: 'low' });
    expect((await printer.print(longJob(2))).code).toBe('success');
    expect(printer.ignoredBytes).toBeGreaterThanOrEqual(5 + 3 * 3); // every garbage byte dropped
  });

  it('takes no status from a line that keeps adding bytes that look like answers', async () => {
    const { sim, printer } = await setup();
    // 0x72 reads as "paper end" to the paper sensor question; the printer itself has paper.
    sim.setGarbageBeforeReplies(Uint8Array.of(0x72));
    expect(await printer.refreshStatus()).toMatchObject({
      code: 'timeOut',
      errorDescription: expect.stringMatching(/in doubt/),
    });
    expect(printer.status().paper).not.toBe('out');
    sim.setGarbageBeforeReplies(undefined);
    expect((await printer.refreshStatus()).code).toBe('success');
    expect(printer.status()).toMatchObject({ device: 'online', paper: 'full' });
  });

  it('times out when a slow printer does not finish within the print timeout', async () => {
    const { sim, printer } = await setup({ printTimeoutMs: 150, chunkSize: 64 });
    sim.setSlow({ perChunkMs: 40 });
    expect(await printer.print(longJob(20))).toMatchObject({ code: 'timeOut' });
  });

  it('waits for a slow printer that finishes within the timeout', async () => {
    const { sim, printer } = await setup({ printTimeoutMs: 5000, statusTimeoutMs: 500 });
    sim.setSlow({ perByteMs: 0.5 });
    expect((await printer.print(longJob(5))).code).toBe('success');
    expect(sim.receipts).toHaveLength(1);
  });

  it('completes with canceled when canceled mid-job', async () => {
    const { sim, printer } = await setup({
      printTimeoutMs: 10_000,
      chunkSize: 16,
      statusTimeoutMs: 2000,
    });
    sim.setSlow({ perChunkMs: 20 });
    const printing = printer.print(longJob(30));
    setTimeout(() => printer.cancel(), 60);
    expect(await printing).toMatchObject({ code: 'canceled' });
  });

  it('polls in the background and raises paperLow without a print', async () => {
    const { sim, events } = await setup({ pollIntervalMs: 20 });
    sim.setPaper('nearEnd');
    await expect.poll(() => events.includes('paperLow'), { timeout: 2000 }).toBe(true);
  });

  it('reports capabilities for the configured profile', async () => {
    const { printer } = await setup({ encoding: { columns: 48, printerModel: 'epson-tm-t20iii' } });
    expect(printer.capabilities()).toMatchObject({
      columns: 48,
      printerModel: 'epson-tm-t20iii',
      qrCode: true,
      statusQuery: true,
      transport: 'printer:host',
    });
  });
});

/**
 * A link on which print data is never taken while `stuck` (the printer's buffer stays full);
 * the 3-byte DLE EOT questions still go through, as real-time commands do.
 */
class StuckableLink implements Transport {
  stuck = false;
  constructor(private readonly link: Transport) {}
  get description() {
    return this.link.description;
  }
  get isOpen() {
    return this.link.isOpen;
  }
  open = () => this.link.open();
  close = () => this.link.close();
  onData = (listener: (data: Uint8Array) => void) => this.link.onData(listener);
  onClose = (listener: (error?: Error) => void) => this.link.onClose(listener);
  write(data: Uint8Array): Promise<void> {
    const printData = data[0] !== 0x10; // not DLE EOT
    return this.stuck && printData ? new Promise<void>(() => undefined) : this.link.write(data);
  }
}

describe('a printer that stops taking data', () => {
  it('fails the job with timeOut within the write limit, drops the link, and is back online once the manager reopens it', async () => {
    const { host, device } = createMemoryTransportPair('printer');
    const sim = createPrinterSimulator();
    await sim.attach(device);
    const link = new StuckableLink(host);
    const printer = new EscPosPrinter({
      transport: link,
      statusTimeoutMs: 100,
      writeTimeoutMs: 80,
    });
    const managed = new ManagedDevice({
      name: 'printer',
      driverName: 'escpos',
      transport: link,
      driver: printer,
      reconnect: { initialDelayMs: 10, maxDelayMs: 50 },
    });
    cleanups.push(() => managed.stop());
    await managed.start();
    expect(managed.snapshot().state).toBe('online');
    const states: string[] = [];
    managed.onChange((snapshot) => states.push(snapshot.state));

    link.stuck = true;
    const printing = printer.print(longJob(3));
    expect(await settleOutcome(printing, 3000)).toBe('settled');
    expect(await printing).toMatchObject({
      code: 'timeOut',
      errorDescription: 'printer stopped taking data: took no data for 80 ms',
    });
    expect(sim.receipts).toHaveLength(0);
    expect(printer.status().lastError?.description).toMatch(/stopped taking data/);
    expect(states).toContain('noDevice');

    link.stuck = false;
    await sim.reconnect();
    await expect.poll(() => managed.snapshot().state, { timeout: 3000 }).toBe('online');
    expect((await printer.print(longJob(1))).code).toBe('success');
    expect(sim.receipts).toHaveLength(1);
  });
});

describe('fuzz: random bytes from the line into the driver', () => {
  it('never throws; every status read completes with a completion code', async () => {
    const { seededRandom, randomBytes } = await import('../common/seeded-random');
    const random = seededRandom(175);
    const { sim, printer } = await setup({ statusTimeoutMs: 30 });
    const codes = new Set<string>();
    for (let round = 0; round < 150; round++) {
      sim.sendGarbage(randomBytes(random, 1 + Math.floor(random() * 64)));
      sim.setGarbageBeforeReplies(
        random() < 0.5 ? randomBytes(random, Math.floor(random() * 4)) : undefined,
      );
      sim.setPowered(random() > 0.1);
      const result = await printer.refreshStatus();
      codes.add(result.code);
      expect(['success', 'timeOut']).toContain(result.code);
      expect(['online', 'offline', 'hardwareError']).toContain(printer.status().device);
    }
    expect(codes).toContain('success');
    sim.setGarbageBeforeReplies(undefined);
    sim.setPowered(true);
    await printer.refreshStatus();
    expect(printer.status()).toMatchObject({ device: 'online', paper: 'full' });
  });
});
