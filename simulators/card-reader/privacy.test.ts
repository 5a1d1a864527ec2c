import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MagstripeCardReader } from '../../devices/card-reader/card-reader';
import { CardReaderSimulator } from './card-reader-simulator';
import { openTestLink, type LinkKind } from './links.test-helper';
import { bankCard, TEST_CARDS, TEST_PANS, type TestCard } from './test-cards';

/** Every string a careless integrator might log: no full PAN and no track text may be in it. */
function forbiddenIn(card: TestCard): string[] {
  const secrets = [TEST_PANS.visa, TEST_PANS.mastercard, '4761739001010011'];
  for (const track of card.tracks)
    if (track.status === 'ok') secrets.push(track.data, track.data.slice(1, -2));
  return secrets;
}

const cards = [
  TEST_CARDS.visa,
  TEST_CARDS.mastercard,
  TEST_CARDS.corruptedLrc,
  TEST_CARDS.luhnFailure,
  TEST_CARDS.visaTrack2Only,
  bankCard(TEST_PANS.visa, 'WIBOWO/SITI', '2813'),
];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.each<LinkKind>(['memory', 'hid'])('card reader privacy over %s', (kind) => {
  it('events, completions, status, errors and a pino log of them never carry a full PAN or track data', async () => {
    const consoleCalls: unknown[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void consoleCalls.push(args),
      );

    const link = await openTestLink(kind);
    const sim = new CardReaderSimulator(link.device, { mode: link.mode });
    const reader = new MagstripeCardReader({
      transport: link.host,
      mode: link.mode,
      frameTimeoutMs: 100,
    });
    cleanups.push(async () => {
      sim.dispose();
      await reader.close();
      await link.close();
    });

    const logged: string[] = [];
    const logger = pino(
      { level: 'trace' },
      new Writable({
        write(chunk, _encoding, callback) {
          logged.push(String(chunk));
          callback();
        },
      }),
    );
    const captured: unknown[] = [];
    reader.on((event) => {
      captured.push(event);
      logger.info({ event }, 'card reader event');
    });
    await reader.open();
    for (const card of cards) {
      const read = reader.readCard(2000);
      await sim.insert(card);
      const result = await read;
      captured.push(result, reader.status());
      logger.info({ result }, 'read finished');
      // The one component that gets the data logs it by mistake: still masked.
      const data = reader.takeCardData();
      logger.info({ data }, 'card data taken');
      captured.push(inspect(data), String(data));
      await sim.remove();
    }
    if (link.mode === 'serial') {
      const read = reader.readCard(2000);
      await sim.sendPartialCardData(TEST_CARDS.visa);
      captured.push(await read);
    }
    await sim.idle();

    const everything = [
      JSON.stringify(captured),
      ...logged,
      inspect(consoleCalls),
      inspect(reader.status()),
    ].join('\n');
    for (const card of cards)
      for (const secret of forbiddenIn(card)) expect(everything).not.toContain(secret);
    expect(everything).toContain('4761********0010');
    expect(consoleCalls).toEqual([]);
  });
});
