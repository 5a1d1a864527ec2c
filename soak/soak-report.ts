import type { SoakReport } from './run-soak';

export interface MustHold {
  figure: string;
  value: number;
}

/** The figures that must be 0 for a soak to pass. */
export function mustBeZero(report: SoakReport): MustHold[] {
  return [
    { figure: 'stuck sessions', value: report.stuck },
    { figure: 'full KPJs found', value: report.privacy.fullKpj },
    { figure: 'birth dates found', value: report.privacy.birthDate },
    { figure: 'sessions missing from the journal', value: report.missingFromJournal },
    {
      figure: 'receipts printed but not journaled (or the reverse)',
      value: Math.abs(report.receipts.printed - report.receipts.journaled),
    },
    { figure: 'journal verification problems', value: report.journal.problems.length },
  ];
}

export const soakFailed = (report: SoakReport) => mustBeZero(report).some((m) => m.value !== 0);

const mb = (bytes: number | null) =>
  bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ') || 'none';

const rounded = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).map(([name, n]) => [name, Math.round(n)]));

/** The soak's report as printed lines. */
export function formatSoakReport(report: SoakReport): string[] {
  const { options, journal, receipts, rss } = report;
  const online = report.devicesAtEnd.filter((device) => device.state === 'online');
  const lines = [
    `soak: ${options.sessions} sessions, seed ${options.seed}, fault rate ${options.faultRate}${options.everyKind ? ', every kind' : ''}`,
    `  time ${(report.durationMs / 1000).toFixed(1)} s, ${report.sessionsPerMinute.toFixed(1)} sessions/minute`,
    `  sessions by outcome: ${counts(report.outcomes)}`,
    `  seconds by outcome: ${counts(rounded(report.secondsByOutcome))}`,
    `  faults injected: ${counts(report.faults)}; host restarts ${report.host.restarts}`,
    `  brain: ${report.brain.starts} starts, ${report.brain.kills} kill -9, ${report.brain.restartsToUnstick} restarts to unstick a session`,
    `  device input not taken (person typed instead): ${counts(report.ignoredInput)}; print not offered ${report.printUnavailable}`,
    `  actions with no answer in time: ${report.unanswered.length}${report.unanswered.length ? ` [${report.unanswered.slice(0, 10).join('; ')}]` : ''}`,
    `  stuck sessions (must be 0): ${report.stuck}${report.stuckOn.length ? ` [${report.stuckOn.slice(0, 10).join('; ')}]` : ''}`,
    `  full KPJs in logs, journal, receipts, last view (must be 0): ${report.privacy.fullKpj}`,
    `  birth dates in logs, journal, receipts, last view (must be 0): ${report.privacy.birthDate}${report.privacy.where.length ? ` [${report.privacy.where.join('; ')}]` : ''}`,
    `  sessions missing from the journal (must be 0): ${report.missingFromJournal} (${report.sessionsStarted} started on screen, ${journal.sessions} in the journal, ${journal.unended} journaled without an end)`,
    `  receipts printed ${receipts.printed} vs journaled ${receipts.journaled} (must match); taken on screen ${receipts.takenOnScreen}`,
    `  devices online at the end: ${online.length}/${report.devicesAtEnd.length}${online.length < report.devicesAtEnd.length ? ` (${report.devicesAtEnd.map((d) => `${d.name} ${d.state}`).join(', ')})` : ''}`,
    `  journal verified: ${journal.verified ? 'yes' : 'NO'} (${journal.records} records, ${journal.kioskStarts} kiosk starts)${journal.problems.length ? ` [${journal.problems.slice(0, 5).join('; ')}]` : ''}`,
    `  brain RSS first ${mb(rss.firstBytes)} (after session 1), last ${mb(rss.lastBytes)} (after ${rss.sessionsOnLastBrain} sessions on the last brain)`,
  ];
  if (report.invalidViewMessages)
    lines.push(`  view messages failing the schema: ${report.invalidViewMessages}`);
  if (report.dir) lines.push(`  kept: ${report.dir}`);
  const failing = mustBeZero(report).filter((m) => m.value !== 0);
  lines.push(
    failing.length
      ? `soak FAILED: ${failing.map((m) => `${m.figure} ${m.value}`).join(', ')}`
      : 'soak passed: every must-be-0 figure is 0',
  );
  return lines;
}
