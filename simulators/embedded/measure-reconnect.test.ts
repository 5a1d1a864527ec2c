import { describe, expect, it } from 'vitest';
import { measurePrinterReconnect } from './measure-reconnect';
import { socatAvailable } from './socat-available';

describe('printer unplug / replug under the device manager', () => {
  it('over an in-memory link: noDevice on unplug, online again after replug', async () => {
    const result = await measurePrinterReconnect({ link: 'memory', timeoutMs: 5000 });
    expect(result.link).toBe('memory');
    expect(result.reconnectMs).toBeGreaterThanOrEqual(0);
  });

  it.skipIf(!socatAvailable())(
    'over a real pty: socat killed and restarted on the same path, the printer comes back',
    async () => {
      const result = await measurePrinterReconnect({ link: 'pty', timeoutMs: 5000 });
      expect(result.link).toBe('pty');
      expect(result.reconnectMs).toBeGreaterThanOrEqual(0);
    },
  );
});
