import { describe, expect, it } from 'vitest';
import { SAMPLE_SUMMARY } from '../session/fake-host.test-helper';
import type { ContributionRow } from './host-api';
import { BalanceSummary, ContributionHistory, LookupReply } from './host-api';

const row = (month: string): ContributionRow => ({
  month,
  depositDate: '2026-11-10',
  postingDate: '2026-11-12',
  wage: 5_000_000,
  arrears: 0,
  jhtEmployer: 185_000,
  jhtWorker: 100_000,
  jpEmployer: 100_000,
  jpWorker: 50_000,
});

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ path: unknown[] }> } }) =>
  result.success ? [] : result.error!.issues.map((issue) => issue.path.join('.'));

describe('host reply schemas refuse what no real statement holds', () => {
  it('a 10,000-character name, employer or branch office', () => {
    const long = 'A'.repeat(10_000);
    for (const field of ['name', 'employer', 'branchOffice'] as const) {
      const reply = {
        ...SAMPLE_SUMMARY,
        participant: { ...SAMPLE_SUMMARY.participant, [field]: long },
      };
      expect(issuesOf(BalanceSummary.safeParse(reply))).toEqual([`participant.${field}`]);
    }
  });

  it('an impossible date (2025-02-30, 2023-02-29), and accepts 2024-02-29', () => {
    for (const asOf of ['2025-02-30', '2023-02-29', '2026-04-31']) {
      const reply = { ...SAMPLE_SUMMARY, jht: { ...SAMPLE_SUMMARY.jht, asOf } };
      expect(issuesOf(BalanceSummary.safeParse(reply))).toEqual(['jht.asOf']);
    }
    const history = { rows: [{ ...row('2024-01'), depositDate: '2024-02-29' }] };
    expect(ContributionHistory.safeParse(history).success).toBe(true);
    const impossible = { rows: [{ ...row('2025-01'), postingDate: '2025-02-30' }] };
    expect(issuesOf(ContributionHistory.safeParse(impossible))).toEqual(['rows.0.postingDate']);
  });

  it('a JHT summary that does not add up', () => {
    const reply = {
      ...SAMPLE_SUMMARY,
      jht: { ...SAMPLE_SUMMARY.jht, closingBalance: SAMPLE_SUMMARY.jht.closingBalance + 1 },
    };
    expect(issuesOf(BalanceSummary.safeParse(reply))).toEqual(['jht.closingBalance']);
    expect(BalanceSummary.safeParse(SAMPLE_SUMMARY).success).toBe(true);
  });

  it('a month or a program listed twice, or a verification step asked twice', () => {
    const twice = { rows: [row('2026-10'), row('2026-09'), row('2026-10')] };
    expect(issuesOf(ContributionHistory.safeParse(twice))).toEqual(['rows.2']);
    const programs = [...SAMPLE_SUMMARY.programs.slice(0, 4), { program: 'JHT', covered: false }];
    expect(issuesOf(BalanceSummary.safeParse({ ...SAMPLE_SUMMARY, programs }))).toEqual([
      'programs.4',
    ]);
    expect(LookupReply.safeParse({ verification: ['birthDate', 'birthDate'] }).success).toBe(false);
  });

  it('more rows than the host may be asked for', () => {
    const rows = Array.from({ length: 121 }, (_, index) =>
      row(`${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`),
    );
    expect(issuesOf(ContributionHistory.safeParse({ rows }))).toEqual(['rows']);
    expect(ContributionHistory.safeParse({ rows: rows.slice(0, 120) }).success).toBe(true);
  });
});
