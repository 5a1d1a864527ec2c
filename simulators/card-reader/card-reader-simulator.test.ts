import { afterEach, describe, expect, it, vi } from 'vitest';
import { MagstripeCardReader } from '../../devices/card-reader/card-reader';
import type { CardReaderEvent } from '../../devices/card-reader/card-reader-types';
import type { StatusChangedEvent } from '../../devices/common/device';
import type { CardReaderStatus } from '../../devices/card-reader/card-reader-types';
import { FIXTURES } from '../host';
import { randomBytes, seededRandom } from '../common/seeded-random';
import { CardReaderSimulator } from './card-reader-simulator';
import { nextEvent, openTestLink, type LinkKind, type TestLink } from './links.test-helper';
import { PARTICIPANT_CARDS, TEST_CARDS, TEST_PANS } from './test-cards';

type Event = CardReaderEvent | StatusChangedEvent<CardReaderStatus>;

interface Rig {
  link: TestLink;
  reader: MagstripeCardReader;
  sim: CardReaderSimulator;
  events: Event[];
}

const rigs: Rig[] = [];

async function rig(
  kind: LinkKind,
  simOptions: { byteDelayMs?: number; mute?: boolean } = {},
): Promise<Rig> {
  const link = await openTestLink(kind);
  const sim = new CardReaderSimulator(link.device, { mode: link.mode, ...simOptions });
  const reader = new MagstripeCardReader({
    transport: link.host,
    mode: link.mode,
    statusTimeoutMs: 300,
    frameTimeoutMs: 200,
  });
  const events: Event[] = [];
  reader.on((event) => events.push(event));
  const made = { link, reader, sim, events };
  rigs.push(made);
  return made;
}

afterEach(async () => {
  for (const { reader, sim, link } of rigs.splice(0)) {
    sim.dispose();
    await reader.close();
    await link.close();
  }
});

const types = (events: Event[]) => events.map((e) => e.type).filter((t) => t !== 'statusChanged');

describe.each<LinkKind>(['memory', 'mockSerial', 'hid', 'pty'])('card reader over %s', (kind) => {
  it('opens online with no card, then reads an inserted KPJ card of a seeded participant', async () => {
    const { reader, sim, events } = await rig(kind);
    expect(await reader.open()).toEqual({ code: 'success', value: undefined });
    expect(reader.status()).toMatchObject({ device: 'online', media: 'noMedia' });
    expect(reader.capabilities().mode).toBe(kind === 'hid' ? 'hid' : 'serial');

    const read = reader.readCard(2000);
    await sim.insert(PARTICIPANT_CARDS.active);
    const result = await read;
    expect(result).toEqual({
      code: 'success',
      value: {
        kind: 'kpj',
        tracksRead: [1, 2],
        maskedKpj: '*******' + FIXTURES.active.kpj.slice(-4),
        expiry: '4912',
        cardholderName: expect.stringContaining('/'),
      },
    });
    expect(reader.status().media).toBe('present');
    expect(reader.takeCardData()).toMatchObject({ kind: 'kpj', kpj: FIXTURES.active.kpj });
    expect(reader.takeCardData()).toBeUndefined();

    const removed = nextEvent(reader, (e) => e.type === 'mediaRemoved');
    await sim.remove();
    await removed;
    expect(types(events)).toEqual(['mediaInserted', 'cardRead', 'mediaRemoved']);
  });

  it('reads a bank card: masked summary out, PAN and track 2 only through takeCardData', async () => {
    const { reader, sim } = await rig(kind);
    await reader.open();
    const read = reader.readCard(2000);
    await sim.swipe(TEST_CARDS.visa);
    const result = await read;
    expect(result.code === 'success' && result.value).toMatchObject({
      kind: 'bank',
      maskedPan: '4761********0010',
      expiry: '2812',
      cardholderName: 'WIBOWO/SITI',
    });
    const data = reader.takeCardData();
    expect(data).toMatchObject({ kind: 'bank', pan: TEST_PANS.visa });
    expect(data?.kind === 'bank' && data.track2.startsWith(`${TEST_PANS.visa}=2812201`)).toBe(true);
  });

  it.each([
    ['corrupted LRC', TEST_CARDS.corruptedLrc, /LRC/],
    ['Luhn failure', TEST_CARDS.luhnFailure, /Luhn/],
    ['unreadable stripe', TEST_CARDS.unreadable, /could not be decoded/],
    ['blank stripe', TEST_CARDS.blank, /no readable track/],
  ])('reports %s as invalid media', async (_label, card, reason) => {
    const { reader, sim } = await rig(kind);
    await reader.open();
    const read = reader.readCard(2000);
    const invalid = nextEvent(reader, (e) => e.type === 'invalidMedia');
    await sim.insert(card);
    const result = await read;
    expect(result.code).toBe('invalidData');
    expect(await invalid).toMatchObject({
      type: 'invalidMedia',
      reason: expect.stringMatching(reason),
    });
    expect(reader.takeCardData()).toBeUndefined();
  });

  it('refuses to read while jammed and recovers when the jam is cleared', async () => {
    const { reader, sim } = await rig(kind);
    await reader.open();
    const pending = reader.readCard(2000);
    await sim.jam();
    expect((await pending).code).toBe('mediaJammed');
    expect(reader.status().media).toBe('jammed');
    expect((await reader.readCard(100)).code).toBe('mediaJammed');
    const cleared = nextEvent(
      reader,
      (e) => e.type === 'statusChanged' && e.status.media === 'noMedia',
    );
    await sim.clearJam();
    await cleared;
    const read = reader.readCard(2000);
    await sim.insert(TEST_CARDS.mastercard);
    expect((await read).code).toBe('success');
  });

  it('times out, can be canceled, and refuses a second concurrent read', async () => {
    const { reader } = await rig(kind);
    await reader.open();
    expect(await reader.readCard(50)).toMatchObject({ code: 'timeOut' });
    const read = reader.readCard(5000);
    expect((await reader.readCard(50)).code).toBe('deviceNotReady');
    reader.cancel();
    expect(await read).toMatchObject({ code: 'canceled' });
  });

  it('ignores garbage between frames and still reads', async () => {
    const { reader, sim } = await rig(kind);
    await reader.open();
    const read = reader.readCard(2000);
    await sim.sendGarbage(Uint8Array.of(0x00, 0xff, 0x41, 0x0d, 0x03, 0x7f));
    await sim.insert(TEST_CARDS.visaTrack2Only);
    const result = await read;
    expect(result.code === 'success' && result.value.tracksRead).toEqual([2]);
    expect(reader.ignoredBytes).toBeGreaterThan(0);
  });

  it('answers deviceNotReady when the reader stays silent', async () => {
    const { reader } = await rig(kind, { mute: true });
    expect(await reader.open()).toMatchObject({ code: 'deviceNotReady' });
    expect(reader.status()).toMatchObject({
      device: 'offline',
      lastError: { description: expect.any(String) },
    });
  });

  if (kind !== 'hid') {
    it('reads from a slow reader that sends a byte at a time', async () => {
      const { reader, sim } = await rig(kind, { byteDelayMs: 1 });
      await reader.open();
      const read = reader.readCard(5000);
      await sim.swipe(TEST_CARDS.visaTrack2Only);
      expect((await read).code).toBe('success');
    });

    it('turns a read cut off mid-frame into invalid media', async () => {
      const { reader, sim } = await rig(kind);
      await reader.open();
      const read = reader.readCard(2000);
      await sim.sendPartialCardData(TEST_CARDS.visa);
      expect(await read).toMatchObject({
        code: 'invalidData',
        errorDescription: expect.stringContaining('incomplete'),
      });
      const again = reader.readCard(2000);
      await sim.swipe(TEST_CARDS.visa);
      expect((await again).code).toBe('success');
    });
  }

  if (kind !== 'pty') {
    it('reports a pulled cable, then works again after replug and open', async () => {
      const { reader, sim, link } = await rig(kind);
      await reader.open();
      const read = reader.readCard(3000);
      const lost = nextEvent(reader, (e) => e.type === 'linkLost');
      await link.unplug();
      expect(await read).toMatchObject({ code: 'deviceNotReady' });
      await lost;
      expect(reader.status().device).toBe('offline');
      expect((await reader.readCard(100)).code).toBe('deviceNotReady');

      await link.replug();
      expect((await reader.open()).code).toBe('success');
      const again = reader.readCard(2000);
      await sim.insert(PARTICIPANT_CARDS.inactive);
      expect((await again).code).toBe('success');
      expect(reader.takeCardData()).toMatchObject({ kpj: FIXTURES.inactive.kpj });
    });
  }
});

