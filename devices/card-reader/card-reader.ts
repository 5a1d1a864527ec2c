import {
  failure,
  success,
  type Completion,
  type Listener,
  type StatusChangedEvent,
} from '../common/device';
import { errorNote, LineDevice } from '../common/line-device';
import { ExpiringValue, PendingRead } from '../common/pending-read';
import type { Transport } from '../common/transport';
import type { CardReader } from '.';
import { interpretTracks, type CardData, type CardSummary } from './card-data';
import type {
  CardDisposal,
  CardReaderCapabilities,
  CardReaderEvent,
  CardReaderStatus,
} from './card-reader-types';
import { HidCardReportDecoder } from './hid-report';
import type { CardReaderCodec, CardReaderMessage, MediaState } from './raw-tracks';
import { SerialCardFrameDecoder } from './serial-framing';

export interface CardReaderOptions {
  transport: Transport;
  /** `serial`: STX/ETX ASCII frames; `hid`: HID-data reports (one report per transport chunk). */
  mode?: 'serial' | 'hid';
  /** How long open() waits for the media-state answer. */
  statusTimeoutMs?: number;
  /** A card-data frame not finished within this time is dropped as a partial read. */
  frameTimeoutMs?: number;
  /** Card data not taken within this time is wiped. */
  cardDataTtlMs?: number;
}

type ReaderEvent = CardReaderEvent | StatusChangedEvent<CardReaderStatus>;

/**
 * Magstripe card reader (ISO 7813 tracks 1-2, track 3 passed over) on any Transport. Events and
 * completions carry only a masked summary; the PAN / KPJ and track 2 leave through
 * `takeCardData()`, once.
 */
export class MagstripeCardReader implements CardReader {
  readonly deviceClass = 'cardReader' as const;
  private readonly transport: Transport;
  private readonly codec: CardReaderCodec;
  private readonly statusTimeoutMs: number;
  private readonly frameTimeoutMs: number;
  private readonly line: LineDevice<CardReaderStatus, CardReaderEvent>;
  private readonly read = new PendingRead<CardSummary>();
  private readonly cardData: ExpiringValue<CardData>;
  private frameTimer: ReturnType<typeof setTimeout> | undefined;
  private mediaWaiter: (() => void) | undefined;

  constructor(options: CardReaderOptions) {
    this.transport = options.transport;
    this.line = new LineDevice<CardReaderStatus, CardReaderEvent>({
      transport: this.transport,
      initialStatus: { device: 'noDevice', media: 'unknown' },
      sameStatus: (a, b) => a.device === b.device && a.media === b.media,
      onData: (chunk) => this.accept(chunk),
      onLinkLost: (reason) => this.linkLost(reason),
    });
    this.codec = options.mode === 'hid' ? new HidCardReportDecoder() : new SerialCardFrameDecoder();
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000;
    this.frameTimeoutMs = options.frameTimeoutMs ?? 1000;
    this.cardData = new ExpiringValue(options.cardDataTtlMs ?? 60_000);
  }

  on(listener: Listener<ReaderEvent>): () => void {
    return this.line.on(listener);
  }

  status(): CardReaderStatus {
    return this.line.status();
  }

  capabilities(): CardReaderCapabilities {
    return {
      readTracks: ['track1', 'track2', 'track3'],
      mode: this.codec.mode,
      transport: this.transport.description,
      mediaSensor: true,
      lrcCheck: true,
      chip: false,
      holdsCard: false,
    };
  }

  /** A swiped card never stays in the reader. */
  returnCard(): Promise<Completion<CardDisposal>> {
    return Promise.resolve(success('notHeld' as const));
  }

  retainCard(): Promise<Completion<CardDisposal>> {
    return Promise.resolve(success('notHeld' as const));
  }

  /** Bytes that were not part of any frame (line noise); for technicians. */
  get ignoredBytes(): number {
    return this.codec.ignoredBytes;
  }

