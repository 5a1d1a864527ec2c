export { PrinterSimulator, createPrinterSimulator } from './printer-simulator';
export type {
  PaperLevel,
  PrinterSimulatorOptions,
  SlowDevice,
  SimulatorStats,
} from './printer-simulator';
export { EscPosParser, type EscPosEvent } from './escpos-parser';
export { ReceiptAssembler } from './receipt-assembler';
export { renderReceiptsHtml } from './receipt-html';
export * from './receipt-model';
export { startTcpPrinterServer, type TcpPrinterServer } from './tcp-printer-server';