describe('card reader data lifetime and noise', () => {
  it('wipes unclaimed card data after the TTL and on close', async () => {
    const link = await openTestLink('memory');
    const sim = new CardReaderSimulator(link.device, { mode: 'serial' });
    const reader = new MagstripeCardReader({ transport: link.host, cardDataTtlMs: 50 });
    rigs.push({ link, reader, sim, events: [] });
    await reader.open();
    // Virtual time for the TTL; the memory link still delivers on setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = nextEvent(reader, (e) => e.type === 'cardRead');
      await sim.swipe(TEST_CARDS.visa);
      await first;
      await vi.advanceTimersByTimeAsync(49);
      expect(reader.takeCardData()).toMatchObject({ kind: 'bank' }); // claimed just in time

      const unclaimed = nextEvent(reader, (e) => e.type === 'cardRead');
      await sim.swipe(TEST_CARDS.visa);
      await unclaimed;
      await vi.advanceTimersByTimeAsync(50);
      expect(reader.takeCardData()).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }

    const again = nextEvent(reader, (e) => e.type === 'cardRead');
    await sim.swipe(TEST_CARDS.visa);
    await again;
    await reader.close();
    expect(reader.takeCardData()).toBeUndefined();
    expect(reader.status().device).toBe('noDevice');
  });

  it('random bytes from a broken reader give only well-formed events, then a card still reads', async () => {
    const { reader, sim, events } = await rig('memory');
    await reader.open();
    const random = seededRandom(99);
    for (let i = 0; i < 400; i++) {
      const chunk = randomBytes(random, Math.floor(random() * 40));
      // Sprinkle frame bytes so the decoder sees many half-frames, not just noise.
      if (chunk.length > 2 && random() < 0.5) chunk[0] = 0x02;
      await sim.sendGarbage(chunk);
    }
    await sim.sendGarbage(Uint8Array.of(0x03));
    await sim.idle();
    // The memory link delivers each write on setImmediate, in order: one more setImmediate
    // queued now runs after the last noise has arrived.
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.some((e) => e.type === 'invalidMedia')).toBe(true);
    for (const event of events) {
      if (event.type === 'invalidMedia') expect(event.reason).toMatch(/^[\w :()'.,/-]+$/);
      expect([
        'statusChanged',
        'invalidMedia',
        'mediaInserted',
        'mediaRemoved',
        'cardRead',
      ]).toContain(event.type);
    }
    const read = reader.readCard(2000);
    await sim.swipe(TEST_CARDS.visa);
    expect((await read).code).toBe('success');
  });
});
