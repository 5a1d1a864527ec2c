import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../core/common/api';
import { parseConfig } from '../../core/config/load-config';
import { HostError } from '../../core/host/host-client';
import { HttpHostClient } from '../../core/host/http-host-client';
import { createKiosk, type Kiosk } from '../../core/kiosk/create-kiosk';
import { silentLogger } from '../../core/log/logger';
import { startHostSimulator, type HostSimulator } from './host-simulator';
import { FIXTURES } from './seed/participants';

const person = FIXTURES.otpByHost;

let host: HostSimulator | null = null;
let kiosk: Kiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  await host?.close();
  kiosk = host = null;
});

/** Resolves with the first view showing `screen` (the current one included). */
function screenReached(target: Kiosk, screen: SessionView['screen']): Promise<SessionView> {
  return new Promise((resolve) => {
    const unsubscribe = target.brain.subscribe((view) => {
      if (view.screen !== screen) return;
      queueMicrotask(() => unsubscribe());
      resolve(view);
    });
  });
}

describe('a participant whose lookup demands an OTP (FIXTURES.otpByHost)', () => {
  it('is looked up with birthDate then otp, and the token reads no balance before the code', async () => {
    host = await startHostSimulator();
    const client = new HttpHostClient({ baseUrl: host.url, terminalId: 'KSK-TEST-01' });
    expect(await client.lookup(person.kpj)).toEqual({ verification: ['birthDate', 'otp'] });
    const { token } = await client.verifyBirthDate(person.kpj, person.birthDateIso);
    const refused = await client.balance(token).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HostError);
    expect((refused as HostError).failure).toEqual({ kind: 'unauthorized' });
    await client.sendOtp(token);
    await client.verifyOtp(token, host.lastOtpFor(person.kpj)!);
    expect((await client.balance(token)).jht.closingBalance).toBe(person.closingBalance);
  });

  it("gets the kiosk to ask for the code although the kiosk's own OTP setting is off", async () => {
    host = await startHostSimulator();
    const config = parseConfig({
      host: { url: host.url, timeoutMs: 2000 },
      verification: { otp: false },
      journal: { enabled: false },
      technician: { diagSocket: null },
    });
    kiosk = createKiosk(config, { logger: silentLogger(), audit: null });
    kiosk.brain.send({ type: 'start' });
    const birthDateAsked = screenReached(kiosk, 'enterBirthDate');
    kiosk.brain.send({ type: 'submitKpj', kpj: person.kpj });
    await birthDateAsked;
    const otpAsked = screenReached(kiosk, 'enterOtp');
    kiosk.brain.send({ type: 'submitBirthDate', birthDate: person.birthDate });
    expect((await otpAsked).otp?.maskedDestination).toMatch(/^\*{4}\d{4}$/);
    const balanceShown = screenReached(kiosk, 'balance');
    for (const digit of host.lastOtpFor(person.kpj)!) kiosk.brain.send({ type: 'digit', digit });
    kiosk.brain.send({ type: 'enter' });
    expect((await balanceShown).balance?.jht.closingBalance).toBe(person.closingBalance);
  });
});
