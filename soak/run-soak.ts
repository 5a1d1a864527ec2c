import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../core/config/load-config';
import { seededRandom } from '../simulators/common/seeded-random';
import { startEmbeddedDevices } from '../simulators/embedded';
import { BrainProcess } from './brain-process';
import type { DeviceState } from './brain-protocol';
import { driveSession, OUTCOMES, type Outcome, type SessionResult } from './drive-session';
import { FaultInjector } from './fault-injector';
import { journalFigures, type JournalFigures } from './journal-figures';
import { folderTexts, scanForPersonalData, type PrivacyFinds } from './privacy-scan';
import { RestartableHost } from './restartable-host';
import { SoakOptions, type SoakOptionsInput } from './soak-options';
import { FAULT_KINDS, faultsLeftOpen, planSoak, type FaultKind, type FaultStep } from './soak-plan';
import { UiConnection } from './ui-connection';

/** Short timers so a person who walks away costs seconds (the config's minimums), not minutes. */
const SESSION = {
  idleTimeoutSeconds: 21,
  idleWarningSeconds: 20,
  thankYouSeconds: 1,
  maxBirthDateAttempts: 3,
  lockMinutes: 0.02,
};
const HOST_TIMEOUT_MS = 1_000;
/** Two host calls at their timeout, plus the largest injected latency, plus slack. */
const STEP_TIMEOUT_MS = 2 * HOST_TIMEOUT_MS + 3_000;
const END_TIMEOUT_MS = (SESSION.idleTimeoutSeconds + SESSION.thankYouSeconds + 3) * 1000;
const DEVICES_ONLINE_MS = 15_000;
const BRAIN_BACK_MS = 30_000;

export interface SoakReport {
  options: SoakOptions;
  durationMs: number;
  sessionsPerMinute: number;
  outcomes: Record<Outcome, number>;
  /** Sessions of which a screen was seen: each must be in the journal. */
  sessionsStarted: number;
  stuck: number;
  stuckOn: string[];
  /** Seconds spent in sessions of each outcome (where the run's time goes). */
  secondsByOutcome: Record<Outcome, number>;
  /** Sessions that got no answer to an action: which one, on which screen. */
  unanswered: string[];
  privacy: PrivacyFinds;
  journal: JournalFigures;
  missingFromJournal: number;
  receipts: { printed: number; journaled: number; takenOnScreen: number };
  devicesAtEnd: DeviceState[];
  devicesSimulated: string[];
  rss: { firstBytes: number | null; lastBytes: number | null; sessionsOnLastBrain: number };
  brain: { starts: number; kills: number; restartsToUnstick: number };
  host: { restarts: number };
  faults: Record<FaultKind, number>;
  ignoredInput: Record<string, number>;
  printUnavailable: number;
  invalidViewMessages: number;
  dir: string | null;
}

const isHostFault = (fault: FaultKind) => fault.startsWith('host');

/**
 * The whole kiosk under a long random day: sessions through the real web shell bridge, the
 * host simulator and the device simulators, with faults, brain kills and restarts; then the
 * figures that must hold (nothing stuck, nothing personal written, every session journaled).
 */
