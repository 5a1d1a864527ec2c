import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../core/host/host-client';
import { HttpHostClient } from '../../core/host/http-host-client';
import { startHostSimulator, type HostSimulator } from './host-simulator';
import { FIXTURES } from './seed/participants';

const person = FIXTURES.active;
const isoBirthDate = person.birthDate.split('-').reverse().join('-');

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HostError) return error.failure;
    throw error;
  }
  throw new Error('expected a HostError');
}

describe('one-time code (OTP) verification', () => {
  let host: HostSimulator;
  let client: HttpHostClient;
  let clock: number;

  beforeEach(async () => {
    clock = Date.parse('2026-11-22T03:00:00Z');
    host = await startHostSimulator({
      now: () => new Date(clock),
      otpTtlSeconds: 120,
      otpResendSeconds: 30,
    });
    client = new HttpHostClient({
      baseUrl: host.url,
      terminalId: 'KSK-TEST-01',
      timeoutMs: 2000,
      now: () => new Date(clock),
    });
  });

  afterEach(() => host.close());

  it('sends a code to the masked phone, holds the balance back until it is verified', async () => {
    const { token } = await client.verifyBirthDate(person.kpj, isoBirthDate);
    const sent = await client.sendOtp(token);
    expect(sent.maskedDestination).toMatch(/^\*{4}\d{4}$/);
    expect(sent).toMatchObject({ expiresInSeconds: 120, resendAfterSeconds: 30 });
    expect(await failureOf(client.balance(token))).toEqual({ kind: 'unauthorized' });

    const code = host.lastOtpFor(person.kpj)!;
    expect(code).toMatch(/^\d{6}$/);
    await client.verifyOtp(token, code);
    const summary = await client.balance(token);
    expect(summary.jht.closingBalance).toBe(person.closingBalance);
  });

  it('counts wrong codes down and locks the KPJ after three', async () => {
    const { token } = await client.verifyBirthDate(person.kpj, isoBirthDate);
    await client.sendOtp(token);
    const wrong = host.lastOtpFor(person.kpj) === '000000' ? '111111' : '000000';
    expect(await failureOf(client.verifyOtp(token, wrong))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 2,
    });
    expect(await failureOf(client.verifyOtp(token, wrong))).toEqual({
      kind: 'verificationFailed',
      attemptsLeft: 1,
    });
    const locked = await failureOf(client.verifyOtp(token, wrong));
    expect(locked.kind).toBe('locked');
    expect(await failureOf(client.lookup(person.kpj))).toMatchObject({ kind: 'locked' });
  });

  it('refuses an expired code and a resend that comes too soon', async () => {
    const { token } = await client.verifyBirthDate(person.kpj, isoBirthDate);
    await client.sendOtp(token);
    expect(await failureOf(client.sendOtp(token))).toEqual({
      kind: 'tooSoon',
      retryAfterSeconds: 30,
    });
    clock += 121_000;
    expect(await failureOf(client.verifyOtp(token, host.lastOtpFor(person.kpj)!))).toEqual({
      kind: 'otpExpired',
    });
    await client.sendOtp(token);
    await client.verifyOtp(token, host.lastOtpFor(person.kpj)!);
  });

  it('shows the last code on the control API for testers, and only there', async () => {
    const { token } = await client.verifyBirthDate(person.kpj, isoBirthDate);
    await client.sendOtp(token);
    const response = await fetch(`${host.url}/sim/otp?kpj=${person.kpj}`);
    expect(await response.json()).toEqual({ code: host.lastOtpFor(person.kpj) });
  });
});
