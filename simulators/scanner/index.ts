export {
  ScannerSimulator,
  payloads,
  type ScannerSimulatorOptions,
  type SimSymbology,
} from './scanner-simulator';
