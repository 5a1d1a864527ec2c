import type { CardReader } from '../../card-reader';
import { interpretTracks, type CardData, type CardSummary } from '../../card-reader/card-data';
import type {
  CardReaderCapabilities,
  CardReaderEvent,
  CardReaderStatus,
} from '../../card-reader/card-reader-types';
import type { MediaState } from '../../card-reader/raw-tracks';
import {
  failure,
  success,
  type Completion,
  type Listener,
  type StatusChangedEvent,
} from '../../common/device';
import { errorNote } from '../../common/line-device';
import { ExpiringValue, PendingRead } from '../../common/pending-read';
import type { Transport } from '../../common/transport';
import type { CommandOutcome } from '../../xfs4iot/client';
import { ArmedLoop } from '../../xfs4iot/armed-loop';
import { pause } from '../../xfs4iot/pause';
import { completionOf, ServiceDevice } from '../../xfs4iot/service-device';
import {
  holdsTheCard,
  kioskMedia,
  mediaOf,
  rawTracksOf,
  ReadRawDataPayload,
  type XfsMedia,
} from './card-payloads';

export interface Xfs4IoTCardReaderOptions {
  transport: Transport;
  /** How long Common.Status may take. */
  answerTimeoutMs: number;
  /** How long an ejected card may wait at the exit before the reader retains it. */
  takeTimeoutMs?: number;
  /** The retain bin's storage unit (Move `to`, `^unit[0-9A-Za-z]+$`). */
  retainUnit?: string;
  /** The `header.timeout` of each armed ReadRawData; it is sent again when it runs out. */
  armTimeoutMs?: number;
  /** Wait before arming again after the service failed a read (offline, hardware error). */
  retryMs?: number;
  /** Card data not taken within this time is wiped. */
  cardDataTtlMs?: number;
}

type ReaderEvent = CardReaderEvent | StatusChangedEvent<CardReaderStatus>;

const READ_TRACKS = { track1: true, track2: true, track3: true } as const;

/** ReadRawData `errorCode`s after which the card is at the exit or inside, unusable. */
const UNUSABLE: Readonly<Record<string, string>> = {
  invalidMedia: 'no track found on the card',
  cardTooShort: 'card too short',
  cardTooLong: 'card too long',
};

/**
 * A card reader served over XFS4IoT (the CardReader interface). While open it keeps one
 * CardReader.ReadRawData outstanding, so the reader takes a card whenever one comes; a read's
 * masked summary goes into events, the numbers leave once through takeCardData(). A motorised
 * reader then ejects the card (CardReader.Move to `exit`) and retains it in `retainUnit` when it
 * is not taken within `takeTimeoutMs`.
 */
export class Xfs4IoTCardReader implements CardReader {
  readonly deviceClass = 'cardReader' as const;
  private readonly service: ServiceDevice<CardReaderStatus, CardReaderEvent>;
  private readonly read = new PendingRead<CardSummary>();
  private readonly cardData: ExpiringValue<CardData>;
  private readonly takeTimeoutMs: number;
  private readonly retainUnit: string;
  private readonly armTimeoutMs: number;
  private readonly retryMs: number;
  private readonly moveTimeoutMs: number;
  private readonly armed = new ArmedLoop((signal) => this.readRound(signal));
  private seenMedia: MediaState | 'unknown' = 'unknown';
  private xfsMedia: XfsMedia | 'unknown' = 'unknown';
  private invalidReported = false;
  private retaining = false;
  private retained = 0;
  private readonly mediaWatchers = new Set<() => void>();

  constructor(options: Xfs4IoTCardReaderOptions) {
    this.takeTimeoutMs = options.takeTimeoutMs ?? 30_000;
    this.retainUnit = options.retainUnit ?? 'unit1';
    this.armTimeoutMs = options.armTimeoutMs ?? 300_000;
    this.retryMs = options.retryMs ?? 1000;
    this.moveTimeoutMs = Math.max(5000, options.answerTimeoutMs);
    this.cardData = new ExpiringValue(options.cardDataTtlMs ?? 60_000);
    this.service = new ServiceDevice<CardReaderStatus, CardReaderEvent>({
      transport: options.transport,
      interfaceName: 'CardReader',
      initialStatus: { device: 'noDevice', media: 'unknown' },
      sameStatus: (a, b) =>
        a.device === b.device &&
        a.media === b.media &&
        a.lastError?.description === b.lastError?.description,
      classStatus: (payload, current) => {
        const media = mediaOf(payload);
        if (media === undefined) return current;
        this.xfsMedia = media;
        return { ...current, media: kioskMedia(media) };
      },
      onUnsolicited: (name) => {
        if (name === 'CardReader.MediaRemovedEvent') this.setMedia('notPresent');
      },
      onLinkLost: () => this.linkLost(),
      answerTimeoutMs: options.answerTimeoutMs,
    });
    this.service.on((event) => {
      if (event.type === 'statusChanged') this.mediaMoved(event.status.media);
    });
  }

