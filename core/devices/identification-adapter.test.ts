import { describe, expect, it } from 'vitest';
import type { CardData } from '../../devices/card-reader/card-data';
import type { CardReaderEvent } from '../../devices/card-reader/card-reader-types';
import type { ScannerEvent } from '../../devices/scanner/scanner-types';
import { Emitter, fakeBrain, fakeLogger, STEPS } from './fake-devices.test-helper';
import { wireIdentification } from './identification-adapter';

const KPJ = '17054312128';
const PAN = '4761739001010010';

/** The masked summary the driver puts in its event (identification reads the full data). */
const READ: CardReaderEvent = {
  type: 'cardRead',
  card: { kind: 'kpj', maskedKpj: '*******2128', tracksRead: [1, 2], expiry: '2812' },
};
const SCANNED: ScannerEvent = {
  type: 'scanned',
  scan: { maskedKpj: '*******2128', source: 'plain', symbology: 'code128' },
};

function reader(data: CardData | undefined) {
  const events = new Emitter<CardReaderEvent>();
  let stored = data;
  let given = 0;
  return {
    /** Cards the adapter gave back at once (the ATM profile's reader holds every card it reads). */
    get givenBack() {
      return given;
    },
    returnCard: async () => {
      given += 1;
      return { code: 'success' as const, value: 'taken' as const };
    },
    on: events.on.bind(events),
    read: (next: CardData) => {
      stored = next;
      events.emit(READ);
    },
    takeCardData: () => {
      const taken = stored;
      stored = undefined;
      return taken;
    },
    get left() {
      return stored;
    },
  };
}

function scanner() {
  const events = new Emitter<ScannerEvent>();
  let stored: string | undefined;
  return {
    on: events.on.bind(events),
    scan: (kpj: string) => {
      stored = kpj;
      events.emit(SCANNED);
    },
    takeKpj: () => {
      const taken = stored;
      stored = undefined;
      return taken;
    },
  };
}

