import type { CardReaderEvent, CardReaderStatus } from '../devices/card-reader/card-reader-types';
import type { StatusChangedEvent } from '../devices/common/device';
import type { PinPadEvent, PinPadStatus } from '../devices/pinpad/pinpad';
import type { ReceiptPrinterEvent, ReceiptPrinterStatus } from '../devices/printer/printer-types';
import type { ScannerEvent, ScannerStatus } from '../devices/scanner/scanner-types';

type AnyStatus = CardReaderStatus | PinPadStatus | ReceiptPrinterStatus | ScannerStatus;
export type WatchedEvent =
  | CardReaderEvent
  | PinPadEvent
  | ReceiptPrinterEvent
  | ScannerEvent
  | StatusChangedEvent<AnyStatus>;

/** What watch prints for one event: a short text and a JSON-safe record. */
export interface EventLine {
  text: string;
  record: Record<string, unknown>;
}

/**
 * Builds the printed form field by field from an allow-list, never by spreading the event, so
 * nothing a driver adds later (a cardholder name, an expiry) reaches the screen unreviewed.
 * Card reads show the driver's masked number only; PIN keys show the digit count, never a digit.
 */
export function describeEvent(event: WatchedEvent): EventLine {
  switch (event.type) {
    case 'statusChanged': {
      const fields = statusFields(event.status);
      return {
        text: `status ${Object.entries(fields)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
        record: { type: 'statusChanged', status: fields },
      };
    }
    case 'cardRead': {
      const card = event.card;
      const number = card.kind === 'bank' ? card.maskedPan : card.maskedKpj;
      const record = {
        type: 'cardRead',
        kind: card.kind,
        tracksRead: [...card.tracksRead],
        masked: number ?? null,
      };
      return {
        text: `card read: ${card.kind} card ${number ?? '(no number)'}, tracks ${card.tracksRead.join('+')}`,
        record,
      };
    }
    case 'scanned':
      return {
        text: `scanned: KPJ ${event.scan.maskedKpj} (${event.scan.source}, ${event.scan.symbology})`,
        record: {
          type: 'scanned',
          maskedKpj: event.scan.maskedKpj,
          source: event.scan.source,
          symbology: event.scan.symbology,
        },
      };
    case 'keyPressed':
      if (event.mode === 'pin')
        return {
          text: `PIN key: ${event.key === 'digit' ? 'a digit' : event.key} (${event.digits} entered)`,
          record: { type: 'keyPressed', mode: 'pin', key: event.key, digits: event.digits },
        };
      return {
        text: `key: ${event.key}`,
        record: { type: 'keyPressed', mode: 'plain', key: event.key },
      };
    case 'invalidMedia':
      return {
        text: `invalid card: ${event.reason}`,
        record: { type: event.type, reason: event.reason },
      };
    case 'invalidData':
      return {
        text: `invalid scan: ${event.reason}`,
        record: { type: event.type, reason: event.reason },
      };
    case 'linkLost':
      return {
        text: `link lost: ${event.reason}`,
        record: { type: event.type, reason: event.reason },
      };
    case 'mediaInserted':
      return { text: 'card inserted', record: { type: event.type } };
    case 'mediaRemoved':
      return { text: 'card removed', record: { type: event.type } };
    case 'fdkPressed':
      return { text: `FDK ${event.fdk}`, record: { type: event.type, fdk: event.fdk } };
    case 'cardRetained':
      return {
        text: `card retained: ${event.reason === 'ordered' ? "on the kiosk's order" : 'not taken'}`,
        record: { type: event.type, reason: event.reason },
      };
    case 'paperLow':
      return { text: 'paper low', record: { type: event.type } };
    case 'paperOut':
      return { text: 'paper out', record: { type: event.type } };
  }
}

const STATUS_KEYS = ['device', 'media', 'paper', 'cover', 'fault', 'entry'] as const;

function statusFields(status: AnyStatus): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of STATUS_KEYS) {
    const value = (status as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}
