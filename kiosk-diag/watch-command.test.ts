import { afterEach, describe, expect, it } from 'vitest';
import { CardReaderSimulator, TEST_CARDS, TEST_PANS } from '../simulators/card-reader';
import { PinPadSimulator } from '../simulators/pinpad';
import { createPrinterSimulator, startTcpPrinterServer } from '../simulators/printer';
import { captureIo } from './capture-io.test-helper';
import { runDiag } from './main';
import { PTY_BAUD, ptyDevice } from './pty-device.test-helper';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWatch(driver: string, port: string, json = false) {
  const captured = captureIo();
  const args = ['watch', '--driver', driver, '--port', port, '--baud', String(PTY_BAUD)];
  const running = runDiag(json ? [...args, '--json'] : args, captured.io);
  cleanups.push(async () => {
    captured.stop();
    await running;
  });
  await expect.poll(captured.stdout, { timeout: 5000 }).toContain('watching');
  return { ...captured, running };
}

describe('kiosk-diag watch', () => {
  it('shows card events with the masked number only, and stops on Ctrl-C', async () => {
    const device = await ptyDevice();
    cleanups.push(() => device.close());
    const sim = new CardReaderSimulator(device.deviceEnd, { mode: 'serial' });
    const watch = await startWatch('magstripe', device.pair.hostPath);

    await sim.insert(TEST_CARDS.visa);
    await expect.poll(watch.stdout, { timeout: 5000 }).toContain('card read');
    await sim.remove();
    await expect.poll(watch.stdout, { timeout: 5000 }).toContain('card removed');
    watch.stop();
    expect(await watch.running).toBe(0);

    const out = watch.stdout();
    expect(out).toContain('card inserted');
    expect(out).toContain('card read: bank card 4761********0010, tracks 1+2');
    expect(out).not.toContain(TEST_PANS.visa);
    expect(out).not.toContain(TEST_PANS.visa.slice(4, 12));
    expect(out).not.toContain('WIBOWO'); // the cardholder name on track 1
    expect(out).not.toContain('2812'); // expiry
  });

  it('shows pin pad key names in plain entry (JSON Lines)', async () => {
    const device = await ptyDevice();
    cleanups.push(() => device.close());
    const sim = new PinPadSimulator(device.deviceEnd);
    await sim.start();
    const watch = await startWatch('pinpad', device.pair.hostPath, true);

    await expect.poll(() => sim.mode, { timeout: 5000 }).toBe('plain');
    sim.type('42');
    sim.press('enter');
    await expect.poll(watch.stdout, { timeout: 5000 }).toContain('entryEnded');
    watch.stop();
    expect(await watch.running).toBe(0);

    const events = watch
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const keys = events.filter((e) => e.type === 'keyPressed').map((e) => e.key);
    expect(keys).toEqual(['4', '2', 'enter']);
    expect(events.find((e) => e.type === 'entryEnded')).toMatchObject({
      terminatedBy: 'enter',
      digits: 2,
    });
  });

  it('shows a printer running out of paper (status polled once a second)', async () => {
    const sim = createPrinterSimulator();
    const server = await startTcpPrinterServer(sim, { port: 0 });
    cleanups.push(() => server.close());
    const captured = captureIo();
    const running = runDiag(
      ['watch', '--driver', 'escpos', '--tcp', `127.0.0.1:${server.port}`, '--json'],
      captured.io,
    );
    cleanups.push(async () => {
      captured.stop();
      await running;
    });
    await expect.poll(captured.stdout, { timeout: 5000 }).toContain('"paper":"full"');
    sim.setPaper('out');
    await expect.poll(captured.stdout, { timeout: 5000 }).toContain('"type":"paperOut"');
    captured.stop();
    expect(await running).toBe(0);
  });

  it('exits 3 when the device goes away while watching', async () => {
    const device = await ptyDevice();
    const sim = new CardReaderSimulator(device.deviceEnd, { mode: 'serial' });
    const watch = await startWatch('magstripe', device.pair.hostPath);
    expect(watch.stdout()).not.toContain('warning'); // the reader answered at open
    expect(sim.mediaState).toBe('noMedia');
    await device.close(); // socat ends: the line is cut for both ends
    expect(await watch.running).toBe(3);
    expect(watch.stdout()).toContain('link lost');
  });
});
