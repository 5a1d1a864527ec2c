export {
  startEmbeddedDevices,
  CARD_CHOICES,
  SCAN_KINDS,
  testCardFor,
  kpjFor,
  type CardChoice,
  type ScanKind,
  type EmbeddedDevices,
  type EmbeddedDeviceControl,
  type EmbeddedDevicesOptions,
} from './embedded-devices';
export {
  startEmbeddedPrinter,
  type EmbeddedPrinter,
  type PrinterFaults,
  type SimulatedPrinter,
} from './embedded-printer';
export { measurePrinterReconnect, type ReconnectMeasurement } from './measure-reconnect';
export { socatAvailable } from './socat-available';
