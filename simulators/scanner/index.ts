export {
  ScannerSimulator,
  payloads,
  type ScannerSimulatorOptions,
  type SimSymbology,
} from './scanner-simulator';
export {
  keyboardReportsFor,
  inputEventsFor,
  inputEvent,
  keystrokesFor,
  concatBytes,
  type KeyboardReportOptions,
} from './keyboard-wedge-encoder';
