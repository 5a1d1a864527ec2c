import { mkdtemp, realpath, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SerialTransport } from '../../devices/transports/serial-transport';
import { socatAvailable } from '../embedded/socat-available';
import { startPtyPair } from './pty-pair';

describe.skipIf(!socatAvailable())('SerialTransport on a real tty', () => {
  it('reports the link lost when the device node disappears, though nothing was written', async () => {
    const pair = await startPtyPair();
    // A link of our own to the tty: removing it is an unplug the kernel never tells the
    // binding about (the tty itself stays open), so only the presence check can see it.
    const node = join(await mkdtemp(join(tmpdir(), 'serial-node-')), 'ttyUSB9');
    await symlink(await realpath(pair.hostPath), node);
    const transport = new SerialTransport({ path: node, baudRate: 9600, presenceCheckMs: 50 });
    try {
      await transport.open();
      const lost = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
      await unlink(node);
      const reason = await lost;
      expect(reason?.message).toBe(`${node} is gone (ENOENT): unplugged?`);
      expect(transport.isOpen).toBe(false);
    } finally {
      await transport.close();
      await pair.close();
    }
  });
});
