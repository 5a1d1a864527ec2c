export {
  JournalEntry,
  JOURNAL_RECORD_TYPES,
  personalDataProblem,
  type JournalEntryInput,
  type JournalRecordType,
} from './journal-entry';
export { GENESIS_HASH, hashRecord, parseJournalRecord, type JournalRecord } from './journal-record';
export { canonicalJson } from './canonical-json';
export { dayInTimeZone, journalFileName, listJournalFiles } from './journal-files';
export {
  openJournal,
  DEFAULT_CAP_BYTES,
  JournalEntryRefused,
  type JournalWriter,
  type JournalWriterOptions,
  type JournalStatus,
} from './journal-writer';
export { JournalCorruptError, type TornRecord } from './journal-tail-repair';
export { JournalLockedError } from './journal-lock';
export {
  verifyJournal,
  type JournalVerification,
  type JournalProblem,
  type JournalProblemKind,
  type VerifyOptions,
} from './verify-journal';
export {
  exportJournal,
  readJournalRecords,
  type ExportOptions,
  type JournalRangeOptions,
} from './export-journal';
export { tailJournal, type JournalTail, type TailOptions } from './tail-journal';
export { measureJournalThroughput } from './throughput';
