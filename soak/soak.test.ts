import { describe, expect, it } from 'vitest';
import { runSoak } from './run-soak';
import { formatSoakReport, mustBeZero } from './soak-report';
import { FAULT_KINDS } from './soak-plan';

/**
 * A short soak with every fault and session kind, so `npm run soak` cannot rot: 15 sessions
 * through the real bridge, host and device simulators (about 45 s: one session waits out the
 * 21 s idle timeout, one brain is killed and restarted).
 */
describe('soak', () => {
  it('15 sessions with every fault kind: nothing stuck, nothing personal written, every session and receipt journaled', async () => {
    const report = await runSoak({ sessions: 15, seed: 3, everyKind: true, progressEvery: 0 });
    console.log(formatSoakReport(report).join('\n'));

    for (const kind of FAULT_KINDS) expect(report.faults[kind], kind).toBeGreaterThan(0);
    expect(report.brain.kills).toBe(1);
    expect(report.outcomes.interrupted).toBe(1);
    expect(report.outcomes.timedOut).toBe(1);
    expect(report.sessionsStarted).toBe(15);
    for (const { figure, value } of mustBeZero(report)) expect(value, figure).toBe(0);
    expect(report.receipts.printed).toBeGreaterThan(0);
    expect(report.journal.verified).toBe(true);
    expect(report.devicesAtEnd.map((device) => `${device.name} ${device.state}`).sort()).toEqual(
      report.devicesSimulated.map((name) => `${name} online`).sort(),
    );
  }, 120_000);
});
