import { afterEach, describe, expect, it } from 'vitest';
import { evdevFifoStandIn } from '../simulators/scanner/evdev-fifo.test-helper';
import { FIXTURES } from '../simulators/host';
import { payloads } from '../simulators/scanner/scanner-simulator';
import { captureIo, runCaptured } from './capture-io.test-helper';
import { runDiag } from './main';

// A keyboard-wedge scanner read through evdev: the stand-in for /dev/input/by-id/...-event-kbd
// is a FIFO into which the test writes the Linux input_events the scanner's keys would make.

const KPJ = FIXTURES.active.kpj;
const MASKED = '*******' + KPJ.slice(-4);

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const evdevStandIn = () => evdevFifoStandIn(cleanups);

async function startWatch(args: string[]) {
  const captured = captureIo();
  const running = runDiag(['watch', ...args], captured.io);
  cleanups.push(async () => {
    captured.stop();
    await running;
  });
  await expect.poll(captured.stdout, { timeout: 5000 }).toContain('watching');
  return { ...captured, running };
}

describe('kiosk-diag watch of a keyboard-wedge scanner on an evdev device file', () => {
  it('shows a KPJ card scan with the masked KPJ only, and stops on Ctrl-C', async () => {
    const standIn = await evdevStandIn();
    const watch = await startWatch(['--driver', 'keyboard-wedge', '--file', standIn.path]);
    expect(watch.stdout()).toContain(`watching keyboard-wedge on file:${standIn.path}`);

    await standIn.type(payloads.kpjCardBarcode(KPJ));
    await expect.poll(watch.stdout, { timeout: 5000 }).toContain('scanned');
    await standIn.type(']Q1' + payloads.jmoUrl(KPJ));
    await expect.poll(watch.stdout, { timeout: 5000 }).toContain('jmoUrl');
    watch.stop();
    expect(await watch.running).toBe(0);

    const out = watch.stdout();
    expect(out).toContain(`scanned: KPJ ${MASKED} (plain, unknown)`);
    expect(out).toContain(`scanned: KPJ ${MASKED} (jmoUrl, qr)`);
    expect(out).not.toContain(KPJ);
    expect(out).not.toContain(payloads.kpjCardBarcode(KPJ));
    expect(out).not.toContain(KPJ.slice(0, 7));
  });

  it('--driver scanner (the older name) picks the keyboard-wedge driver for a --file link (JSON Lines)', async () => {
    const standIn = await evdevStandIn();
    const captured = captureIo();
    const args = ['watch', '--driver', 'scanner', '--file', standIn.path, '--json'];
    const running = runDiag(args, captured.io);
    cleanups.push(async () => {
      captured.stop();
      await running;
    });
    await expect.poll(captured.stdout, { timeout: 5000 }).toContain('"type":"watching"');
    await standIn.type(payloads.kpjCardBarcode(KPJ));
    await expect.poll(captured.stdout, { timeout: 5000 }).toContain('"type":"scanned"');
    captured.stop();
    expect(await running).toBe(0);

    const records = captured
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.find((r) => r.type === 'watching')).toMatchObject({ driver: 'keyboard-wedge' });
    expect(records.find((r) => r.type === 'scanned')).toMatchObject({ maskedKpj: MASKED });
    expect(captured.stdout()).not.toContain(KPJ);
  });

  it('an unknown --driver name is refused with the names that exist', async () => {
    const run = await runCaptured(['watch', '--driver', 'scaner', '--file', '/dev/input/event3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no driver "scaner"');
    expect(run.stderr).toContain('keyboard-wedge');
    expect(run.stderr).toContain('serial = serial-scanner');
    expect(run.stderr).toContain('or a device: printer, cardReader, pinPad, scanner');
  });
});
