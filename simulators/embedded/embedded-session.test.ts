import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/load-config';
import { createKiosk, type Kiosk } from '../../core/kiosk/create-kiosk';
import { createLogger } from '../../core/log/logger';
import { startDeviceManager, type DeviceManager } from '../../devices/manager';
import { FIXTURES, startHostSimulator, type HostSimulator } from '../host';
import { startEmbeddedDevices, type EmbeddedDevices } from './embedded-devices';
import { socatAvailable } from './socat-available';
import { hashTechnicianPin } from '../../core/technician/pin-hash';
import { TECHNICIAN_CARD_PREFIX } from '../card-reader/test-cards';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function stack(extra: Record<string, unknown> = {}): Promise<{
  kiosk: Kiosk;
  embedded: EmbeddedDevices;
  manager: DeviceManager;
  host: HostSimulator;
}> {
  const host = await startHostSimulator({ port: 0, latencyMs: 0 });
  cleanups.push(() => host.close());
  const embedded = await startEmbeddedDevices();
  cleanups.push(() => embedded.close());
  const config = parseConfig(
    {
      host: { url: host.url, timeoutMs: 2000 },
      devices: embedded.config,
      ...extra,
      technician: { diagSocket: null, ...(extra.technician as object) },
    },
    'test',
  );
  const manager = await startDeviceManager(config.devices!);
  cleanups.push(() => manager.stop());
  const kiosk = createKiosk(config, {
    logger: createLogger({ level: 'silent' }),
    devices: manager,
    audit: null,
  });
  cleanups.push(() => kiosk.stop());
  return { kiosk, embedded, manager, host };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!socatAvailable())('embedded devices driving the brain', () => {
  it('card swipe identifies, pin pad keys verify, receipt prints with the KPJ masked', async () => {
    const { kiosk, embedded, manager } = await stack();
    const screen = () => kiosk.brain.view().screen;
    await until(() => manager.snapshots().every((device) => device.state === 'online'));
    expect(kiosk.brain.view().devices.printer).toBe('ready');

    await embedded.control.card!.insert('active');
    await until(() => screen() === 'enterBirthDate');
    const birth = FIXTURES.active.birthDate.replaceAll('-', '');
    expect(await embedded.control.pinPad!.press(`${birth}E`)).toEqual({ accepted: 9 });
    await until(() => screen() === 'balance');

    expect(await embedded.control.pinPad!.press('3')).toEqual({ accepted: 1 });
    await until(() => screen() === 'takeReceipt' || screen() === 'anotherTransaction');
    const [lines] = embedded.control.printer.receipts();
    const text = lines!.join('\n');
    expect(text).toContain('*******2128');
    expect(text).not.toContain(FIXTURES.active.kpj);
    expect(text).toMatch(/Saldo Akhir\s+Rp 33\.146\.852/);
    expect(text).toContain(kiosk.brain.view().receiptReference!);
    expect(manager.snapshot('printer')!.counters.receiptsPrinted).toBe(1);
    expect(manager.snapshot('cardReader')!.counters.cardsRead).toBe(1);
  });

  it('a scanned JMO QR identifies; a bank card is ignored', async () => {
    const { kiosk, embedded } = await stack();
    const screen = () => kiosk.brain.view().screen;
    await embedded.control.card!.swipe('bankVisa');
    // The brain has the swipe when it says so; it stays on the start screen.
    await until(() => kiosk.brain.view().error?.code === 'cardNotKpj');
    expect(screen()).toBe('attract');
    await embedded.control.scanner!.scan('jmoQr', 'active');
    await until(() => screen() === 'enterBirthDate');
  });

  it('paper out makes the print unavailable with the reason', async () => {
    const { kiosk, embedded } = await stack();
    await until(() => kiosk.brain.view().devices.printer === 'ready');
    embedded.control.printer.setFaults({ paper: 'out' });
    await until(() => kiosk.brain.view().devices.printer === 'unavailable', 4000);
    expect(kiosk.brain.view().devices.printerProblem).toBe('paperOut');
  });

  it('paper running out mid-receipt ends in printFailed with paperOut', async () => {
    const { kiosk, embedded, manager } = await stack();
    const screen = () => kiosk.brain.view().screen;
    await until(() => manager.snapshots().every((device) => device.state === 'online'));
    await embedded.control.card!.insert('active');
    await until(() => screen() === 'enterBirthDate');
    await embedded.control.pinPad!.press(`${FIXTURES.active.birthDate.replaceAll('-', '')}E`);
    await until(() => screen() === 'balance');
    embedded.control.printer.simulator.runOutOfPaperAfterLines(3);
    await embedded.control.pinPad!.press('3');
    await until(() => screen() === 'printFailed');
    expect(kiosk.brain.view().printProblem).toBe('paperOut');
    expect(manager.snapshot('printer')!.counters.printFailures).toBe(1);
  });

  it('a card reader unplugged and plugged into another port is found there and works again', async () => {
    const { kiosk, embedded, manager } = await stack();
    const card = embedded.control.card!;
    await until(() => manager.snapshot('cardReader')?.state === 'online');
    const original = card.port()!;

    await card.unplug();
    expect(card.port()).toBeNull();
    await until(() => manager.snapshot('cardReader')?.state === 'noDevice');
    expect(embedded.serialPorts().map((port) => port.path)).not.toContain(original);

    await card.plug('spare');
    const spare = card.port()!;
    expect(spare).not.toBe(original);
    // Still looking on the old path: a reopen attempt made after the spare port appeared fails.
    const plugged = Date.now();
    await until(() => {
      const error = manager.snapshot('cardReader')?.lastError;
      return (
        !!error && error.description.startsWith('cannot open') && Date.parse(error.at) > plugged
      );
    });
    expect(manager.snapshot('cardReader')?.state).toBe('noDevice');
    expect(embedded.serialPorts().map((port) => port.path)).toContain(spare);

    const moved = await manager.moveDevice('cardReader', {
      type: 'serial',
      path: spare,
      baudRate: 9600,
    });
    expect(moved.code).toBe('success');
    await card.insert('active');
    await until(() => kiosk.brain.view().screen === 'enterBirthDate');
  });

  it('a technician card swiped on the start screen opens the technician PIN prompt', async () => {
    const pinHash = await hashTechnicianPin('2468');
    const { kiosk, embedded, manager } = await stack({
      technician: { pinHash, cardPrefix: TECHNICIAN_CARD_PREFIX },
    });
    await until(() => manager.snapshot('cardReader')?.state === 'online');
    await embedded.control.card!.swipe('technician');
    await until(() => kiosk.brain.view().screen === 'technicianPin');
  });
});
