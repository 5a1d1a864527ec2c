/**
 * What an XFS4IoT CardReader service sends, checked before anything reads it (KAL SP-Dev
 * Framework/Core/CardReader: CardReaderSchemas_g.cs, Completions/ReadRawData_g.cs). Track data is
 * Base64 of the track's characters; readers send them without sentinels or LRC (as the KAL
 * sample SP does), which the kiosk's track parser wants, so they are put back here.
 */
import { z } from 'zod';
import type { MediaState, RawTracks, TrackRead } from '../../card-reader/raw-tracks';

/** CardReaderSchemas_g.cs CardDataStatusEnum; `ok` is XFS4IoT 2021's word for data read. */
const CARD_DATA_STATUSES = [
  'ok',
  'dataMissing',
  'dataInvalid',
  'dataTooLong',
  'dataTooShort',
  'dataSourceNotSupported',
  'dataSourceMissing',
] as const;

const BASE64 = /^([a-zA-Z0-9+/]{4})*([a-zA-Z0-9+/]{4}|[a-zA-Z0-9+/]{2}([a-zA-Z0-9+/]|=)=)?$/;

const CardDataNullable = z
  .object({
    status: z.enum(CARD_DATA_STATUSES).nullable().optional(),
    data: z.string().max(512).regex(BASE64, 'Base64').nullable().optional(),
  })
  .loose()
  .nullable()
  .optional();

export const ReadRawDataPayload = z
  .object({
    errorCode: z.string().nullable().optional(),
    track1: CardDataNullable,
    track2: CardDataNullable,
    track3: CardDataNullable,
  })
  .loose();
type CardDataField = z.infer<typeof CardDataNullable>;

/** StatusClass.MediaEnum (CardReaderSchemas_g.cs). */
export const XFS_MEDIA_STATES = [
  'unknown',
  'present',
  'notPresent',
  'jammed',
  'entering',
  'latched',
] as const;
export type XfsMedia = (typeof XFS_MEDIA_STATES)[number];

/** The kiosk's media state: a card at the exit slot (`entering`) or latched is still there. */
export function kioskMedia(media: XfsMedia): MediaState | 'unknown' {
  switch (media) {
    case 'present':
    case 'entering':
    case 'latched':
      return 'present';
    case 'notPresent':
      return 'noMedia';
    case 'jammed':
      return 'jammed';
    default:
      return 'unknown';
  }
}

/** `cardReader.media` of a Common.Status or StatusChangedEvent payload, when it has one. */
export function mediaOf(payload: Record<string, unknown>): XfsMedia | undefined {
  const media = (payload.cardReader as { media?: unknown } | null | undefined)?.media;
  return XFS_MEDIA_STATES.includes(media as XfsMedia) ? (media as XfsMedia) : undefined;
}

function trackRead(field: CardDataField, sentinels: [string, string] | null): TrackRead {
  if (!field) return { status: 'absent' };
  const status = field.status ?? 'ok';
  if (field.data == null || field.data === '') {
    return status === 'dataInvalid' || status === 'dataTooLong' || status === 'dataTooShort'
      ? { status: 'error' }
      : { status: 'absent' };
  }
  if (status !== 'ok') return { status: 'error' };
  const text = Buffer.from(field.data, 'base64').toString('latin1');
  if (!sentinels || text.startsWith(sentinels[0])) return { status: 'ok', data: text };
  return { status: 'ok', data: `${sentinels[0]}${text}${sentinels[1]}` };
}

/** The tracks of a ReadRawData completion, framed as the track parser reads them. */
export function rawTracksOf(payload: z.infer<typeof ReadRawDataPayload>): RawTracks {
  return {
    track1: trackRead(payload.track1, ['%', '?']),
    track2: trackRead(payload.track2, [';', '?']),
    track3: trackRead(payload.track3, null),
  };
}

/** Common.Capabilities `cardReader.type`: readers that never hold the card have nothing to eject. */
export function holdsTheCard(capabilities: Record<string, unknown>): boolean {
  const type = (capabilities.cardReader as { type?: unknown } | null | undefined)?.type;
  return !['swipe', 'dip', 'contactless', 'intelligentContactless', 'permanent'].includes(
    type as string,
  );
}
