import type {
  CardReaderCodec,
  CardReaderMessage,
  MediaState,
  RawTracks,
  TrackRead,
} from './raw-tracks';

/**
 * Serial-mode framing of the kiosk's insert (dip) magstripe reader, in the style of serial
 * readers that wrap ASCII track data in STX/ETX (see docs/scanner-payloads.md):
 *
 *   reader -> host  STX 'M' state ETX                     media state: '0' none, '1' present, '2' jammed
 *   reader -> host  STX 'D' t1 CR t2 CR t3 CR ETX         card data, one CR-terminated field per track
 *   host -> reader  STX 'S' ETX                           "send your media state"
 *
 * A track field holds the characters as read (sentinels and LRC included), `E` when the reader
 * saw the track but could not decode it, or nothing when the track is blank. CR (0x0D) cannot
 * occur inside a track or an LRC (track characters are 0x20..0x5F), so it separates safely.
 */
export const STX = 0x02;
export const ETX = 0x03;
export const CR = 0x0d;
const MAX_FRAME = 512;

const MEDIA_CODES: Record<string, MediaState> = { '0': 'noMedia', '1': 'present', '2': 'jammed' };

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

export function encodeMediaFrame(media: MediaState): Uint8Array {
  const code = Object.entries(MEDIA_CODES).find(([, state]) => state === media)?.[0] ?? '0';
  return Uint8Array.of(STX, 0x4d, code.charCodeAt(0), ETX);
}

/** Track fields as the reader would send them: text, `E` for an unreadable track, '' for blank. */
export function encodeCardDataFrame(fields: [string, string, string]): Uint8Array {
  return Uint8Array.from([STX, 0x44, ...fields.flatMap((f) => [...ascii(f), CR]), ETX]);
}

export const STATUS_REQUEST = Uint8Array.of(STX, 0x53, ETX);

function trackField(field: string): TrackRead | undefined {
  if (field === '') return { status: 'absent' };
  if (field === 'E') return { status: 'error' };
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return undefined;
  }
  return { status: 'ok', data: field };
}

/** Parses the inside of one STX..ETX frame. */
export function parseFrameBody(body: Uint8Array): CardReaderMessage {
  const type = body[0];
  if (type === 0x4d) {
    const media = body.length === 2 ? MEDIA_CODES[String.fromCharCode(body[1] ?? 0)] : undefined;
    return media
      ? { kind: 'media', media }
      : { kind: 'malformed', reason: 'bad media-state frame', cardData: false };
  }
  if (type === 0x44) {
    const text = String.fromCharCode(...body.subarray(1));
    if (!text.endsWith('\r'))
      return { kind: 'malformed', reason: 'card data frame not CR-terminated', cardData: true };
    const fields = text.slice(0, -1).split('\r');
    if (fields.length !== 3)
      return {
        kind: 'malformed',
        reason: 'card data frame needs three track fields',
        cardData: true,
      };
    const reads = fields.map(trackField);
    const [track1, track2, track3] = reads;
    if (!track1 || !track2 || !track3)
      return { kind: 'malformed', reason: 'control character inside track data', cardData: true };
    const tracks: RawTracks = { track1, track2, track3 };
    return { kind: 'tracks', tracks };
  }
  return { kind: 'malformed', reason: 'unknown frame type', cardData: false };
}

export class SerialCardFrameDecoder implements CardReaderCodec {
  readonly mode = 'serial' as const;
  private frame: number[] | undefined;
  private ignored = 0;

  get ignoredBytes(): number {
    return this.ignored;
  }

  statusRequest(): Uint8Array {
    return STATUS_REQUEST.slice();
  }

  hasPartialCardData(): boolean {
    return this.frame !== undefined && (this.frame.length === 0 || this.frame[0] === 0x44);
  }

  reset(): void {
    this.frame = undefined;
  }

  push(chunk: Uint8Array): CardReaderMessage[] {
    const messages: CardReaderMessage[] = [];
    for (const byte of chunk) {
      if (byte === STX) {
        // A new frame while one is open: the reader restarted mid-frame; the old one is lost.
        if (this.frame !== undefined) messages.push(this.truncated());
        this.frame = [];
        continue;
      }
      if (this.frame === undefined) {
        this.ignored++;
        continue;
      }
      if (byte === ETX) {
        messages.push(parseFrameBody(Uint8Array.from(this.frame)));
        this.frame = undefined;
        continue;
      }
      this.frame.push(byte);
      if (this.frame.length > MAX_FRAME) {
        messages.push({
          kind: 'malformed',
          reason: 'frame too long',
          cardData: this.frame[0] === 0x44,
        });
        this.ignored += this.frame.length;
        this.frame = undefined;
      }
    }
    return messages;
  }

  private truncated(): CardReaderMessage {
    const cardData = this.hasPartialCardData();
    this.ignored += this.frame?.length ?? 0;
    this.frame = undefined;
    return { kind: 'malformed', reason: 'frame cut short', cardData };
  }
}
