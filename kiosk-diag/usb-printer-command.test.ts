import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrinterSimulator, receiptText } from '../simulators/printer';
import { runCaptured } from './capture-io.test-helper';
import { ptyDevice } from './pty-device.test-helper';

// The usb-printer driver reaches /dev/usb/lp0 as a device file. Its stand-in here is the host
// end of a socat pty pair, opened as a plain file, with the printer simulator on the other end.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function usbPrinter(options: Parameters<typeof createPrinterSimulator>[0] = {}) {
  const device = await ptyDevice();
  cleanups.push(() => device.close());
  const sim = createPrinterSimulator(options);
  await sim.attach(device.deviceEnd);
  return { sim, path: device.pair.hostPath };
}

async function configWithPrinter(printer: Record<string, unknown>, terminalId = 'KSK-USB-01') {
  const dir = await mkdtemp(join(tmpdir(), 'diag-usb-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'kiosk.json');
  await writeFile(path, JSON.stringify({ terminalId, devices: { printer } }));
  return path;
}

describe('kiosk-diag and the usb-printer driver on a device file', () => {
  it('probe --driver usb-printer --file reads the status by DLE EOT and names the file', async () => {
    const { sim, path } = await usbPrinter();
    const ready = await runCaptured(['probe', '--driver', 'usb-printer', '--file', path]);
    expect(ready.code).toBe(0);
    expect(ready.stdout).toContain(`Probe usb-printer on file ${path}`);
    expect(ready.stdout).toMatch(/paper\s+full/);
    expect(ready.stdout).toContain('Result: ready');

    sim.setPaper('out');
    const empty = await runCaptured(['probe', '--driver', 'usb-printer', '--file', path, '--json']);
    expect(empty.code).toBe(1);
    expect(empty.json()).toMatchObject({
      ok: false,
      driver: 'usb-printer',
      transport: `file:${path}`,
      status: { paper: 'out' },
      problems: ['paper out: load a new roll and close the cover'],
    });
  });

  it('probe --device printer uses the usb-printer entry of the config file', async () => {
    const { path } = await usbPrinter({ paper: 'nearEnd' });
    const config = await configWithPrinter({
      driver: 'usb-printer',
      transport: { type: 'device-file', path },
    });
    const run = await runCaptured(['probe', '--device', 'printer', '--config', config]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Probe usb-printer on file ${path}`);
    expect(run.stdout).toContain('note: paper near end');
  });

  it('print-test --driver usb-printer --file prints the test page', async () => {
    const { sim, path } = await usbPrinter();
    const run = await runCaptured([
      'print-test',
      '--driver',
      'usb-printer',
      '--file',
      path,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      ok: true,
      transport: `file:${path}`,
      completion: { code: 'success' },
    });
    expect(receiptText(sim.receipts[0]!).join(' ')).toContain('TEST PAGE / HALAMAN UJI');
  });

  it('print-test without --driver picks usb-printer for a --file link', async () => {
    const { sim, path } = await usbPrinter();
    const run = await runCaptured(['print-test', '--file', path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Test page on file:${path}`);
    expect(sim.receipts).toHaveLength(1);
  });

  it('print-test --device printer prints at the configured 32 columns with the terminal ID', async () => {
    const { sim, path } = await usbPrinter({ columns: 32 });
    const config = await configWithPrinter({
      driver: 'usb-printer',
      transport: { type: 'device-file', path },
      options: { columns: 32 },
    });
    const run = await runCaptured(['print-test', '--device', 'printer', '--config', config]);
    expect(run.code).toBe(0);
    const text = receiptText(sim.receipts[0]!);
    expect(text).toContain('12345678901234567890123456789012');
    expect(text.some((line) => line.includes('KSK-USB-01'))).toBe(true);
  });

  it('print-test reports paper out on the USB printer and prints nothing', async () => {
    const { sim, path } = await usbPrinter({ paper: 'out' });
    const run = await runCaptured(['print-test', '--driver', 'usb-printer', '--file', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/completion\s+deviceNotReady: paper out/);
    expect(sim.receipts).toHaveLength(0);
  });

  it('exits 3 naming the device file when it does not exist', async () => {
    const missing = '/dev/usb/lp-kiosk-diag-missing';
    const run = await runCaptured(['probe', '--driver', 'usb-printer', '--file', missing]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`cannot open file ${missing}`);
  });

  it('refuses a link the driver cannot use, naming the drivers that can', async () => {
    const serial = await runCaptured(['probe', '--driver', 'usb-printer', '--port', '/dev/ttyS0']);
    expect(serial.code).toBe(2);
    expect(serial.stderr).toContain('the usb-printer driver works over device-file, not serial');
    expect(serial.stderr).toContain('--driver escpos');

    const file = await runCaptured(['print-test', '--driver', 'escpos', '--file', '/dev/usb/lp0']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('(for device-file: --driver usb-printer)');

    const baud = await runCaptured([
      'probe',
      '--driver',
      'usb-printer',
      '--file',
      '/x',
      '--baud',
      '9600',
    ]);
    expect(baud.code).toBe(2);
    expect(baud.stderr).toContain('--baud is the speed of a serial --port');
  });
});
