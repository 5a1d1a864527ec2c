import type { Duplex } from 'node:stream';

/**
 * The sockets the web shell holds open at once, the UI's own WebSocket apart. Beyond `limit` a
 * newcomer is taken and the oldest counted socket is closed instead: idle or slow sockets of a
 * local program can never keep a newer one (the page reconnecting) out, and the UI's socket,
 * once it has shown the secret, is never counted nor closed here.
 */
export class ConnectionSlots {
  /** In arrival order (a Set iterates in insertion order): the first is the oldest. */
  private readonly counted = new Set<Duplex>();

  constructor(private readonly limit: number) {}

  admit(socket: Duplex): void {
    this.counted.add(socket);
    socket.once('close', () => this.counted.delete(socket));
    while (this.counted.size > this.limit) {
      const oldest = this.counted.values().next().value!;
      this.counted.delete(oldest);
      oldest.destroy();
    }
  }

  /** The authenticated UI: out of the count, never evicted. */
  exempt(socket: Duplex): void {
    this.counted.delete(socket);
  }
}