  on(listener: Listener<ReaderEvent>): () => void {
    return this.service.on(listener);
  }

  status(): CardReaderStatus {
    return this.service.status();
  }

  capabilities(): CardReaderCapabilities {
    return {
      readTracks: ['track1', 'track2', 'track3'],
      mode: 'xfs4iot',
      transport: this.service.serviceUri,
      mediaSensor: true,
      // The reader checks each track's LRC; a track that fails comes as dataInvalid.
      lrcCheck: true,
      chip: false,
    };
  }

  /** The service's media word (`entering`, `latched`...), for technicians. */
  get serviceMedia(): string {
    return this.xfsMedia;
  }

  get serviceUri(): string {
    return this.service.serviceUri;
  }

  /** Cards kept by the reader because they were not taken, since the driver was created. */
  get retainedCards(): number {
    return this.retained;
  }

  get droppedMessages(): number {
    return this.service.droppedMessages;
  }

  async open(): Promise<Completion> {
    this.armed.stop();
    const opened = await this.service.open();
    if (opened.code === 'success') this.armed.start();
    return opened;
  }

  async close(): Promise<void> {
    this.armed.stop();
    this.read.finish(failure('canceled', 'card read canceled'));
    this.cardData.wipe();
    // Cancels the outstanding ReadRawData at the service (Common.Cancel).
    await this.service.close();
    this.seenMedia = 'unknown';
  }

  /** Ends the kiosk's wait; the reader stays armed for the next card. */
  cancel(): void {
    this.read.finish(failure('canceled', 'card read canceled'));
  }

  readCard(timeoutMs = 30_000): Promise<Completion<CardSummary>> {
    if (!this.service.transport.isOpen || !this.armed.running)
      return Promise.resolve(failure('deviceNotReady', 'card reader not connected'));
    if (this.status().media === 'jammed')
      return Promise.resolve(failure('mediaJammed', 'card jammed in reader'));
    return this.read.wait(
      timeoutMs,
      'another card read is in progress',
      'no card within the time limit',
    );
  }

  takeCardData(): CardData | undefined {
    return this.cardData.take();
  }

  private async readRound(signal: AbortSignal): Promise<void> {
    if (this.status().media === 'jammed') {
      await this.waitForMedia((media) => media !== 'jammed', signal);
      return;
    }
    this.invalidReported = false;
    const outcome = await this.service.command('CardReader.ReadRawData', READ_TRACKS, {
      timeoutMs: this.armTimeoutMs,
      onEvent: (name) => this.readEvent(name),
    });
    if (!signal.aborted) await this.afterRead(outcome, signal);
  }

  private readEvent(name: string): void {
    if (name === 'CardReader.MediaInsertedEvent') this.setMedia('present');
    if (name === 'CardReader.InvalidMediaEvent') {
      this.invalidReported = true;
      this.service.emit({ type: 'invalidMedia', reason: 'the reader found no readable track' });
    }
  }

  private async afterRead(outcome: CommandOutcome, signal: AbortSignal): Promise<void> {
    if (outcome.completionCode === 'success') {
      const wellFormed = this.accept(outcome.payload);
      await this.giveBack(signal);
      // A service that garbles every read would otherwise be asked again at once, forever.
      if (!wellFormed) await pause(this.retryMs, signal);
      return;
    }
    const errorCode = outcome.payload.errorCode;
    if (outcome.completionCode === 'commandErrorCode' && typeof errorCode === 'string') {
      if (errorCode === 'mediaJam') {
        this.setMedia('jammed');
        return;
      }
      // The card was pulled out before the read finished.
      if (errorCode === 'noMedia') return;
      const unusable = UNUSABLE[errorCode];
      if (unusable) {
        this.invalid(unusable);
        await this.giveBack(signal);
        return;
      }
    }
    if (outcome.completionCode === 'timeOut') return;
    const failed = completionOf('CardReader.ReadRawData', outcome, () => undefined, {
      mediaJam: 'mediaJammed',
    });
    if (failed.code !== 'success') {
      this.note(failed.errorDescription);
      this.read.finish(failure(failed.code, failed.errorDescription));
    }
    await pause(this.retryMs, signal);
  }

