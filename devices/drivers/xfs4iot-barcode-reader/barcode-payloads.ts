/**
 * What an XFS4IoT BarcodeReader service sends (KAL SP-Dev Framework/Core/BarcodeReader:
 * Completions/Read_g.cs, BarcodeReaderSchemas_g.cs): `readOutput[]` of a symbology and the
 * barcode's bytes in Base64.
 */
import { z } from 'zod';
import type { Symbology } from '../../scanner/symbology';

const BASE64 = /^([a-zA-Z0-9+/]{4})*([a-zA-Z0-9+/]{4}|[a-zA-Z0-9+/]{2}([a-zA-Z0-9+/]|=)=)?$/;

const ReadOutput = z
  .object({
    symbology: z.string().max(64).nullable().optional(),
    barcodeData: z.string().max(4096).regex(BASE64, 'Base64').nullable().optional(),
    symbologyName: z.string().max(64).nullable().optional(),
  })
  .loose();

export const BarcodeReadPayload = z
  .object({
    errorCode: z.string().nullable().optional(),
    readOutput: z.array(ReadOutput).max(16).nullable().optional(),
  })
  .loose();

/** The symbologies the kiosk reads KPJ codes in, as Read's `symbologies` names them. */
export const KPJ_SYMBOLOGIES = { qrCode: true, code128: true } as const;

/** ReadOutputClass.SymbologyEnum (camelCased) in the kiosk's words. */
export function symbologyOf(symbology: string | null | undefined): Symbology {
  switch (symbology) {
    case 'qrCode':
      return 'qr';
    case 'code128':
    case 'ean128':
      return 'code128';
    case 'dataMatrix':
      return 'dataMatrix';
    case 'code39':
      return 'code39';
    case 'ean8':
    case 'ean13':
      return 'ean';
    case 'symbologyUnknown':
    case null:
    case undefined:
      return 'unknown';
    default:
      return 'other';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The barcode's text, or null when it is not UTF-8 (a binary code is no KPJ). */
export function barcodeText(base64: string): string | null {
  try {
    return utf8.decode(Buffer.from(base64, 'base64'));
  } catch {
    return null;
  }
}
