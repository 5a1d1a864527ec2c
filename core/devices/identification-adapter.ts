import type { CardReader } from '../../devices/card-reader';
import type { Scanner } from '../../devices/scanner';
import type { AdapterLogger, BrainPort } from './brain-port';

/** The ATM profile's holder of the bank card read (core/devices/bank-card-desk.ts). */
export interface BankCardHolder {
  hold(pan: string): { maskedPan: string };
}

/** What identification uses of any card reader and scanner. */
export type IdentifyingReader = Pick<CardReader, 'on' | 'takeCardData' | 'returnCard'>;
export type IdentifyingScanner = Pick<Scanner, 'on' | 'takeKpj'>;

/**
 * Card reader and scanner reads that yield a KPJ become `kpjCaptured` for the brain while it
 * waits for identification (attract, enterKpj). Readers stay armed all the time: whatever is
 * read elsewhere is taken and dropped so no card data lingers in the driver. Bank cards are
 * not an identification method on this kiosk: while it waits for identification, a bank card,
 * an unreadable stripe or a scan that is not a KPJ becomes `identificationRejected` (the person
 * is told, never silence), logged without the data. A technician card (a card number with the
 * configured prefix) asks the brain for the technician PIN prompt instead. In the ATM profile
 * (`bankCards` given) a bank card identifies: it is held and the brain gets its masked reference.
 */
export function wireIdentification(
  brain: BrainPort,
  devices: { cardReader?: IdentifyingReader | null; scanner?: IdentifyingScanner | null },
  logger: AdapterLogger,
  options: { technicianCardPrefix?: string | null; bankCards?: BankCardHolder | null } = {},
): () => void {
  const prefix = options.technicianCardPrefix;
  const offs: Array<() => void> = [];
  // The step says so (its `identifying` tag): the start screen and the KPJ step.
  const identifying = () => brain.view().step.identifying;

  const reader = devices.cardReader;
  if (reader)
    offs.push(
      reader.on((event) => {
        if (event.type === 'invalidMedia') {
          logger.info({ device: 'cardReader' }, 'card unreadable');
          if (identifying())
            brain.dispatch({ type: 'identificationRejected', reason: 'cardUnreadable' });
          return;
        }
        if (event.type !== 'cardRead') return;
        const data = reader.takeCardData();
        if (!data) return;
        // At an ATM the reader holds every card it reads: one that starts no bank-card visit
        // is given back at once, or the reader would stay shut on it.
        const giveBack = () => {
          if (options.bankCards) void reader.returnCard();
        };
        if (data.kind === 'bank' && prefix && data.pan.startsWith(prefix)) {
          giveBack();
          // Only the last 4 digits leave here; the PIN prompt still guards technician mode.
          logger.info({ device: 'cardReader' }, 'technician card read');
          brain.dispatch({ type: 'technicianCard', cardTail: data.pan.slice(-4) });
          return;
        }
        if (data.kind === 'bank' && options.bankCards) {
          if (!identifying()) {
            logger.info(
              { device: 'cardReader', screen: brain.view().screen },
              'bank card given back: not now',
            );
            giveBack();
            return;
          }
          logger.info({ device: 'cardReader' }, 'bank card read: held for the card PIN');
          brain.dispatch({ type: 'bankCardInserted', ...options.bankCards.hold(data.pan) });
          return;
        }
        if (data.kind === 'bank') {
          logger.info({ device: 'cardReader' }, 'bank card read: not used for identification');
          if (identifying())
            brain.dispatch({ type: 'identificationRejected', reason: 'cardNotKpj' });
          return;
        }
        if (options.bankCards) {
          logger.info({ device: 'cardReader' }, 'KPJ card given back: an ATM takes bank cards');
          giveBack();
          return;
        }
        if (!identifying()) {
          logger.info({ device: 'cardReader', screen: brain.view().screen }, 'KPJ card ignored');
          return;
        }
        brain.dispatch({ type: 'kpjCaptured', kpj: data.kpj, method: 'card' });
      }),
    );

  const scanner = devices.scanner;
  if (scanner)
    offs.push(
      scanner.on((event) => {
        if (event.type === 'invalidData') {
          logger.info({ device: 'scanner' }, 'scan is not a KPJ');
          if (identifying())
            brain.dispatch({ type: 'identificationRejected', reason: 'scanNotKpj' });
          return;
        }
        if (event.type !== 'scanned') return;
        const kpj = scanner.takeKpj();
        if (!kpj) return;
        if (!identifying()) {
          logger.info({ device: 'scanner', screen: brain.view().screen }, 'scan ignored');
          return;
        }
        brain.dispatch({ type: 'kpjCaptured', kpj, method: 'scanner' });
      }),
    );

  return () => {
    for (const off of offs) off();
  };
}
