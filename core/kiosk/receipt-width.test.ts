import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../config/load-config';
import { silentLogger } from '../log/logger';
import { FakeHost, FakePrinter, SAMPLE_SUMMARY } from '../session/fake-host.test-helper';
import { settle } from '../session/test-brain.test-helper';
import { createKiosk, type Kiosk } from './create-kiosk';

/** A printer port that prints `width` characters a line. */
class PrinterOfWidth extends FakePrinter {
  constructor(private readonly width: number) {
    super();
  }

  override columns() {
    return this.width;
  }
}

describe('the kiosk composes the receipt for the printer that prints it', () => {
  let kiosk: Kiosk | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    await kiosk?.stop();
    vi.useRealTimers();
  });

  async function printedHeaderAt(width: number) {
    const printer = new PrinterOfWidth(width);
    const config = parseConfig({
      host: { url: 'http://127.0.0.1:9' },
      journal: { enabled: false },
      technician: { diagSocket: null },
    });
    kiosk = createKiosk(config, {
      host: new FakeHost(),
      printer,
      logger: silentLogger(),
      audit: null,
    });
    let views = 0;
    kiosk.brain.subscribe(() => (views += 1));
    const quiet = () => settle(() => views);
    kiosk.brain.send({ type: 'start' });
    kiosk.brain.send({ type: 'submitKpj', kpj: SAMPLE_SUMMARY.participant.kpj });
    await quiet();
    kiosk.brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await quiet();
    kiosk.brain.send({ type: 'printReceipt' });
    await quiet();
    expect(printer.printed).toHaveLength(1);
    return printer.printed[0]!.elements[0];
  }

  it('on a 58 mm printer (32 columns) the header is normal size, so it does not wrap', async () => {
    expect(await printedHeaderAt(32)).toMatchObject({ kind: 'text', size: 'normal' });
  });

  it('on an 80 mm printer (48 columns) the header is double size', async () => {
    expect(await printedHeaderAt(48)).toMatchObject({ kind: 'text', size: 'double' });
  });
});