export async function runSoak(
  input: SoakOptionsInput = {},
  print: (line: string) => void = () => {},
): Promise<SoakReport> {
  const options = SoakOptions.parse(input);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-soak-'));
  const journalDir = join(dir, 'journal');
  const logPath = join(dir, 'brain.log');
  const configPath = join(dir, 'kiosk.json');
  const random = seededRandom(options.seed ^ 0x5eed);
  const host = new RestartableHost({ latencyMs: 0, maxAttempts: 3, lockMs: 1_500 });
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    await host.start();
    cleanups.push(() => host.stop());
    const embedded = await startEmbeddedDevices();
    cleanups.push(() => embedded.close());
    for (const reason of embedded.skipped) print(`soak: device simulators skipped ${reason}`);
    const config = parseConfig(
      {
        terminalId: 'KSK-SOAK-01',
        host: { url: host.url, timeoutMs: HOST_TIMEOUT_MS },
        web: { port: 0 },
        session: SESSION,
        journal: { dir: journalDir, anchorSeconds: 5 },
        technician: { diagSocket: null },
        log: { level: options.logLevel },
        devices: embedded.config,
      },
      'soak',
    );
    writeFileSync(configPath, JSON.stringify(config, null, 2));

    const brain = new BrainProcess(configPath, randomBytes(24).toString('base64url'), logPath);
    cleanups.push(() => brain.stop());
    await brain.start();
    const ui = new UiConnection(brain.url);
    cleanups.push(() => ui.close());
    const atStart = () => ui.waitFor((view) => view.screen === 'attract', BRAIN_BACK_MS);
    if (!(await atStart())) throw new Error('the kiosk never showed its start screen');
    await devicesOnline(brain);

    const injector = new FaultInjector(host, embedded.control, random);
    const plans = planSoak({ ...options, sessions: options.sessions });
    const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
    const ignoredInput: Record<string, number> = {};
    const stuckOn: string[] = [];
    const unanswered: string[] = [];
    const secondsByOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<
      Outcome,
      number
    >;
    let started = 0;
    let stuck = 0;
    let printUnavailable = 0;
    let restartsToUnstick = 0;
    let firstRss: number | null = null;
    let brainStartsAtLastReading = brain.starts;
    let sessionsOnLastBrain = 0;
    const began = performance.now();

    const restartBrain = async () => {
      await brain.restartAfterKill9();
      const epoch = ui.epoch;
      // The connection reconnects by itself; the new brain's first view is the start screen.
      await ui.waitFor((view) => view.screen === 'attract' && ui.epoch !== epoch, BRAIN_BACK_MS);
    };

    for (const plan of plans) {
      const midSession: FaultStep[] = [];
      for (const step of plan.faults) {
        if (step.phase === 'begin' && plan.hostFaultMidSession && isHostFault(step.fault))
          midSession.push(step);
        else await injector.apply(step);
      }
      const applyMidSession = async () => {
        for (const step of midSession.splice(0)) await injector.apply(step);
      };
      const sessionBegan = performance.now();
      const result: SessionResult = await driveSession(
        {
          ui,
          devices: embedded.control,
          stepTimeoutMs: STEP_TIMEOUT_MS,
          endTimeoutMs: END_TIMEOUT_MS,
          killBrain: async () => {
            injector.counts.set('brainKill', (injector.counts.get('brainKill') ?? 0) + 1);
            await brain.restartAfterKill9();
          },
          atBalance: applyMidSession,
          otpCode: async (kpj) => {
            const response = await fetch(`${host.url}/sim/otp?kpj=${kpj}`);
            const { code } = (await response.json()) as { code: string | null };
            return code;
          },
        },
        plan,
      );
      await applyMidSession();
      outcomes[result.outcome] += 1;
      secondsByOutcome[result.outcome] += (performance.now() - sessionBegan) / 1000;
      if (result.unanswered)
        unanswered.push(`session ${plan.index + 1} (${plan.kind}): ${result.unanswered}`);
      if (result.started) started += 1;
      for (const device of result.ignoredInput)
        ignoredInput[device] = (ignoredInput[device] ?? 0) + 1;
      if (result.printUnavailable) printUnavailable += 1;
      if (result.stuck) {
        stuck += 1;
        stuckOn.push(`session ${plan.index + 1} (${plan.kind}): ${result.stuckOn ?? 'no view'}`);
        if (!(await unstick(ui))) {
          restartsToUnstick += 1;
          await restartBrain();
        }
      }
      if (brain.starts !== brainStartsAtLastReading) {
        brainStartsAtLastReading = brain.starts;
        sessionsOnLastBrain = 0;
      }
      sessionsOnLastBrain += 1;
      if (plan.index === 0) firstRss = await brain.rss();
      const done = plan.index + 1;
      if (
        options.progressEvery > 0 &&
        (done % options.progressEvery === 0 || done === plans.length)
      )
        print(progressLine(done, plans.length, began, outcomes, stuck, brain.kills));
    }

    for (const fault of faultsLeftOpen(plans)) await injector.apply({ fault, phase: 'end' });
    const durationMs = performance.now() - began;
    const devicesAtEnd = await devicesOnline(brain);
    const lastRss = await brain.rss();
    const lastView = ui.view();
    ui.close();
    await brain.stop();
    const receiptLines = embedded.control.printer.receipts();

    const journal = await journalFigures(journalDir);
    const privacy = scanForPersonalData([
      { source: 'brain log', text: readFileSync(logPath, 'utf8') },
      ...(await folderTexts(journalDir, 'journal')),
      { source: 'last view', text: JSON.stringify(lastView) },
      { source: 'receipts', text: receiptLines.map((lines) => lines.join('\n')).join('\n') },
    ]);
    return {
      options,
      durationMs,
      sessionsPerMinute: (plans.length / durationMs) * 60_000,
      outcomes,
      sessionsStarted: started,
      stuck,
      stuckOn,
      secondsByOutcome,
      unanswered,
      privacy,
      journal,
      missingFromJournal: Math.max(0, started - journal.sessions),
      receipts: {
        printed: receiptLines.length,
        journaled: journal.receiptsPrinted,
        takenOnScreen: outcomes.servedWithReceipt,
      },
      devicesAtEnd,
      devicesSimulated: Object.keys(embedded.config),
      rss: { firstBytes: firstRss, lastBytes: lastRss, sessionsOnLastBrain },
      brain: { starts: brain.starts, kills: brain.kills, restartsToUnstick },
      host: { restarts: host.restarts },
      faults: Object.fromEntries(
        FAULT_KINDS.map((kind) => [kind, injector.counts.get(kind) ?? 0]),
      ) as Record<FaultKind, number>,
      ignoredInput,
      printUnavailable,
      invalidViewMessages: ui.invalidMessages,
      dir: options.keep ? dir : null,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** What a person would do at a frozen screen: cancel, then Enter. False if it stays frozen. */
async function unstick(ui: UiConnection): Promise<boolean> {
  ui.send({ type: 'cancel' });
  await ui.waitFor((view) => view.screen === 'thankYou' || view.screen === 'attract', 3_000);
  ui.send({ type: 'enter' });
  return (await ui.waitFor((view) => view.screen === 'attract', 3_000)) !== null;
}

/** Waits (bounded) for every configured device to be online; returns what the brain reports. */
async function devicesOnline(brain: BrainProcess): Promise<DeviceState[]> {
  const deadline = Date.now() + DEVICES_ONLINE_MS;
  let devices = await brain.devices();
  while (devices.some((device) => device.state !== 'online') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    devices = await brain.devices();
  }
  return devices;
}

function progressLine(
  done: number,
  total: number,
  began: number,
  outcomes: Record<Outcome, number>,
  stuck: number,
  kills: number,
): string {
  const minutes = (performance.now() - began) / 60_000;
  const rate = done / minutes;
  const parts = Object.entries(outcomes)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${outcome} ${count}`);
  return `soak: ${done}/${total} sessions, ${rate.toFixed(0)}/min, stuck ${stuck}, brain kills ${kills} | ${parts.join(', ')}`;
}
