import type { Completion, Device } from '../common/device';
import type { CardData, CardSummary } from './card-data';
import type {
  CardDisposal,
  CardReaderCapabilities,
  CardReaderEvent,
  CardReaderStatus,
} from './card-reader-types';

/**
 * The card reader device class (XFS4IoT CardReader-shaped): what the kiosk and kiosk-diag use of
 * any card reader driver. Reads stay armed; a read's full data is handed out once.
 */
export interface CardReader extends Device<
  CardReaderStatus,
  CardReaderCapabilities,
  CardReaderEvent
> {
  /** Waits for the next card read (or the one already read and not yet taken). */
  readCard(timeoutMs?: number): Promise<Completion<CardSummary>>;
  /** The last read's full data, once; later calls return undefined. */
  takeCardData(): CardData | undefined;
  /**
   * Gives a held card back and resolves once it is taken, or retained because it was not;
   * `notHeld` at once when the reader holds no card.
   */
  returnCard(): Promise<Completion<CardDisposal>>;
  /** Keeps a held card in the retain bin (e.g. the bank says PIN tries exceeded). */
  retainCard(): Promise<Completion<CardDisposal>>;
}

export { MagstripeCardReader, type CardReaderOptions } from './card-reader';
export * from './card-reader-types';
export { interpretTracks, maskPan, type CardData, type CardSummary } from './card-data';
export { parseTrack1, parseTrack2, type Track1, type Track2 } from './track-parser';
export { lrcCharacter } from './iso7811-lrc';
export { passesLuhn } from './luhn';
export * from './raw-tracks';
export * as serialFraming from './serial-framing';
export * as hidReport from './hid-report';
