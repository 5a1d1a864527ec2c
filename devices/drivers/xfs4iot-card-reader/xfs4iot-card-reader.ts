import type { CardReader } from '../../card-reader';
import { interpretTracks, type CardData, type CardSummary } from '../../card-reader/card-data';
import type {
  CardDisposal,
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
  /**
   * Keep a read card in the reader until returnCard() or retainCard() (card before the balance,
   * retain on the bank's order); otherwise it is ejected right after the read.
   */
  holdCard?: boolean;
  /** A held card no order came for is given back after this time. */
  maxHoldMs?: number;
}

/**
 * `release`: the reader closed, the card stays where it is; `gone`: the card left the reader by
 * other means (another application on the ATM moved it), so there is nothing left to hold.
 */
type CardOrder = 'return' | 'retain' | 'release' | 'gone';

/** A card held after its read: the order the kiosk gives, and where the card ended. */
interface HeldCard {
  order(order: CardOrder): void;
  readonly ordered: Promise<CardOrder>;
  readonly disposed: Promise<Completion<CardDisposal>>;
  dispose(result: Completion<CardDisposal>): void;
}

function heldCard(): HeldCard {
  let order!: (order: CardOrder) => void;
  let dispose!: (result: Completion<CardDisposal>) => void;
  const ordered = new Promise<CardOrder>((resolve) => (order = resolve));
  const disposed = new Promise<Completion<CardDisposal>>((resolve) => (dispose = resolve));
  return { order, ordered, disposed, dispose };
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
  private readonly holdCard: boolean;
  private readonly maxHoldMs: number;
  private held: HeldCard | null = null;
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
    this.holdCard = options.holdCard ?? false;
    this.maxHoldMs = options.maxHoldMs ?? 600_000;
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
      holdsCard: this.holdCard && holdsTheCard(this.service.serviceCapabilities),
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

  returnCard(): Promise<Completion<CardDisposal>> {
    return this.orderHeld('return');
  }

  retainCard(): Promise<Completion<CardDisposal>> {
    return this.orderHeld('retain');
  }

  /** A second order for the same card gets the first order's outcome. */
  private orderHeld(order: 'return' | 'retain'): Promise<Completion<CardDisposal>> {
    if (!this.held) return Promise.resolve(success('notHeld' as const));
    this.held.order(order);
    return this.held.disposed;
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
      if (wellFormed === 'read' && this.capabilities().holdsCard) await this.hold(signal);
      else await this.giveBack(signal);
      // A service that garbles every read would otherwise be asked again at once, forever.
      if (wellFormed === 'malformed') await pause(this.retryMs, signal);
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

  /** `malformed` when the completion's payload is not in the XFS4IoT form. */
  private accept(payload: Record<string, unknown>): 'read' | 'unusable' | 'malformed' {
    const parsed = ReadRawDataPayload.safeParse(payload);
    if (!parsed.success) {
      this.note('CardReader.ReadRawData: track data not in the XFS4IoT form');
      this.invalid('the reader sent track data the kiosk cannot read');
      return 'malformed';
    }
    const result = interpretTracks(rawTracksOf(parsed.data));
    if (!result.ok) {
      this.invalid(result.reason);
      return 'unusable';
    }
    this.cardData.store(result.data);
    this.service.emit({ type: 'cardRead', card: result.summary });
    this.read.finish(success(result.summary));
    return 'read';
  }

  /**
   * Keeps the card in the transport until the kiosk orders it back or into the bin (or
   * `maxHoldMs` passes: then it is given back); the reader is armed again only after that.
   */
  private async hold(signal: AbortSignal): Promise<void> {
    const held = heldCard();
    this.held = held;
    const timer = setTimeout(() => held.order('return'), this.maxHoldMs);
    const closed = () => held.order('release');
    signal.addEventListener('abort', closed);
    const watch = new AbortController();
    void this.waitForMedia((media) => media === 'noMedia', watch.signal).then((gone) => {
      if (gone) held.order('gone');
    });
    const order = await held.ordered;
    clearTimeout(timer);
    watch.abort();
    signal.removeEventListener('abort', closed);
    let result: Completion<CardDisposal>;
    if (order === 'gone') result = success('notHeld' as const);
    else if (order === 'release' || signal.aborted)
      result = failure('canceled', 'the card reader closed with the card held');
    else if (order === 'retain') result = await this.retain('transport', 'ordered', signal);
    else result = await this.giveBack(signal);
    this.held = null;
    held.dispose(result);
  }

  private invalid(reason: string): void {
    if (!this.invalidReported) this.service.emit({ type: 'invalidMedia', reason });
    this.invalidReported = true;
    this.read.finish(failure('invalidData', `invalid card: ${reason}`));
  }

  /** Ejects the card and waits for it to be taken; retains it when it is not. */
  private async giveBack(signal: AbortSignal): Promise<Completion<CardDisposal>> {
    if (!holdsTheCard(this.service.serviceCapabilities)) return success('notHeld' as const);
    if (this.status().media === 'noMedia') return success('notHeld' as const);
    const ejected = await this.service.command(
      'CardReader.Move',
      { from: 'transport', to: 'exit' },
      { timeoutMs: this.moveTimeoutMs },
    );
    if (signal.aborted) return failure('canceled', 'the card reader closed');
    if (ejected.completionCode !== 'success') return this.moveFailed('eject', ejected, 'notTaken');
    const taken = await this.waitForMedia(
      (media) => media === 'noMedia',
      signal,
      this.takeTimeoutMs,
    );
    if (taken) return success('taken' as const);
    if (signal.aborted) return failure('canceled', 'the card reader closed');
    return this.retain('exit', 'notTaken', signal);
  }

  private async retain(
    from: 'exit' | 'transport',
    reason: 'notTaken' | 'ordered',
    signal: AbortSignal,
  ): Promise<Completion<CardDisposal>> {
    this.retaining = true;
    try {
      const kept = await this.service.command(
        'CardReader.Move',
        { from, to: this.retainUnit },
        { timeoutMs: this.moveTimeoutMs },
      );
      if (signal.aborted) return failure('canceled', 'the card reader closed');
      if (kept.completionCode === 'success') return this.cardRetained(reason);
      return this.moveFailed('retain', kept, reason);
    } finally {
      this.retaining = false;
    }
  }

  private moveFailed(
    what: 'eject' | 'retain',
    outcome: CommandOutcome,
    reason: 'notTaken' | 'ordered',
  ): Completion<CardDisposal> {
    const errorCode = outcome.payload.errorCode;
    if (errorCode === 'noMedia') return success('notHeld' as const);
    if (errorCode === 'mediaRetained') return this.cardRetained(reason);
    if (errorCode === 'mediaJam') {
      this.setMedia('jammed');
      return failure('mediaJammed', 'card jammed in reader');
    }
    const failed = completionOf('CardReader.Move', outcome, () => undefined);
    if (failed.code === 'success') return success('notHeld' as const);
    const description = `card could not be ${what === 'eject' ? 'ejected' : 'retained'}: ${failed.errorDescription}`;
    this.note(description);
    return failure(failed.code, description);
  }

  private cardRetained(reason: 'notTaken' | 'ordered'): Completion<CardDisposal> {
    this.retained += 1;
    this.setMedia('notPresent');
    this.note(
      reason === 'ordered' ? "card retained: on the kiosk's order" : 'card retained: not taken',
    );
    this.service.emit({ type: 'cardRetained', reason });
    return success('retained' as const);
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