describe('identification from card reader and scanner', () => {
  it('a KPJ card on attract or enterKpj becomes kpjCaptured with method card', () => {
    const brain = fakeBrain(STEPS.start);
    const card = reader(undefined);
    wireIdentification(brain, { cardReader: card }, fakeLogger());
    card.read({ kind: 'kpj', kpj: KPJ });
    brain.show(STEPS.identifying);
    card.read({ kind: 'kpj', kpj: KPJ });
    expect(brain.events).toEqual([
      { type: 'kpjCaptured', kpj: KPJ, method: 'card' },
      { type: 'kpjCaptured', kpj: KPJ, method: 'card' },
    ]);
  });

  it('a bank card is not taken for a KPJ: the person is told, the log carries no PAN, nothing is left behind', () => {
    const brain = fakeBrain(STEPS.start);
    const card = reader(undefined);
    const logger = fakeLogger();
    wireIdentification(brain, { cardReader: card }, logger);
    card.read({ kind: 'bank', pan: PAN, track2: `${PAN}=2812201` });
    expect(brain.events).toEqual([{ type: 'identificationRejected', reason: 'cardNotKpj' }]);
    expect(JSON.stringify(brain.events)).not.toContain(PAN.slice(-4));
    expect(card.left).toBeUndefined();
    expect(logger.lines.join('\n')).toContain('bank card');
    expect(logger.lines.join('\n')).not.toContain(PAN.slice(4, 12));
  });

  it('reads on other screens are taken and dropped', () => {
    const brain = fakeBrain(STEPS.keys);
    const card = reader(undefined);
    const scan = scanner();
    const logger = fakeLogger();
    wireIdentification(brain, { cardReader: card, scanner: scan }, logger);
    card.read({ kind: 'kpj', kpj: KPJ });
    scan.scan(KPJ);
    expect(brain.events).toEqual([]);
    expect(card.left).toBeUndefined();
    expect(logger.lines.join('\n')).not.toContain(KPJ);
  });

  it('a scanned KPJ becomes kpjCaptured with method scanner; unwiring stops it', () => {
    const brain = fakeBrain(STEPS.identifying);
    const scan = scanner();
    const unwire = wireIdentification(brain, { scanner: scan }, fakeLogger());
    scan.scan(KPJ);
    unwire();
    scan.scan(KPJ);
    expect(brain.events).toEqual([{ type: 'kpjCaptured', kpj: KPJ, method: 'scanner' }]);
  });

  it('a technician card (configured prefix) asks for the technician PIN with its last 4 digits only', () => {
    const brain = fakeBrain(STEPS.start);
    const card = reader(undefined);
    const logger = fakeLogger();
    const techPan = '9990000000012344';
    wireIdentification(brain, { cardReader: card }, logger, { technicianCardPrefix: '99900' });
    card.read({ kind: 'bank', pan: techPan, track2: `${techPan}=4912201` });
    card.read({ kind: 'bank', pan: PAN, track2: `${PAN}=2812201` });
    expect(brain.events).toEqual([
      { type: 'technicianCard', cardTail: '2344' },
      { type: 'identificationRejected', reason: 'cardNotKpj' },
    ]);
    expect(logger.lines.join('\n')).not.toContain(techPan.slice(0, 12));

    const without = fakeBrain(STEPS.start);
    wireIdentification(without, { cardReader: card }, fakeLogger(), {});
    card.read({ kind: 'bank', pan: techPan, track2: `${techPan}=4912201` });
    expect(without.events).toEqual([]);
  });

  it('an unreadable or corrupted stripe, or a scan that is no KPJ, is said while identifying only', () => {
    const brain = fakeBrain(STEPS.identifying);
    const cardEvents = new Emitter<CardReaderEvent>();
    const scanEvents = new Emitter<ScannerEvent>();
    wireIdentification(
      brain,
      {
        cardReader: {
          on: cardEvents.on.bind(cardEvents),
          takeCardData: () => undefined,
          returnCard: async () => ({ code: 'success' as const, value: 'notHeld' as const }),
        },
        scanner: { on: scanEvents.on.bind(scanEvents), takeKpj: () => undefined },
      },
      fakeLogger(),
    );
    cardEvents.emit({ type: 'invalidMedia', reason: 'no track read' });
    scanEvents.emit({ type: 'invalidData', reason: 'not a KPJ' });
    brain.show(STEPS.keys);
    cardEvents.emit({ type: 'invalidMedia', reason: 'no track read' });
    scanEvents.emit({ type: 'invalidData', reason: 'not a KPJ' });
    expect(brain.events).toEqual([
      { type: 'identificationRejected', reason: 'cardUnreadable' },
      { type: 'identificationRejected', reason: 'scanNotKpj' },
    ]);
  });

  describe('in the ATM profile (a bank card holder given)', () => {
    const holder = () => {
      const held: string[] = [];
      return {
        held,
        hold: (pan: string) => {
          held.push(pan);
          return { maskedPan: '************0010' };
        },
      };
    };

    it('a bank card is held and the brain gets only its masked reference', () => {
      const brain = fakeBrain();
      const logger = fakeLogger();
      const card = reader(undefined);
      const bankCards = holder();
      wireIdentification(brain, { cardReader: card }, logger, { bankCards });
      card.read({ kind: 'bank', pan: PAN, track2: `${PAN}=2812` });
      expect(bankCards.held).toEqual([PAN]);
      expect(brain.events).toEqual([{ type: 'bankCardInserted', maskedPan: '************0010' }]);
      expect(JSON.stringify(brain.events) + logger.lines.join('')).not.toContain(PAN);
      expect(card.left).toBeUndefined();
      // Held for the visit: the flow gives it back.
      expect(card.givenBack).toBe(0);
    });

    it('a KPJ card or a technician card at an ATM is given back at once, starting nothing', () => {
      const brain = fakeBrain();
      const card = reader(undefined);
      wireIdentification(brain, { cardReader: card }, fakeLogger(), {
        bankCards: holder(),
        technicianCardPrefix: '99900',
      });
      card.read({ kind: 'kpj', kpj: KPJ });
      expect(brain.events).toEqual([]);
      card.read({ kind: 'bank', pan: '9990000000000008', track2: '9990000000000008=4912' });
      expect(brain.events).toEqual([{ type: 'technicianCard', cardTail: '0008' }]);
      expect(card.givenBack).toBe(2);
    });

    it('a bank card while a session is on is taken from the driver and given back', () => {
      const brain = fakeBrain(STEPS.keys);
      const card = reader(undefined);
      const bankCards = holder();
      wireIdentification(brain, { cardReader: card }, fakeLogger(), { bankCards });
      card.read({ kind: 'bank', pan: PAN, track2: `${PAN}=2812` });
      expect(bankCards.held).toEqual([]);
      expect(brain.events).toEqual([]);
      expect(card.left).toBeUndefined();
      expect(card.givenBack).toBe(1);
    });
  });
});