  /**
   * Opens the link and asks for the media state. `deviceNotReady` when the link cannot be
   * opened or the reader does not answer; the link then stays open and the reader counts as
   * online as soon as it sends anything sensible.
   */
  async open(): Promise<Completion> {
    this.codec.reset();
    this.line.listen();
    const opened = await this.line.openTransport({ device: 'offline', media: 'unknown' });
    if (opened.code !== 'success') return opened;
    const answered = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.statusTimeoutMs);
      this.mediaWaiter = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    try {
      await this.transport.write(this.codec.statusRequest());
    } catch {
      // Reported below as no answer.
    }
    const ok = await answered;
    this.mediaWaiter = undefined;
    if (!ok) {
      this.line.setStatus({
        device: 'offline',
        media: 'unknown',
        lastError: errorNote('no answer to status request'),
      });
      return failure('deviceNotReady', 'card reader did not answer the status request');
    }
    return success(undefined);
  }

  async close(): Promise<void> {
    this.cancel();
    this.cardData.wipe();
    this.clearFrameTimer();
    await this.line.close({ device: 'noDevice', media: 'unknown' });
  }

  cancel(): void {
    this.read.finish(failure('canceled', 'card read canceled'));
  }

  /** Waits for the next card. The summary is masked; call takeCardData() for the numbers. */
  readCard(timeoutMs = 30_000): Promise<Completion<CardSummary>> {
    if (!this.transport.isOpen)
      return Promise.resolve(failure('deviceNotReady', 'card reader not connected'));
    if (this.line.status().media === 'jammed')
      return Promise.resolve(failure('mediaJammed', 'card jammed in reader'));
    return this.read.wait(
      timeoutMs,
      'another card read is in progress',
      'no card within the time limit',
    );
  }

  /**
   * The PAN and track 2 (bank card) or the KPJ (KPJ card) of the last good read, for the one
   * component that needs them (PIN block, host request, session). Cleared by this call.
   */
  takeCardData(): CardData | undefined {
    return this.cardData.take();
  }

  private accept(chunk: Uint8Array): void {
    let messages: CardReaderMessage[];
    try {
      messages = this.codec.push(chunk);
    } catch {
      // The codecs do not throw; this is a last line so no byte sequence can crash the kiosk.
      this.codec.reset();
      messages = [{ kind: 'malformed', reason: 'undecodable data', cardData: false }];
    }
    for (const message of messages) this.handle(message);
    this.clearFrameTimer();
    if (this.codec.hasPartialCardData()) {
      this.frameTimer = setTimeout(() => {
        this.codec.reset();
        this.handle({
          kind: 'malformed',
          reason: 'card data incomplete (reader stopped mid-read)',
          cardData: true,
        });
      }, this.frameTimeoutMs);
    }
  }

  private handle(message: CardReaderMessage): void {
    if (message.kind === 'media') {
      this.mediaWaiter?.();
      this.updateMedia(message.media);
      return;
    }
    if (message.kind === 'malformed') {
      if (message.cardData) this.invalid(message.reason);
      return;
    }
    const current = this.line.status();
    if (current.device !== 'online') this.line.setStatus({ ...current, device: 'online' });
    const result = interpretTracks(message.tracks);
    if (!result.ok) {
      this.invalid(result.reason);
      return;
    }
    this.cardData.store(result.data);
    this.line.emit({ type: 'cardRead', card: result.summary });
    this.read.finish(success(result.summary));
  }

  private invalid(reason: string): void {
    this.line.emit({ type: 'invalidMedia', reason });
    this.read.finish(failure('invalidData', `invalid card: ${reason}`));
  }

  private updateMedia(media: MediaState): void {
    const current = this.line.status();
    const previous = current.media;
    this.line.setStatus({ ...current, device: 'online', media });
    if (media === previous) return;
    if (media === 'present') this.line.emit({ type: 'mediaInserted' });
    if (media === 'noMedia' && previous !== 'unknown') this.line.emit({ type: 'mediaRemoved' });
    if (media === 'jammed') this.read.finish(failure('mediaJammed', 'card jammed in reader'));
  }

  private linkLost(reason: string): void {
    this.codec.reset();
    this.clearFrameTimer();
    this.line.reportLinkLost(reason, { device: 'offline', media: 'unknown' });
    this.read.finish(failure('deviceNotReady', 'card reader disconnected'));
  }

  private clearFrameTimer(): void {
    if (this.frameTimer) clearTimeout(this.frameTimer);
    this.frameTimer = undefined;
  }
}
