import type { DeviceStatusBase } from '../common/device';
import type { CardSummary } from './card-data';
import type { MediaState } from './raw-tracks';

export interface CardReaderStatus extends DeviceStatusBase {
  media: MediaState | 'unknown';
}

export interface CardReaderCapabilities {
  readTracks: Array<'track1' | 'track2' | 'track3'>;
  /**
   * Serial ASCII frames or HID-data reports; `xfs4iot`: an XFS4IoT CardReader service.
   * Keyboard-wedge mode is not supported.
   */
  mode: 'serial' | 'hid' | 'xfs4iot';
  transport: string;
  /** The reader reports card inserted / removed / jammed. */
  mediaSensor: true;
  lrcCheck: true;
  chip: false;
  /**
   * The reader keeps a read card inside until `returnCard()` or `retainCard()` (a motorised
   * reader configured to hold it); otherwise the card is back with its owner after the read.
   */
  holdsCard: boolean;
}

/** Where a card ended: with its owner, in the retain bin, or it was never held. */
export type CardDisposal = 'taken' | 'retained' | 'notHeld';

export interface MediaInsertedEvent {
  type: 'mediaInserted';
}
export interface MediaRemovedEvent {
  type: 'mediaRemoved';
}
/** A card was read but is unusable. `reason` never contains card data. */
export interface InvalidMediaEvent {
  type: 'invalidMedia';
  reason: string;
}
/** Masked summary only; the full data comes from `takeCardData()`. */
export interface CardReadEvent {
  type: 'cardRead';
  card: CardSummary;
}
/** The reader kept the card: not taken in time, or on the kiosk's order. No card data. */
export interface CardRetainedEvent {
  type: 'cardRetained';
  reason: 'notTaken' | 'ordered';
}
export interface CardReaderLinkLostEvent {
  type: 'linkLost';
  reason: string;
}

export type CardReaderEvent =
  | MediaInsertedEvent
  | MediaRemovedEvent
  | InvalidMediaEvent
  | CardReadEvent
  | CardRetainedEvent
  | CardReaderLinkLostEvent;
