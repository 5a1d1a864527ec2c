export {
  startHostSimulator,
  type HostSimulator,
  type HostSimulatorOptions,
  type RequestLogEntry,
} from './host-simulator';
export { FaultConfig, FaultSpec, HOST_ROUTES, type HostRoute } from './faults';
export {
  FIXTURES,
  PARTICIPANTS,
  STATEMENT_MONTH,
  UNKNOWN_KPJ,
  findParticipant,
  type FixtureName,
  type FixtureParticipant,
} from './seed/participants';
export type { JhtYear, SimParticipant } from './seed/participant';
export { BANK_CARDS, UNKNOWN_CARD_PAN, type SimBankCard } from './seed/bank-cards';
export { JournalStore } from './journal-store';
