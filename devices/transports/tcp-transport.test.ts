import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TcpTransport } from './tcp-transport';

let server: Server | undefined;
const sockets = new Set<Socket>();

async function listen(onSocket: (socket: Socket) => void): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('TcpTransport', () => {
  it('exchanges bytes with a raw-port server', async () => {
    const port = await listen((socket) =>
      socket.on('data', (data) => socket.write(Buffer.from([data.length]))),
    );
    const transport = new TcpTransport({ host: '127.0.0.1', port });
    expect(transport.description).toBe(`tcp:127.0.0.1:${port}`);
    await transport.open();
    const reply = new Promise<number[]>((resolve) => transport.onData((d) => resolve([...d])));
    await transport.write(Uint8Array.of(1, 2, 3));
    expect(await reply).toEqual([3]);
    await transport.close();
    expect(transport.isOpen).toBe(false);
  });

  it('reports close when the printer hangs up', async () => {
    const port = await listen((socket) => setTimeout(() => socket.end(), 10));
    const transport = new TcpTransport({ host: '127.0.0.1', port });
    const closed = new Promise<void>((resolve) => transport.onClose(() => resolve()));
    await transport.open();
    await closed;
    expect(transport.isOpen).toBe(false);
  });

  it('fails to open when nothing listens', async () => {
    const port = await listen(() => undefined);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const transport = new TcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 2000 });
    await expect(transport.open()).rejects.toThrow(/ECONNREFUSED/);
    expect(transport.isOpen).toBe(false);
  });

  it('can open again after the link was lost', async () => {
    let connections = 0;
    const port = await listen((socket) => {
      connections += 1;
      if (connections === 1) socket.destroy();
    });
    const transport = new TcpTransport({ host: '127.0.0.1', port });
    const closed = new Promise<void>((resolve) => transport.onClose(() => resolve()));
    await transport.open();
    await closed;
    await transport.open();
    expect(transport.isOpen).toBe(true);
    await transport.close();
    expect(connections).toBe(2);
  });
});
