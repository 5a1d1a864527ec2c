import { describe, expect, it } from 'vitest';
import { FakeHost, SAMPLE_SUMMARY } from '../session/fake-host.test-helper';
import { checkedHostClient } from './checked-host-client';
import { HostError, type HostClient, type HostFailure } from './host-client';

/** A FakeHost whose answers a test replaces, as a bank's own client might get them wrong. */
function clientWith(changes: Partial<Record<keyof HostClient, unknown>>): HostClient {
  return Object.assign(new FakeHost(), changes) as HostClient;
}

async function failureOf(promise: Promise<unknown>): Promise<HostFailure> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return (error as HostError).failure;
}

describe('checkedHostClient', () => {
  it('passes good replies and HostErrors through as they are', async () => {
    const client = checkedHostClient(new FakeHost());
    expect(await client.lookup(SAMPLE_SUMMARY.participant.kpj)).toEqual({
      verification: ['birthDate'],
    });
    expect(await client.balance('token-0123456789abcdef')).toEqual(SAMPLE_SUMMARY);
    expect(await failureOf(client.lookup('17054312128'))).toEqual({ kind: 'notFound' });
  });

  it('a reply of the wrong shape is a malformed reply naming the fields, not their values', async () => {
    const client = checkedHostClient(
      clientWith({
        balance: async () => ({
          ...SAMPLE_SUMMARY,
          jht: { ...SAMPLE_SUMMARY.jht, closingBalance: 'Rp 44.950.000' },
        }),
        lookup: async () => ({ verification: [] }),
        ping: async () => 'fast',
      }),
    );
    const balance = await failureOf(client.balance('token-0123456789abcdef'));
    expect(balance).toEqual({ kind: 'malformedReply', detail: 'balance: jht.closingBalance' });
    expect(await failureOf(client.lookup(SAMPLE_SUMMARY.participant.kpj))).toEqual({
      kind: 'malformedReply',
      detail: 'lookup: verification',
    });
    expect((await failureOf(client.ping())).kind).toBe('malformedReply');
  });

  it("checks a bank link's reply: one token per account", async () => {
    const request = {
      cardReference: '476173******0010',
      format: 'iso0',
      pinBlock: new FakeHost().acceptedPinBlock,
      ksn: 'FFFF9876543210E00001',
    } as const;
    const good = await checkedHostClient(new FakeHost()).verifyBankCard(request);
    expect(good.accounts).toHaveLength(1);
    const [account] = good.accounts;
    const twice = checkedHostClient(
      clientWith({
        verifyBankCard: async () => ({ accounts: [account, account], expiresInSeconds: 300 }),
      }),
    );
    expect(await failureOf(twice.verifyBankCard(request))).toEqual({
      kind: 'malformedReply',
      detail: 'verifyBankCard: accounts.1',
    });
    expect(
      await failureOf(
        checkedHostClient(new FakeHost()).verifyBankCard({
          ...request,
          pinBlock: '0000000000000000',
        }),
      ),
    ).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 2,
    });
  });

  it('anything else thrown counts as the host unavailable, without its message', async () => {
    const client = checkedHostClient(
      clientWith({
        lookup: async (kpj: string) => {
          throw new TypeError(`cannot read gateway reply for ${kpj}`);
        },
      }),
    );
    const failure = await failureOf(client.lookup(SAMPLE_SUMMARY.participant.kpj));
    expect(failure).toEqual({ kind: 'unavailable', detail: 'lookup: TypeError' });
  });
});
