import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CdpPipe, type CdpMessage } from './cdp-pipe';

describe('CdpPipe', () => {
  it('frames commands with a NUL and reads messages split across chunks, dropping garbage', () => {
    const toBrowser = new PassThrough();
    const fromBrowser = new PassThrough();
    const written: string[] = [];
    toBrowser.on('data', (chunk: Buffer) => written.push(chunk.toString()));
    const cdp = new CdpPipe(toBrowser, fromBrowser);
    const seen: CdpMessage[] = [];
    cdp.onMessage((message) => seen.push(message));

    expect(cdp.send('Page.reload', {}, 'S1')).toBe(1);
    expect(written.join('')).toBe('{"id":1,"method":"Page.reload","params":{},"sessionId":"S1"}\0');

    fromBrowser.write('{"method":"Inspector.target');
    fromBrowser.write('Crashed","sessionId":"S1"}\0not json\0{"id":1,"result":{}}\0');
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(seen).toEqual([
          { method: 'Inspector.targetCrashed', sessionId: 'S1' },
          { id: 1, result: {} },
        ]);
        resolve();
      }),
    );
  });
});
