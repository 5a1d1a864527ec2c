import { createPrinterSimulator, type PrinterSimulator } from '../printer/printer-simulator';
import { startTcpPrinterServer, type TcpPrinterServer } from '../printer/tcp-printer-server';
import { renderReceiptsHtml } from '../printer/receipt-html';
import { receiptText } from '../printer/receipt-model';

export interface PrinterFaults {
  paper?: 'ok' | 'nearEnd' | 'out';
  coverOpen?: boolean;
  offline?: boolean;
  /** A slow print head: every chunk of bytes takes a while. */
  slow?: boolean;
}

export interface PrinterState extends Required<PrinterFaults> {
  connected: boolean;
  receipts: number;
}

/** A simulated receipt printer as the panel and tests play it, however it is linked. */
export interface SimulatedPrinter {
  simulator: PrinterSimulator;
  state(): PrinterState;
  setFaults(faults: PrinterFaults): void;
  /** Cable pulled: the link drops and nothing answers until reconnect(). */
  disconnect(): Promise<void>;
  reconnect(): Promise<void>;
  /** Text lines of every cut receipt, oldest first. */
  receipts(): string[][];
  /** Receipts as HTML, newest first. */
  receiptsHtml(): string;
  close(): Promise<void>;
}

/** The printer's link, as the cable a simulated printer hangs on. */
export interface PrinterCable {
  connected(): boolean;
  disconnect(): Promise<void>;
  reconnect(): Promise<void>;
  close(): Promise<void>;
}

/** The faults, receipts and cable of a printer simulator, whatever carries its bytes. */
export function simulatedPrinter(
  simulator: PrinterSimulator,
  columns: number,
  cable: PrinterCable,
): SimulatedPrinter {
  const faults: Required<PrinterFaults> = {
    paper: 'ok',
    coverOpen: false,
    offline: false,
    slow: false,
  };
  return {
    simulator,
    state: () => ({
      ...faults,
      connected: cable.connected(),
      receipts: simulator.receipts.length,
    }),
    setFaults(next) {
      Object.assign(
        faults,
        Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)),
      );
      simulator.setPaper(faults.paper);
      simulator.setCoverOpen(faults.coverOpen);
      simulator.setOffline(faults.offline);
      simulator.setSlow(faults.slow ? { perChunkMs: 300 } : {});
    },
    disconnect: () => cable.disconnect(),
    reconnect: () => cable.reconnect(),
    receipts: () => simulator.receipts.map(receiptText),
    receiptsHtml: () => renderReceiptsHtml([...simulator.receipts].reverse(), columns),
    close: () => cable.close(),
  };
}

export interface EmbeddedPrinter extends SimulatedPrinter {
  host: string;
  port: number;
}

/** The printer simulator as a raw-port network printer on 127.0.0.1 (ephemeral port). */
export async function startEmbeddedPrinter(columns = 42): Promise<EmbeddedPrinter> {
  const simulator = createPrinterSimulator({ columns });
  let server: TcpPrinterServer | undefined = await startTcpPrinterServer(simulator, { port: 0 });
  const port = server.port;
  const cable: PrinterCable = {
    connected: () => server !== undefined,
    async disconnect() {
      const current = server;
      server = undefined;
      await current?.close();
    },
    async reconnect() {
      if (server) return;
      server = await startTcpPrinterServer(simulator, { port });
    },
    async close() {
      await server?.close();
      server = undefined;
    },
  };
  return { host: '127.0.0.1', port, ...simulatedPrinter(simulator, columns, cable) };
}
