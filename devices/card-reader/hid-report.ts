import type {
  CardReaderCodec,
  CardReaderMessage,
  MediaState,
  RawTracks,
  TrackRead,
} from './raw-tracks';

/**
 * HID-data mode report layout of the card reader (input reports carry the report ID as their
 * first byte, as node-hid delivers numbered reports). Modelled on the MagTek-style fixed layout:
 *
 *   input 0x01 card data, 337 bytes:
 *     [0] 0x01  [1..3] decode status of track 1/2/3 (0 ok, 1 error, 2 blank)
 *     [4..6] length of track 1/2/3 (0..110)
 *     [7..116] track 1, [117..226] track 2, [227..336] track 3 (ASCII as read, zero padded)
 *   input 0x02 media state, 2 bytes: [0] 0x02 [1] 0 none, 1 present, 2 jammed
 *   output 0x03 status request, 1 byte: the reader answers with report 0x02
 */
export const CARD_DATA_REPORT_ID = 0x01;
export const MEDIA_REPORT_ID = 0x02;
export const STATUS_REQUEST_REPORT_ID = 0x03;
export const TRACK_FIELD_SIZE = 110;
export const CARD_DATA_REPORT_SIZE = 7 + 3 * TRACK_FIELD_SIZE;

const MEDIA: MediaState[] = ['noMedia', 'present', 'jammed'];

export function encodeMediaReport(media: MediaState): Uint8Array {
  return Uint8Array.of(MEDIA_REPORT_ID, MEDIA.indexOf(media));
}

export type HidTrackField =
  { status: 'ok'; data: string } | { status: 'error' } | { status: 'absent' };

export function encodeCardDataReport(
  tracks: [HidTrackField, HidTrackField, HidTrackField],
): Uint8Array {
  const report = new Uint8Array(CARD_DATA_REPORT_SIZE);
  report[0] = CARD_DATA_REPORT_ID;
  tracks.forEach((track, index) => {
    report[1 + index] = track.status === 'ok' ? 0 : track.status === 'error' ? 1 : 2;
    if (track.status !== 'ok') return;
    const bytes = Uint8Array.from(
      track.data.slice(0, TRACK_FIELD_SIZE),
      (c) => c.charCodeAt(0) & 0xff,
    );
    report[4 + index] = bytes.length;
    report.set(bytes, 7 + index * TRACK_FIELD_SIZE);
  });
  return report;
}

function decodeTrack(report: Uint8Array, index: number): TrackRead | string {
  const status = report[1 + index];
  const length = report[4 + index] ?? 0;
  if (status === 1) return { status: 'error' };
  if (status === 2) return { status: 'absent' };
  if (status !== 0) return 'unknown track status';
  if (length === 0) return { status: 'error' };
  if (length > TRACK_FIELD_SIZE) return 'track length out of range';
  const start = 7 + index * TRACK_FIELD_SIZE;
  const bytes = report.subarray(start, start + length);
  for (const byte of bytes)
    if (byte < 0x20 || byte > 0x7e) return 'control character inside track data';
  return { status: 'ok', data: String.fromCharCode(...bytes) };
}

export function parseCardReaderReport(report: Uint8Array): CardReaderMessage {
  const id = report[0];
  if (id === MEDIA_REPORT_ID) {
    const media = report.length >= 2 ? MEDIA[report[1] ?? 99] : undefined;
    return media
      ? { kind: 'media', media }
      : { kind: 'malformed', reason: 'bad media report', cardData: false };
  }
  if (id === CARD_DATA_REPORT_ID) {
    if (report.length < CARD_DATA_REPORT_SIZE)
      return { kind: 'malformed', reason: 'card data report too short', cardData: true };
    const decoded = [0, 1, 2].map((index) => decodeTrack(report, index));
    const [track1, track2, track3] = decoded;
    for (const track of decoded)
      if (typeof track === 'string') return { kind: 'malformed', reason: track, cardData: true };
    const tracks = { track1, track2, track3 } as RawTracks;
    return { kind: 'tracks', tracks };
  }
  return {
    kind: 'malformed',
    reason: report.length === 0 ? 'empty report' : 'unknown report id',
    cardData: false,
  };
}

/** One transport chunk is one HID report (see devices/transports/hid-transport.ts). */
export class HidCardReportDecoder implements CardReaderCodec {
  readonly mode = 'hid' as const;
  private ignored = 0;

  get ignoredBytes(): number {
    return this.ignored;
  }

  statusRequest(): Uint8Array {
    return Uint8Array.of(STATUS_REQUEST_REPORT_ID);
  }

  hasPartialCardData(): boolean {
    return false;
  }

  reset(): void {}

  push(chunk: Uint8Array): CardReaderMessage[] {
    const message = parseCardReaderReport(chunk);
    if (message.kind === 'malformed') this.ignored += chunk.length;
    return [message];
  }
}
