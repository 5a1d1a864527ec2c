/**
 * A simulated XFS4IoT CardReader service: a motorised magnetic-stripe reader with a retain bin
 * (`unit1`), played by the panel and tests. It answers CardReader.ReadRawData and CardReader.Move
 * as KAL SP-Dev's Framework/Core/CardReader messages shape them: track data in Base64 without
 * sentinels or LRC, media in `cardReader.media`, MediaInsertedEvent / InvalidMediaEvent as the
 * read's events and MediaRemovedEvent unsolicited.
 */
import type { HidTrackField } from '../../../devices/card-reader/hid-report';
import type { EventName } from '../../../devices/xfs4iot/message-catalog';
import type { XfsMedia } from '../../../devices/drivers/xfs4iot-card-reader/card-payloads';
import { TEST_CARDS, type TestCard } from '../../card-reader/test-cards';
import type { CommandContext, CommandReply, SimulatedService } from '../simulated-service';

export interface CardReaderServiceControl {
  /** A card pushed into the slot: taken in by the armed read (or the next one). */
  insert(card: TestCard): Promise<void>;
  /** A card read in passing: in, read, and straight back out at once. */
  swipe(card: TestCard): Promise<void>;
  /** The card taken from the slot (or a jam cleared by hand). */
  remove(): Promise<void>;
  jam(): Promise<void>;
  /** A card whose stripe cannot be read. */
  invalidMedia(): Promise<void>;
  /** `cardReader.media` as the service reports it. */
  media(): string;
  /** Cards in the retain bin. */
  retained(): number;
}

export const RETAIN_UNIT = 'unit1';

interface WaitingRead {
  context: CommandContext;
  resolve(reply: CommandReply): void;
}

/** The characters between the sentinels, as an XFS4IoT reader hands a track over. */
function trackField(track: HidTrackField): Record<string, unknown> {
  if (track.status === 'absent') return { status: 'dataMissing' };
  if (track.status === 'error') return { status: 'dataInvalid' };
  const end = track.data.indexOf('?');
  const body = end > 0 ? track.data.slice(1, end) : track.data;
  return { data: Buffer.from(body, 'latin1').toString('base64') };
}

export function createCardReaderService(options: { name: string }): {
  service: SimulatedService;
  control: CardReaderServiceControl;
} {
  let media: XfsMedia = 'notPresent';
  let inside: TestCard | null = null;
  let atSlot: { card: TestCard; swipe: boolean } | null = null;
  let waiting: WaitingRead | null = null;
  let retainBin = 0;
  let unsolicited: ((name: EventName, payload: Record<string, unknown>) => void) | null = null;

  const setMedia = (next: XfsMedia) => {
    if (next === media) return;
    media = next;
    unsolicited?.('Common.StatusChangedEvent', { cardReader: { media } });
  };

  const cardGone = () => {
    inside = null;
    setMedia('notPresent');
    unsolicited?.('CardReader.MediaRemovedEvent', {});
  };

  /** The armed read takes the card in and completes with its tracks. */
  const readCard = (read: WaitingRead, card: TestCard, swipe: boolean) => {
    waiting = null;
    inside = card;
    read.context.event('CardReader.MediaInsertedEvent', {});
    setMedia('present');
    const [track1, track2, track3] = card.tracks;
    if (card.tracks.every((track) => track.status !== 'ok')) {
      read.context.event('CardReader.InvalidMediaEvent', {});
      read.resolve({
        completionCode: 'commandErrorCode',
        errorDescription: 'no track found',
        payload: { errorCode: 'invalidMedia' },
      });
    } else {
      read.resolve({
        completionCode: 'success',
        payload: {
          track1: trackField(track1),
          track2: trackField(track2),
          track3: trackField(track3),
        },
      });
    }
    // A swiped card leaves the reader right after its read (after the completion is sent).
    if (swipe) setTimeout(cardGone, 0);
  };

  const offer = (card: TestCard, swipe: boolean) => {
    if (media === 'jammed') throw new Error('the card reader is jammed');
    if (inside || atSlot) throw new Error('a card is already in the reader');
    if (waiting) readCard(waiting, card, swipe);
    else atSlot = { card, swipe };
  };

  const service: SimulatedService = {
    name: options.name,
    interfaces: ['CardReader'],
    status: () => ({ cardReader: { media } }),
    deviceState: () => 'online',
    capabilities: () => ({
      cardReader: {
        type: 'motor',
        readTracks: { track1: true, track2: true, track3: true },
        positions: { exit: true, transport: true },
        cardTakenSensor: true,
      },
    }),
    attach(send) {
      unsolicited = send;
      return () => {
        unsolicited = null;
      };
    },
    commands: {
      'CardReader.ReadRawData': (_payload, context) =>
        new Promise<CommandReply>((resolve) => {
          if (media === 'jammed') {
            resolve({ completionCode: 'commandErrorCode', payload: { errorCode: 'mediaJam' } });
            return;
          }
          const read: WaitingRead = { context, resolve };
          if (inside) {
            // A card still in the transport is read where it is.
            const card = inside;
            inside = null;
            readCard(read, card, false);
            return;
          }
          context.event('CardReader.InsertCardEvent', {});
          waiting = read;
          context.signal.addEventListener('abort', () => {
            if (waiting === read) waiting = null;
            resolve({ completionCode: context.abortCode() });
          });
          if (atSlot) {
            const { card, swipe } = atSlot;
            atSlot = null;
            readCard(read, card, swipe);
          }
        }),
      'CardReader.Move': async (payload) => {
        const to = typeof payload.to === 'string' ? payload.to : 'exit';
        if (media === 'jammed')
          return { completionCode: 'commandErrorCode', payload: { errorCode: 'mediaJam' } };
        if (!inside)
          return { completionCode: 'commandErrorCode', payload: { errorCode: 'noMedia' } };
        if (to === 'exit') {
          setMedia('entering');
          return { completionCode: 'success' };
        }
        if (to === 'transport') {
          setMedia('present');
          return { completionCode: 'success' };
        }
        if (to !== RETAIN_UNIT)
          return {
            completionCode: 'invalidData',
            errorDescription: `no storage unit ${to.slice(0, 16)}`,
          };
        retainBin += 1;
        inside = null;
        setMedia('notPresent');
        return { completionCode: 'success' };
      },
    },
  };

  const control: CardReaderServiceControl = {
    insert: async (card) => offer(card, false),
    swipe: async (card) => offer(card, true),
    invalidMedia: async () => offer(TEST_CARDS.unreadable, false),
    remove: async () => {
      if (atSlot) {
        atSlot = null;
        return;
      }
      if (inside || media !== 'notPresent') cardGone();
    },
    jam: async () => {
      setMedia('jammed');
      const read = waiting;
      waiting = null;
      read?.resolve({
        completionCode: 'commandErrorCode',
        errorDescription: 'card jammed',
        payload: { errorCode: 'mediaJam' },
      });
    },
    media: () => media,
    retained: () => retainBin,
  };
  return { service, control };
}
