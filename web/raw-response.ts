import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { SECURITY_HEADERS } from '../core/shell/security-headers';

/**
 * Answers on a bare socket (a refused WebSocket upgrade, a request Node could not parse) with
 * the same security headers as every other response, then closes it.
 */
export function endWithStatus(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  const headers = { ...SECURITY_HEADERS, Connection: 'close', 'Content-Length': '0' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n`);
}
