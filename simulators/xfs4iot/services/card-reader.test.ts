import { describe, expect, it } from 'vitest';
import type { CardReaderEvent, CardReaderStatus } from '../../../devices/card-reader';
import type { StatusChangedEvent } from '../../../devices/common/device';
import { xfs4iotCardReaderDriver } from '../../../devices/drivers/xfs4iot-card-reader';
import type { Xfs4IoTCardReader } from '../../../devices/drivers/xfs4iot-card-reader/xfs4iot-card-reader';
import { kpjCard, TEST_CARDS, TEST_PANS } from '../../card-reader/test-cards';
import type { SimulatedPublisher } from '../publisher';
import { createCardReaderService } from './card-reader-service';
import { driverOnService } from './driver-on-service.test-helper';

type Event = CardReaderEvent | StatusChangedEvent<CardReaderStatus>;
const NAME = 'CardReader1';
const KPJ = '12345678901';

describe('the XFS4IoT card reader driver against the simulated CardReader service', () => {
  const open = driverOnService(xfs4iotCardReaderDriver);
  let publisher: SimulatedPublisher | undefined;

  const readsSent = () =>
    publisher!.received.filter(
      (entry) => entry.service === NAME && entry.text.includes('"CardReader.ReadRawData"'),
    ).length;

  async function start(
    fields: { takeTimeoutMs?: number; holdCard?: boolean } = {},
    sim = createCardReaderService({ name: NAME }),
  ) {
    const opened = await open(sim.service, fields);
    publisher = opened.publisher;
    const reader = opened.device as Xfs4IoTCardReader;
    const events: Event[] = [];
    reader.on((event) => events.push(event));
    expect((await reader.open()).code).toBe('success');
    // The reader is armed: its ReadRawData waits at the service.
    await expect.poll(readsSent).toBe(1);
    return { sim, events, reader, types: () => events.map((event) => event.type) };
  }

  it('reads a KPJ card: a masked summary in the event, the KPJ once, then the card comes back out', async () => {
    const { sim, events, reader, types } = await start();
    const read = reader.readCard(5000);
    await sim.control.insert(kpjCard(KPJ));
    const result = await read;
    expect(result).toMatchObject({
      code: 'success',
      value: { kind: 'kpj', maskedKpj: '*******8901', tracksRead: [1, 2] },
    });
    expect(events).toContainEqual({ type: 'mediaInserted' });
    expect(events.find((event) => event.type === 'cardRead')).toMatchObject({
      card: { kind: 'kpj', maskedKpj: '*******8901', cardholderName: 'SANTOSO/BUDI' },
    });
    expect(reader.takeCardData()).toMatchObject({ kind: 'kpj', kpj: KPJ });
    expect(reader.takeCardData()).toBeUndefined();
    // Ejected to the exit; taking it is reported, and the reader is armed for the next card.
    await expect.poll(() => sim.control.media()).toBe('entering');
    expect(reader.status().media).toBe('present');
    await sim.control.remove();
    await expect.poll(types).toContain('mediaRemoved');
    expect(reader.status().media).toBe('noMedia');
    await expect.poll(readsSent).toBe(2);
    expect(sim.control.retained()).toBe(0);
  });

  it('reads a bank card; no PAN or track data reaches an event, a status or an error', async () => {
    const { sim, events, reader } = await start();
    const read = reader.readCard(5000);
    await sim.control.insert(TEST_CARDS.visa);
    expect(await read).toMatchObject({
      code: 'success',
      value: { kind: 'bank', maskedPan: '4761********0010', expiry: '2812' },
    });
    const data = reader.takeCardData();
    expect(data).toMatchObject({ kind: 'bank', pan: TEST_PANS.visa });
    expect(data?.kind === 'bank' && data.track2.startsWith(`${TEST_PANS.visa}=2812`)).toBe(true);
    await sim.control.remove();
    await expect.poll(() => events.some((event) => event.type === 'mediaRemoved')).toBe(true);
    const seen = JSON.stringify([events, reader.status(), reader.capabilities(), await read, data]);
    expect(seen).not.toContain(TEST_PANS.visa);
    expect(seen).not.toContain('2812201');
    expect(seen).not.toContain(Buffer.from(TEST_PANS.visa).toString('base64').slice(0, 12));
  });

  it('an unreadable card is invalid media, without card data, and is given back', async () => {
    const { sim, events, reader, types } = await start();
    const read = reader.readCard(5000);
    await sim.control.invalidMedia();
    expect(await read).toMatchObject({ code: 'invalidData' });
    expect(events.filter((event) => event.type === 'invalidMedia')).toHaveLength(1);
    expect(types()).not.toContain('cardRead');
    expect(reader.takeCardData()).toBeUndefined();
    await expect.poll(() => sim.control.media()).toBe('entering');
  });

  it('a card whose track 2 fails the Luhn check is invalid media with the reason', async () => {
    const { sim, events, reader } = await start();
    const read = reader.readCard(5000);
    await sim.control.insert(TEST_CARDS.luhnFailure);
    expect(await read).toMatchObject({ code: 'invalidData' });
    expect(events).toContainEqual({
      type: 'invalidMedia',
      reason: 'account number fails the Luhn check',
    });
  });

  it('track data that is not Base64 is invalid media and a note for technicians, not a crash', async () => {
    const sim = createCardReaderService({ name: NAME });
    const garbled: typeof sim = {
      ...sim,
      service: {
        ...sim.service,
        commands: {
          ...sim.service.commands,
          'CardReader.ReadRawData': async () => ({
            completionCode: 'success',
            payload: { track2: { data: 'not base64 at all!' } },
          }),
        },
      },
    };
    const { reader, events } = await start({}, garbled);
    await expect
      .poll(() => events.find((event) => event.type === 'invalidMedia'))
      .toEqual({
        type: 'invalidMedia',
        reason: 'the reader sent track data the kiosk cannot read',
      });
    expect(reader.status()).toMatchObject({
      device: 'online',
      lastError: { description: 'CardReader.ReadRawData: track data not in the XFS4IoT form' },
    });
  });

  it('a jam fails the waiting read as mediaJammed and holds reads until it is cleared', async () => {
    const { sim, reader, types } = await start();
    const read = reader.readCard(5000);
    await sim.control.jam();
    expect(await read).toMatchObject({ code: 'mediaJammed' });
    expect(reader.status().media).toBe('jammed');
    expect(await reader.readCard(1000)).toMatchObject({ code: 'mediaJammed' });
    expect(xfs4iotCardReaderDriver.diagnostics.assess!(reader).problems).toEqual([
      'card jammed in the reader: clear it',
    ]);
    await sim.control.remove();
    await expect.poll(() => reader.status().media).toBe('noMedia');
    expect(types()).toContain('mediaRemoved');
    await expect.poll(readsSent).toBe(2);
  });

  it('retains a card not taken within takeTimeoutMs, counts it and says why', async () => {
    const { sim, reader, types } = await start({ takeTimeoutMs: 150 });
    const read = reader.readCard(5000);
    await sim.control.insert(kpjCard(KPJ));
    expect((await read).code).toBe('success');
    await expect.poll(() => reader.retainedCards).toBe(1);
    expect(sim.control.retained()).toBe(1);
    expect(sim.control.media()).toBe('notPresent');
    expect(reader.status()).toMatchObject({
      media: 'noMedia',
      lastError: { description: 'card retained: not taken' },
    });
    // A retained card was not taken by anyone: no mediaRemoved.
    expect(types()).not.toContain('mediaRemoved');
    expect(xfs4iotCardReaderDriver.diagnostics.detail!(reader)).toContain('1 retained');
    await expect.poll(readsSent).toBe(2);
  });

  it('a swiped card is read in passing: nothing to eject, nothing retained', async () => {
    const { sim, reader, types } = await start({ takeTimeoutMs: 150 });
    const read = reader.readCard(5000);
    await sim.control.swipe(kpjCard(KPJ));
    expect((await read).code).toBe('success');
    await expect.poll(types).toContain('mediaRemoved');
    await expect.poll(readsSent).toBe(2);
    expect(reader.retainedCards).toBe(0);
  });

  it('the service stopping is a lost link: the waiting read fails and linkLost is emitted', async () => {
    const { events, reader } = await start();
    const read = reader.readCard(5000);
    publisher!.setRunning(NAME, false);
    expect(await read).toMatchObject({ code: 'deviceNotReady' });
    await expect.poll(() => events.find((event) => event.type === 'linkLost')).toBeTruthy();
    expect(reader.status().device).toBe('offline');
    expect(await reader.readCard(1000)).toMatchObject({ code: 'deviceNotReady' });
  });

  it('close cancels the outstanding ReadRawData at the service', async () => {
    const { reader } = await start();
    await reader.close();
    expect(
      publisher!.received.some(
        (entry) => entry.service === NAME && entry.text.includes('"Common.Cancel"'),
      ),
    ).toBe(true);
    const completions = publisher!.sent.filter((entry) =>
      entry.text.includes('"completionCode":"canceled"'),
    );
    expect(completions.some((entry) => entry.text.includes('CardReader.ReadRawData'))).toBe(true);
  });
  describe('holding the card (holdCard)', () => {
    it('keeps the read card inside until returnCard, which resolves once the card is taken', async () => {
      const { sim, reader, types } = await start({ holdCard: true });
      expect(reader.capabilities().holdsCard).toBe(true);
      const read = reader.readCard(5000);
      await sim.control.insert(kpjCard(KPJ));
      expect((await read).code).toBe('success');
      // Held in the transport: no eject, and the reader is not armed for another card.
      await expect.poll(() => sim.control.media()).toBe('present');
      expect(readsSent()).toBe(1);
      const returned = reader.returnCard();
      await expect.poll(() => sim.control.media()).toBe('entering');
      await sim.control.remove();
      expect(await returned).toEqual({ code: 'success', value: 'taken' });
      expect(types()).toContain('mediaRemoved');
      await expect.poll(readsSent).toBe(2);
      // Nothing held any more.
      expect(await reader.returnCard()).toEqual({ code: 'success', value: 'notHeld' });
    });

    it('retainCard keeps the held card in the bin, says it was ordered, and arms again', async () => {
      const { sim, reader, events } = await start({ holdCard: true });
      const read = reader.readCard(5000);
      await sim.control.insert(kpjCard(KPJ));
      expect((await read).code).toBe('success');
      expect(await reader.retainCard()).toEqual({ code: 'success', value: 'retained' });
      expect(sim.control.retained()).toBe(1);
      expect(reader.retainedCards).toBe(1);
      expect(events).toContainEqual({ type: 'cardRetained', reason: 'ordered' });
      expect(reader.status().lastError?.description).toBe("card retained: on the kiosk's order");
      const moves = publisher!.received.filter(
        (entry) => entry.service === NAME && entry.text.includes('"CardReader.Move"'),
      );
      expect(moves.map((entry) => JSON.parse(entry.text).payload)).toEqual([
        { from: 'transport', to: 'unit1' },
      ]);
      await expect.poll(readsSent).toBe(2);
    });

    it('a returned card not taken in time is retained, and returnCard says so', async () => {
      const { sim, reader, events } = await start({ holdCard: true, takeTimeoutMs: 150 });
      const read = reader.readCard(5000);
      await sim.control.insert(kpjCard(KPJ));
      expect((await read).code).toBe('success');
      expect(await reader.returnCard()).toEqual({ code: 'success', value: 'retained' });
      expect(events).toContainEqual({ type: 'cardRetained', reason: 'notTaken' });
      expect(sim.control.retained()).toBe(1);
    });

    it('a held card that leaves by other means (the ATM application ejected it) frees the reader', async () => {
      const { sim, reader } = await start({ holdCard: true });
      const read = reader.readCard(5000);
      await sim.control.insert(kpjCard(KPJ));
      expect((await read).code).toBe('success');
      await expect.poll(() => sim.control.media()).toBe('present');
      expect(readsSent()).toBe(1);
      await sim.control.remove();
      // Armed again for the next card, with nothing left to give back.
      await expect.poll(readsSent).toBe(2);
      expect(await reader.returnCard()).toEqual({ code: 'success', value: 'notHeld' });
    });

    it('an unreadable card is given back at once even when holding', async () => {
      const { sim, reader } = await start({ holdCard: true });
      const read = reader.readCard(5000);
      await sim.control.invalidMedia();
      expect((await read).code).toBe('invalidData');
      await expect.poll(() => sim.control.media()).toBe('entering');
      expect(await reader.returnCard()).toEqual({ code: 'success', value: 'notHeld' });
    });

    it('close with a card held ends the wait for an order as canceled', async () => {
      const { sim, reader } = await start({ holdCard: true });
      const read = reader.readCard(5000);
      await sim.control.insert(kpjCard(KPJ));
      expect((await read).code).toBe('success');
      await expect.poll(() => sim.control.media()).toBe('present');
      const returned = reader.returnCard();
      await reader.close();
      expect(await returned).toMatchObject({ code: 'canceled' });
      // The card stays where it is: closing the reader is not an order to eject or retain.
      expect(sim.control.media()).toBe('present');
    });
  });

  it('without holdCard a reader reports it does not hold cards and has none to return', async () => {
    const { reader } = await start();
    expect(reader.capabilities().holdsCard).toBe(false);
    expect(await reader.retainCard()).toEqual({ code: 'success', value: 'notHeld' });
  });
});
