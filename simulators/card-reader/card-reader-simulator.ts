import {
  encodeCardDataFrame,
  encodeMediaFrame,
  STATUS_REQUEST,
} from '../../devices/card-reader/serial-framing';
import {
  encodeCardDataReport,
  encodeMediaReport,
  STATUS_REQUEST_REPORT_ID,
} from '../../devices/card-reader/hid-report';
import type { MediaState } from '../../devices/card-reader/raw-tracks';
import type { DeviceLink } from './device-link';
import { serialFields, TEST_CARDS, type TestCard } from './test-cards';

export interface CardReaderSimulatorOptions {
  mode: 'serial' | 'hid';
  /** Slow device: serial bytes go out one at a time with this pause between them. */
  byteDelayMs?: number;
  /** A reader that ignores status requests (fault injection). */
  mute?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A motorised-less insert (dip) reader: it senses the card, reads the stripe on insertion and
 * reports media state and tracks in its serial framing or HID reports (devices/card-reader).
 */
export class CardReaderSimulator {
  private media: MediaState = 'noMedia';
  private readonly byteDelayMs: number;
  mute: boolean;
  private readonly unsubscribe: () => void;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: DeviceLink,
    private readonly options: CardReaderSimulatorOptions,
  ) {
    this.byteDelayMs = options.byteDelayMs ?? 0;
    this.mute = options.mute ?? false;
    this.unsubscribe = link.onData((data) => this.hostSent(data));
  }

  get mediaState(): MediaState {
    return this.media;
  }

  /** Card goes in: media present, then the tracks read on the way in. */
  insert(card: TestCard): Promise<void> {
    this.media = 'present';
    return this.queue(async () => {
      await this.emit(this.mediaBytes('present'));
      await this.emit(this.cardBytes(card));
    });
  }

  /** Swipe-through: tracks only, no media state change. */
  swipe(card: TestCard): Promise<void> {
    return this.queue(() => this.emit(this.cardBytes(card)));
  }

  remove(): Promise<void> {
    this.media = 'noMedia';
    return this.queue(() => this.emit(this.mediaBytes('noMedia')));
  }

  jam(): Promise<void> {
    this.media = 'jammed';
    return this.queue(() => this.emit(this.mediaBytes('jammed')));
  }

  /** A technician pulls the stuck card out. */
  clearJam(): Promise<void> {
    return this.remove();
  }

  /** Something that is not a bank or KPJ card: the reader finds no decodable track. */
  insertInvalidMedia(): Promise<void> {
    return this.insert(TEST_CARDS.unreadable);
  }

  /** Line noise or a confused reader: raw bytes as they are. */
  sendGarbage(bytes: Uint8Array): Promise<void> {
    return this.queue(() => this.emit(bytes));
  }

  /** A reader that stops in the middle of a card-data frame (serial mode). */
  sendPartialCardData(card: TestCard): Promise<void> {
    const bytes = this.cardBytes(card);
    return this.queue(() => this.emit(bytes.subarray(0, Math.floor(bytes.length / 2))));
  }

  /** Resolves once everything queued has gone out. */
  idle(): Promise<void> {
    return this.sending;
  }

  dispose(): void {
    this.unsubscribe();
  }

  private hostSent(data: Uint8Array): void {
    if (this.mute) return;
    const asks =
      this.options.mode === 'hid'
        ? data[0] === STATUS_REQUEST_REPORT_ID
        : Buffer.from(data).includes(Buffer.from(STATUS_REQUEST));
    if (asks) void this.queue(() => this.emit(this.mediaBytes(this.media)));
  }

  private mediaBytes(media: MediaState): Uint8Array {
    return this.options.mode === 'hid' ? encodeMediaReport(media) : encodeMediaFrame(media);
  }

  private cardBytes(card: TestCard): Uint8Array {
    return this.options.mode === 'hid'
      ? encodeCardDataReport(card.tracks)
      : encodeCardDataFrame(serialFields(card.tracks));
  }

  private queue(job: () => Promise<void>): Promise<void> {
    const next = this.sending.then(job, job);
    this.sending = next.catch(() => undefined);
    return next;
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    if (this.byteDelayMs <= 0 || this.options.mode === 'hid') {
      await this.link.write(bytes);
      return;
    }
    for (const byte of bytes) {
      await this.link.write(Uint8Array.of(byte));
      await sleep(this.byteDelayMs);
    }
  }
}
