import { describe, expect, it } from 'vitest';
import { settleOutcome } from '../../test-support/settle-outcome';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { startPtyPair } from './pty-pair';

describe('SerialTransport writes on a real tty', () => {
  it('a close() in the same tick as a write() fails that write instead of leaving it pending (pty)', async () => {
    const pair = await startPtyPair();
    try {
      // Each outcome is watched from the moment the write starts, so a write that fails during
      // the close is a counted failure and never an unhandled rejection.
      const outcomes: Promise<string>[] = [];
      for (let i = 0; i < 25; i++) {
        const transport = new SerialTransport({ path: pair.hostPath, baudRate: 9600 });
        await transport.open();
        outcomes.push(settleOutcome(transport.write(Uint8Array.of(0x02, 0x41, 0x03)), 3000));
        await transport.close();
      }
      const settled = await Promise.all(outcomes);
      expect(settled.filter((o) => o === 'pending')).toEqual([]);
      expect(settled.every((o) => o === 'settled' || /closed before/.test(o))).toBe(true);
    } finally {
      await pair.close();
    }
  }, 30_000);
});
