import { describe, expect, it } from 'vitest';
import { HostError, type HostClient, type HostFailure } from './host-client';
import { withHostTroubleLog } from './host-trouble-log';

/** A host whose lookup fails as told. */
function failingHost(failure: HostFailure): HostClient {
  return { lookup: () => Promise.reject(new HostError(failure)) } as unknown as HostClient;
}

function warnings() {
  const lines: { object: object; message: string }[] = [];
  return { lines, warn: (object: object, message: string) => void lines.push({ object, message }) };
}

describe('host trouble in the log', () => {
  it('warns of a time-out, no host or a malformed reply, and still rejects as before', async () => {
    for (const failure of [
      { kind: 'timeout' },
      { kind: 'unavailable', detail: 'ECONNREFUSED' },
      { kind: 'malformedReply', detail: 'balance.jht: Required' },
    ] satisfies HostFailure[]) {
      const log = warnings();
      await expect(withHostTroubleLog(failingHost(failure), log).lookup('x')).rejects.toThrow(
        HostError,
      );
      expect(log.lines).toEqual([
        { object: { operation: 'lookup', failure }, message: 'host trouble' },
      ]);
    }
  });

  it('warns of a bank link outage with the operation and failure only, never the request', async () => {
    const failure: HostFailure = { kind: 'unavailable', detail: 'HTTP 503' };
    const host = {
      verifyBankCard: () => Promise.reject(new HostError(failure)),
    } as unknown as HostClient;
    const log = warnings();
    const request = {
      cardReference: '476173******0010',
      format: 'iso0',
      pinBlock: '0123456789ABCDEF',
      ksn: 'FFFF9876543210E00001',
    } as const;
    await expect(withHostTroubleLog(host, log).verifyBankCard(request)).rejects.toThrow(HostError);
    expect(log.lines).toEqual([
      { object: { operation: 'verifyBankCard', failure }, message: 'host trouble' },
    ]);
  });

  it('says nothing of answers the flow expects, or of a call the kiosk canceled', async () => {
    const log = warnings();
    await expect(
      withHostTroubleLog(failingHost({ kind: 'notFound' }), log).lookup('x'),
    ).rejects.toThrow(HostError);
    const canceled = new AbortController();
    canceled.abort();
    await expect(
      withHostTroubleLog(
        failingHost({ kind: 'unavailable', detail: 'request canceled' }),
        log,
      ).lookup('x', canceled.signal),
    ).rejects.toThrow(HostError);
    expect(log.lines).toEqual([]);
  });
});
