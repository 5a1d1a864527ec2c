import { afterEach, describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../devices/printer/receipt-printer';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { TcpTransport } from '../../devices/transports/tcp-transport';
import { createMockSerialLink } from '../common/mock-serial-link';
import { startPtyPair } from '../common/pty-pair';
import { createPrinterSimulator } from './printer-simulator';
import { receiptText } from './receipt-model';
import { startTcpPrinterServer } from './tcp-printer-server';
import { longJob } from './test-fixtures';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function watch(printer: EscPosPrinter): string[] {
  const events: string[] = [];
  printer.on((event) => events.push(event.type));
  return events;
}

describe('over @serialport/binding-mock', () => {
  it('prints, refuses on paper out, and reports an unplugged cable', async () => {
    const link = createMockSerialLink();
    const sim = createPrinterSimulator();
    await sim.attach(link.device);
    const printer = new EscPosPrinter({
      transport: new SerialTransport({ path: link.path, baudRate: 38400, binding: link.binding }),
      statusTimeoutMs: 200,
    });
    cleanups.push(() => printer.close());
    const events = watch(printer);
    expect((await printer.open()).code).toBe('success');
    expect((await printer.print(longJob(3))).code).toBe('success');
    expect(receiptText(sim.receipts[0]!)).toEqual(['Baris 1', 'Baris 2', 'Baris 3']);

    sim.setPaper('out');
    expect(await printer.print(longJob(1))).toMatchObject({ code: 'deviceNotReady' });
    sim.setPaper('ok');

    await sim.disconnect();
    await expect.poll(() => events.includes('linkLost'), { timeout: 2000 }).toBe(true);
    expect(printer.status().device).toBe('noDevice');
    expect(await printer.print(longJob(1))).toMatchObject({ code: 'deviceNotReady' });

    await sim.reconnect();
    expect((await printer.open()).code).toBe('success');
    expect((await printer.print(longJob(1))).code).toBe('success');
    expect(sim.receipts).toHaveLength(2);
  });
});

describe('over a real pty pair from socat', () => {
  it('prints through the native serialport binding and answers DLE EOT', async () => {
    const pty = await startPtyPair();
    cleanups.push(() => pty.close());
    const sim = createPrinterSimulator();
    const deviceSide = new SerialTransport({ path: pty.devicePath, baudRate: 115200 });
    await sim.attach(deviceSide);
    cleanups.push(() => deviceSide.close());
    const printer = new EscPosPrinter({
      transport: new SerialTransport({ path: pty.hostPath, baudRate: 115200 }),
      statusTimeoutMs: 500,
    });
    cleanups.push(() => printer.close());
    const events = watch(printer);
    expect((await printer.open()).code).toBe('success');
    sim.setPaper('nearEnd');
    expect((await printer.print(longJob(10))).code).toBe('success');
    expect(receiptText(sim.receipts[0]!)).toHaveLength(10);
    expect(events).toContain('paperLow');

    sim.setCoverOpen(true);
    expect(await printer.print(longJob(1))).toMatchObject({
      code: 'deviceNotReady',
      errorDescription: expect.stringMatching(/cover open/),
    });
  });

  it('reports the link lost when the line goes away (socat killed)', async () => {
    const pty = await startPtyPair();
    cleanups.push(() => pty.close());
    const sim = createPrinterSimulator();
    const deviceSide = new SerialTransport({ path: pty.devicePath, baudRate: 9600 });
    await sim.attach(deviceSide);
    cleanups.push(() => deviceSide.close());
    const printer = new EscPosPrinter({
      transport: new SerialTransport({ path: pty.hostPath, baudRate: 9600 }),
      statusTimeoutMs: 300,
    });
    cleanups.push(() => printer.close());
    const events = watch(printer);
    expect((await printer.open()).code).toBe('success');
    await pty.close();
    // The OS reports the hang-up on the pending read or, at the latest, on the next write.
    expect(await printer.print(longJob(1))).toMatchObject({ code: 'deviceNotReady' });
    await expect.poll(() => events.includes('linkLost'), { timeout: 3000 }).toBe(true);
    expect(printer.status().device).toBe('noDevice');
  });
});

describe('over TCP (raw port 9100 style, ephemeral port on 127.0.0.1)', () => {
  it('prints, reports faults, survives a dropped connection and reconnects', async () => {
    const sim = createPrinterSimulator();
    const server = await startTcpPrinterServer(sim, { port: 0 });
    cleanups.push(() => server.close());
    const printer = new EscPosPrinter({
      transport: new TcpTransport({ host: server.host, port: server.port, connectTimeoutMs: 2000 }),
      statusTimeoutMs: 300,
    });
    cleanups.push(() => printer.close());
    const events = watch(printer);
    expect((await printer.open()).code).toBe('success');
    expect((await printer.print(longJob(4))).code).toBe('success');
    expect(receiptText(sim.receipts[0]!)).toHaveLength(4);

    sim.setCutterError(true);
    expect(await printer.print(longJob(1))).toMatchObject({ code: 'hardwareError' });
    sim.setCutterError(false);

    await sim.disconnect();
    await expect.poll(() => events.includes('linkLost'), { timeout: 2000 }).toBe(true);
    expect(printer.status().device).toBe('noDevice');

    expect((await printer.open()).code).toBe('success');
    expect((await printer.print(longJob(2))).code).toBe('success');
    expect(sim.receipts).toHaveLength(2);
  });

  it('does not crash on garbage from the network and still reads the status', async () => {
    const sim = createPrinterSimulator();
    const server = await startTcpPrinterServer(sim, { port: 0 });
    cleanups.push(() => server.close());
    const printer = new EscPosPrinter({
      transport: new TcpTransport({ host: server.host, port: server.port }),
      statusTimeoutMs: 300,
    });
    cleanups.push(() => printer.close());
    expect((await printer.open()).code).toBe('success');
    sim.sendGarbage(Uint8Array.from({ length: 500 }, (_, i) => (i * 37) & 0x81));
    sim.setGarbageBeforeReplies(Uint8Array.of(0x00, 0xff), 2); // two questions asked again
    sim.setPaper('out');
    expect((await printer.refreshStatus()).code).toBe('success');
    expect(printer.status().paper).toBe('out');
  });
});
