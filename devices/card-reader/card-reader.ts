import {
  failure,
  success,
  type Completion,
  type Device,
  type Listener,
  type StatusChangedEvent,
} from '../common/device';
import type { Transport } from '../common/transport';
import { ListenerSet } from '../transports/listener-set';
import { interpretTracks, type CardData, type CardSummary } from './card-data';
import type {
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

interface PendingRead {
  resolve(result: Completion<CardSummary>): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Magstripe card reader (ISO 7813 tracks 1-2, track 3 passed over) on any Transport. Events and
 * completions carry only a masked summary; the PAN / KPJ and track 2 leave through
 * `takeCardData()`, once.
 */
export class CardReader implements Device<
  CardReaderStatus,
  CardReaderCapabilities,
  CardReaderEvent
> {
  readonly deviceClass = 'cardReader' as const;
  private readonly transport: Transport;
  private readonly codec: CardReaderCodec;
  private readonly statusTimeoutMs: number;
  private readonly frameTimeoutMs: number;
  private readonly cardDataTtlMs: number;
  private readonly events = new ListenerSet<[ReaderEvent]>();
  private current: CardReaderStatus = { device: 'noDevice', media: 'unknown' };
  private pending: PendingRead | undefined;
  private cardData: CardData | undefined;
  private cardDataTimer: ReturnType<typeof setTimeout> | undefined;
  private frameTimer: ReturnType<typeof setTimeout> | undefined;
  private mediaWaiter: (() => void) | undefined;
  private unsubscribe: Array<() => void> = [];
  private closing = false;

  constructor(options: CardReaderOptions) {
    this.transport = options.transport;
    this.codec = options.mode === 'hid' ? new HidCardReportDecoder() : new SerialCardFrameDecoder();
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000;
    this.frameTimeoutMs = options.frameTimeoutMs ?? 1000;
    this.cardDataTtlMs = options.cardDataTtlMs ?? 60_000;
  }

  on(listener: Listener<ReaderEvent>): () => void {
    return this.events.add(listener);
  }

  status(): CardReaderStatus {
    return { ...this.current };
  }

  capabilities(): CardReaderCapabilities {
    return {
      readTracks: ['track1', 'track2', 'track3'],
      mode: this.codec.mode,
      transport: this.transport.description,
      mediaSensor: true,
      lrcCheck: true,
      chip: false,
    };
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
    this.closing = false;
    this.codec.reset();
    this.subscribe();
    if (!this.transport.isOpen) {
      try {
        await this.transport.open();
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'unknown error';
        this.setStatus({
          device: 'offline',
          media: 'unknown',
          lastError: this.note(`cannot open link: ${reason}`),
        });
        return failure('deviceNotReady', `cannot open ${this.transport.description}: ${reason}`);
      }
    }
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
      this.setStatus({
        device: 'offline',
        media: 'unknown',
        lastError: this.note('no answer to status request'),
      });
      return failure('deviceNotReady', 'card reader did not answer the status request');
    }
    return success(undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.cancel();
    this.wipeCardData();
    this.clearFrameTimer();
    for (const off of this.unsubscribe.splice(0)) off();
    try {
      await this.transport.close();
    } catch {
      // Already gone.
    }
    this.setStatus({ device: 'noDevice', media: 'unknown' });
  }

  cancel(): void {
    this.finish(failure('canceled', 'card read canceled'));
  }

  /** Waits for the next card. The summary is masked; call takeCardData() for the numbers. */
  readCard(timeoutMs = 30_000): Promise<Completion<CardSummary>> {
    if (!this.transport.isOpen)
      return Promise.resolve(failure('deviceNotReady', 'card reader not connected'));
    if (this.current.media === 'jammed')
      return Promise.resolve(failure('mediaJammed', 'card jammed in reader'));
    if (this.pending)
      return Promise.resolve(failure('deviceNotReady', 'another card read is in progress'));
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => this.finish(failure('timeOut', 'no card within the time limit')),
        timeoutMs,
      );
      this.pending = { resolve, timer };
    });
  }

  /**
   * The PAN and track 2 (bank card) or the KPJ (KPJ card) of the last good read, for the one
   * component that needs them (PIN block, host request, session). Cleared by this call.
   */
  takeCardData(): CardData | undefined {
    const data = this.cardData;
    this.wipeCardData();
    return data;
  }

  private finish(result: Completion<CardSummary>): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(result);
  }

  private subscribe(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.unsubscribe.push(
      this.transport.onData((chunk) => this.accept(chunk)),
      this.transport.onClose((error) => this.linkLost(error)),
    );
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
    if (this.current.device !== 'online') this.setStatus({ ...this.current, device: 'online' });
    const result = interpretTracks(message.tracks);
    if (!result.ok) {
      this.invalid(result.reason);
      return;
    }
    this.storeCardData(result.data);
    this.events.emit({ type: 'cardRead', card: result.summary });
    this.finish(success(result.summary));
  }

  private invalid(reason: string): void {
    this.events.emit({ type: 'invalidMedia', reason });
    this.finish(failure('invalidData', `invalid card: ${reason}`));
  }

  private updateMedia(media: MediaState): void {
    const previous = this.current.media;
    this.setStatus({ ...this.current, device: 'online', media });
    if (media === previous) return;
    if (media === 'present') this.events.emit({ type: 'mediaInserted' });
    if (media === 'noMedia' && previous !== 'unknown') this.events.emit({ type: 'mediaRemoved' });
    if (media === 'jammed') this.finish(failure('mediaJammed', 'card jammed in reader'));
  }

  private linkLost(error?: Error): void {
    if (this.closing) return;
    const reason = error?.message ?? 'link closed';
    this.codec.reset();
    this.clearFrameTimer();
    this.setStatus({
      device: 'offline',
      media: 'unknown',
      lastError: this.note(`link lost: ${reason}`),
    });
    this.events.emit({ type: 'linkLost', reason });
    this.finish(failure('deviceNotReady', 'card reader disconnected'));
  }

  private storeCardData(data: CardData): void {
    this.wipeCardData();
    this.cardData = data;
    this.cardDataTimer = setTimeout(() => this.wipeCardData(), this.cardDataTtlMs);
    this.cardDataTimer.unref?.();
  }

  private wipeCardData(): void {
    this.cardData = undefined;
    if (this.cardDataTimer) clearTimeout(this.cardDataTimer);
    this.cardDataTimer = undefined;
  }

  private clearFrameTimer(): void {
    if (this.frameTimer) clearTimeout(this.frameTimer);
    this.frameTimer = undefined;
  }

  private note(description: string): { description: string; at: string } {
    return { description, at: new Date().toISOString() };
  }

  private setStatus(next: CardReaderStatus): void {
    const previous = this.current;
    const merged = { ...next, lastError: next.lastError ?? previous.lastError };
    this.current = merged;
    if (previous.device === merged.device && previous.media === merged.media) return;
    this.events.emit({ type: 'statusChanged', status: this.status() });
  }
}
