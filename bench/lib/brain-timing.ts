import { BENCH_SESSION, loadKioskRuntime, loadLogger, loadParseConfig } from './kiosk-parts';
import { InstantHost, type RecordedReplies } from './instant-host';
import { waitForScreen, type Participant } from './session-driver';

/**
 * Times the brain alone: an in-process kiosk whose host answers at once, from the `enter` that
 * submits a typed birth date to the published balance view. Returns ms per session.
 */
export async function brainTimings(
  replies: RecordedReplies,
  who: Participant,
  count: number,
): Promise<number[]> {
  const { startKioskRuntime } = await loadKioskRuntime();
  const { parseConfig } = await loadParseConfig();
  const { createLogger } = await loadLogger();
  const config = parseConfig({ session: BENCH_SESSION, technician: { diagSocket: null } }, 'bench');
  const kiosk = await startKioskRuntime(config, {
    host: new InstantHost(replies),
    logger: createLogger({ level: 'silent' }),
  });
  const api = kiosk.api;
  const digits = who.birthDate.replace(/\D/g, '');
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      api.send({ type: 'start' });
      await waitForScreen(api, 'enterKpj');
      api.send({ type: 'submitKpj', kpj: who.kpj });
      await waitForScreen(api, 'enterBirthDate');
      for (const digit of digits) api.send({ type: 'digit', digit });
      const started = performance.now();
      api.send({ type: 'enter' });
      await waitForScreen(api, 'balance');
      samples.push(performance.now() - started);
      api.send({ type: 'finish' });
      await waitForScreen(api, 'thankYou');
    }
  } finally {
    await kiosk.dispose();
  }
  return samples;
}
