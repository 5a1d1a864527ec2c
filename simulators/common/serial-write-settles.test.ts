import { describe, expect, it } from 'vitest';
import { settleOutcome } from '../../test-support/settle-outcome';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { startPtyPair } from './pty-pair';

describe('SerialTransport writes on a real tty', () => {
  it('a close() in the same tick as a write() fails that write instead of leaving it pending (pty)', async () => {
    const pair = await startPtyPair();
    try {
      const writes: Promise<void>[] = [];
      for (let i = 0; i < 25; i++) {
        const transport = new SerialTransport({ path: pair.hostPath, baudRate: 9600 });
        await transport.open();
        writes.push(transport.write(Uint8Array.of(0x02, 0x41, 0x03)));
        await transport.close();
      }
      const outcomes = await Promise.all(writes.map((write) => settleOutcome(write, 3000)));
      expect(outcomes.filter((o) => o === 'pending')).toEqual([]);
      expect(outcomes.every((o) => o === 'settled' || /closed before/.test(o))).toBe(true);
    } finally {
      await pair.close();
    }
  }, 30_000);
});
