export { CardReader, type CardReaderOptions } from './card-reader';
export * from './card-reader-types';
export { interpretTracks, maskPan, type CardData, type CardSummary } from './card-data';
export { parseTrack1, parseTrack2, type Track1, type Track2 } from './track-parser';
export { lrcCharacter } from './iso7811-lrc';
export { passesLuhn } from './luhn';
export * from './raw-tracks';
export * as serialFraming from './serial-framing';
export * as hidReport from './hid-report';
