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
}

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
export interface CardReaderLinkLostEvent {
  type: 'linkLost';
  reason: string;
}

export type CardReaderEvent =
  | MediaInsertedEvent
  | MediaRemovedEvent
  | InvalidMediaEvent
  | CardReadEvent
  | CardReaderLinkLostEvent;