  /** False when the completion's payload is not in the XFS4IoT form. */
  private accept(payload: Record<string, unknown>): boolean {
    const parsed = ReadRawDataPayload.safeParse(payload);
    if (!parsed.success) {
      this.note('CardReader.ReadRawData: track data not in the XFS4IoT form');
      this.invalid('the reader sent track data the kiosk cannot read');
      return false;
    }
    const result = interpretTracks(rawTracksOf(parsed.data));
    if (!result.ok) {
      this.invalid(result.reason);
      return true;
    }
    this.cardData.store(result.data);
    this.service.emit({ type: 'cardRead', card: result.summary });
    this.read.finish(success(result.summary));
    return true;
  }

  private invalid(reason: string): void {
    if (!this.invalidReported) this.service.emit({ type: 'invalidMedia', reason });
    this.invalidReported = true;
    this.read.finish(failure('invalidData', `invalid card: ${reason}`));
  }

  /** Ejects the card and waits for it to be taken; retains it when it is not. */
  private async giveBack(signal: AbortSignal): Promise<void> {
    if (!holdsTheCard(this.service.serviceCapabilities)) return;
    if (this.status().media === 'noMedia') return;
    const ejected = await this.service.command(
      'CardReader.Move',
      { from: 'transport', to: 'exit' },
      { timeoutMs: this.moveTimeoutMs },
    );
    if (signal.aborted) return;
    if (ejected.completionCode !== 'success') {
      this.moveFailed('eject', ejected);
      return;
    }
    const taken = await this.waitForMedia(
      (media) => media === 'noMedia',
      signal,
      this.takeTimeoutMs,
    );
    if (taken || signal.aborted) return;
    this.retaining = true;
    try {
      const kept = await this.service.command(
        'CardReader.Move',
        { from: 'exit', to: this.retainUnit },
        { timeoutMs: this.moveTimeoutMs },
      );
      if (signal.aborted) return;
      if (kept.completionCode === 'success') this.cardRetained();
      else this.moveFailed('retain', kept);
    } finally {
      this.retaining = false;
    }
  }

  private moveFailed(what: 'eject' | 'retain', outcome: CommandOutcome): void {
    const errorCode = outcome.payload.errorCode;
    if (errorCode === 'noMedia') return;
    if (errorCode === 'mediaRetained') {
      this.cardRetained();
      return;
    }
    if (errorCode === 'mediaJam') {
      this.setMedia('jammed');
      return;
    }
    const failed = completionOf('CardReader.Move', outcome, () => undefined);
    if (failed.code !== 'success')
      this.note(
        `card could not be ${what === 'eject' ? 'ejected' : 'retained'}: ${failed.errorDescription}`,
      );
  }

  private cardRetained(): void {
    this.retained += 1;
    this.setMedia('notPresent');
    this.note('card retained: not taken');
  }

  private note(description: string): void {
    this.service.setStatus({ ...this.status(), lastError: errorNote(description) });
  }

  /** What the driver learnt of the media from an event: the status follows it. */
  private setMedia(media: XfsMedia): void {
    this.xfsMedia = media;
    this.service.setStatus({ ...this.status(), media: kioskMedia(media) });
  }

  private mediaMoved(next: CardReaderStatus['media']): void {
    const previous = this.seenMedia;
    if (next === previous) return;
    this.seenMedia = next;
    if (next === 'present') this.service.emit({ type: 'mediaInserted' });
    if (next === 'noMedia' && previous !== 'unknown' && !this.retaining)
      this.service.emit({ type: 'mediaRemoved' });
    if (next === 'jammed') this.read.finish(failure('mediaJammed', 'card jammed in reader'));
    for (const watcher of [...this.mediaWatchers]) watcher();
  }

  /** True once the media matches; false when `timeoutMs` passes or the signal ends the wait. */
  private waitForMedia(
    matches: (media: CardReaderStatus['media']) => boolean,
    signal: AbortSignal,
    timeoutMs?: number,
  ): Promise<boolean> {
    if (matches(this.status().media)) return Promise.resolve(true);
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (result: boolean) => {
        clearTimeout(timer);
        this.mediaWatchers.delete(watcher);
        signal.removeEventListener('abort', aborted);
        resolve(result);
      };
      const watcher = () => {
        if (matches(this.status().media)) done(true);
      };
      const aborted = () => done(false);
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => done(false), timeoutMs);
      this.mediaWatchers.add(watcher);
      signal.addEventListener('abort', aborted);
    });
  }

  private linkLost(): void {
    this.armed.stop();
    this.xfsMedia = 'unknown';
    this.service.setStatus({ ...this.status(), media: 'unknown' });
    this.read.finish(failure('deviceNotReady', 'card reader disconnected'));
  }
}
