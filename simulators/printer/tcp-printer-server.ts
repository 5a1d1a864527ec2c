import { createServer, type Server, type Socket } from 'node:net';
import { TcpTransport } from '../../devices/transports/tcp-transport';
import type { PrinterSimulator } from './printer-simulator';

export interface TcpPrinterServer {
  host: string;
  port: number;
  /** Drops the current client connection (the host sees the link go), keeps listening. */
  dropClient(): void;
  close(): Promise<void>;
}

/**
 * A raw-port (9100 style) network printer: one client at a time, like the real thing; a second
 * connection is refused while one is active. Port 0 picks a free port (tests).
 */
export async function startTcpPrinterServer(
  simulator: PrinterSimulator,
  options: { host?: string; port?: number } = {},
): Promise<TcpPrinterServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let active: Socket | undefined;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (active === socket) active = undefined;
    });
    socket.on('error', () => undefined);
    if (active) {
      socket.destroy();
      return;
    }
    active = socket;
    void simulator.attach(TcpTransport.fromSocket(socket, `tcp-printer:${host}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9100, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 9100);
  return {
    host,
    port,
    dropClient: () => active?.destroy(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
