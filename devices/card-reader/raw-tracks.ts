/** What a reader reports per track: decoded characters, a decode error, or nothing there. */
export type TrackRead = { status: 'ok'; data: string } | { status: 'error' } | { status: 'absent' };

export interface RawTracks {
  track1: TrackRead;
  track2: TrackRead;
  track3: TrackRead;
}

export type MediaState = 'noMedia' | 'present' | 'jammed';

/** One decoded message from a card reader, whatever the framing it came in. */
export type CardReaderMessage =
  | { kind: 'media'; media: MediaState }
  | { kind: 'tracks'; tracks: RawTracks }
  /** Bytes that did not make a message. `cardData` when they were (part of) a card read. */
  | { kind: 'malformed'; reason: string; cardData: boolean };

/** Turns the reader's byte stream into messages; one per framing (serial, HID reports). */
export interface CardReaderCodec {
  readonly mode: 'serial' | 'hid';
  push(chunk: Uint8Array): CardReaderMessage[];
  /** True while a card-data frame has begun but not ended (a slow or stalled reader). */
  hasPartialCardData(): boolean;
  /** Drops a half-received frame. */
  reset(): void;
  /** The bytes that ask the reader for its media state. */
  statusRequest(): Uint8Array;
  /** Bytes outside any frame, for diagnostics. */
  readonly ignoredBytes: number;
}
