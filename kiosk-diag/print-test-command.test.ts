import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPrinterSimulator,
  receiptText,
  startTcpPrinterServer,
  type TcpPrinterServer,
} from '../simulators/printer';
import { runCaptured } from './capture-io.test-helper';
import { closedPort } from './free-port.test-helper';

let server: TcpPrinterServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('kiosk-diag print-test', () => {
  it('prints the test page on a TCP printer and reports success', async () => {
    const sim = createPrinterSimulator();
    server = await startTcpPrinterServer(sim, { port: 0 });
    const run = await runCaptured(['print-test', '--tcp', `127.0.0.1:${server.port}`, '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      ok: true,
      completion: { code: 'success' },
      statusAfter: { device: 'online', paper: 'full' },
    });
    expect(sim.receipts).toHaveLength(1);
    const text = receiptText(sim.receipts[0]!);
    // Double size on 42 columns: the title wraps onto two lines.
    expect(text.join(' ')).toContain('TEST PAGE / HALAMAN UJI');
    expect(text.some((line) => line.includes('KSK-DEV-01'))).toBe(true);
  });

  it('reports deviceNotReady and exits 1 when the paper is out', async () => {
    const sim = createPrinterSimulator({ paper: 'out' });
    server = await startTcpPrinterServer(sim, { port: 0 });
    const run = await runCaptured(['print-test', '--tcp', `127.0.0.1:${server.port}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/completion\s+deviceNotReady: paper out before printing/);
    expect(run.stdout).toContain('Result: not printed');
    expect(sim.receipts).toHaveLength(0);
  });

  it('exits 3 when nothing listens at the address', async () => {
    const run = await runCaptured([
      'print-test',
      '--tcp',
      `127.0.0.1:${await closedPort()}`,
      '--json',
    ]);
    expect(run.code).toBe(3);
    expect(run.json()).toMatchObject({ ok: false, exitCode: 3 });
    expect(String(run.json().error)).toContain('ECONNREFUSED');
  });

  it('finds the printer and terminal ID in the config file', async () => {
    const sim = createPrinterSimulator({ columns: 32 });
    server = await startTcpPrinterServer(sim, { port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'diag-print-'));
    const config = join(dir, 'kiosk.json');
    await writeFile(
      config,
      JSON.stringify({
        terminalId: 'KSK-JKT-07',
        devices: {
          printer: {
            driver: 'escpos',
            transport: { type: 'tcp', host: '127.0.0.1', port: server.port },
            options: { columns: 32 },
          },
        },
      }),
    );
    const run = await runCaptured(['print-test', '--config', config]);
    expect(run.code).toBe(0);
    const text = receiptText(sim.receipts[0]!);
    expect(text).toContain('12345678901234567890123456789012'); // the 32-column ruler
    expect(text.some((line) => line.includes('KSK-JKT-07'))).toBe(true);
  });

  it('exits 2 when it does not know where the printer is', async () => {
    const run = await runCaptured(['print-test']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--tcp');
  });
});
