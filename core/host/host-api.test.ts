import { describe, expect, it } from 'vitest';
import { SAMPLE_SUMMARY, sampleContributionRow } from '../session/fake-host.test-helper';
import { BalanceSummary, ContributionHistory, LookupReply } from './host-api';

const row = (month: string) => sampleContributionRow(month, '12');

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

  it.each(['0000-01-01', '9999-12-31', '1976-12-31', '2101-01-01'])(
    'a statement date of %s: years 1977 to 2100 only',
    (asOf) => {
      const reply = { ...SAMPLE_SUMMARY, jht: { ...SAMPLE_SUMMARY.jht, asOf } };
      expect(issuesOf(BalanceSummary.safeParse(reply))).toEqual(['jht.asOf']);
    },
  );

  it('a membership start or last contribution month outside 1977 to 2100, and takes the edges', () => {
    const withMonths = (membershipStart: string, lastContributionMonth: string | null) => ({
      ...SAMPLE_SUMMARY,
      participant: { ...SAMPLE_SUMMARY.participant, membershipStart, lastContributionMonth },
    });
    expect(issuesOf(BalanceSummary.safeParse(withMonths('0000-01', '2026-10')))).toEqual([
      'participant.membershipStart',
    ]);
    expect(issuesOf(BalanceSummary.safeParse(withMonths('2015-04', '9999-12')))).toEqual([
      'participant.lastContributionMonth',
    ]);
    expect(BalanceSummary.safeParse(withMonths('1977-01', '2100-12')).success).toBe(true);
    const farMonth = { rows: [{ ...row('1970-01'), depositDate: '1977-01-10' }] };
    expect(issuesOf(ContributionHistory.safeParse(farMonth))).toContain('rows.0.month');
  });

  it('a deposit or posting date absurd for its month: 12 months ahead to 5 years late only', () => {
    const history = (depositDate: string, postingDate: string) => ({
      rows: [{ ...row('2024-01'), depositDate, postingDate }],
    });
    expect(issuesOf(ContributionHistory.safeParse(history('1977-01-01', '2024-02-12')))).toEqual([
      'rows.0.depositDate',
    ]);
    expect(issuesOf(ContributionHistory.safeParse(history('2024-02-10', '2099-01-11')))).toEqual([
      'rows.0.postingDate',
    ]);
    expect(issuesOf(ContributionHistory.safeParse(history('2022-12-31', '2029-02-01')))).toEqual([
      'rows.0.depositDate',
      'rows.0.postingDate',
    ]);
    // A worker outside payroll pays a year ahead; arrears (rapel) come years late.
    expect(ContributionHistory.safeParse(history('2023-01-01', '2029-01-31')).success).toBe(true);
    const leap = {
      rows: [{ ...row('2024-02'), depositDate: '2029-02-28', postingDate: '2029-02-28' }],
    };
    expect(ContributionHistory.safeParse(leap).success).toBe(true);
  });

  it.each([
    ['only spaces', '   '],
    ['a right-to-left override', 'BUDI \u202eOTNAS'],
    ['a bell', 'BUDI\u0007'],
    ['an escape sequence', '\u001b[2JBUDI'],
    ['a line break', 'BUDI\nSANTOSO'],
    ['a bidi isolate', '\u2067BUDI\u2069'],
    ['a C1 control', 'BUDI\u009bSANTOSO'],
  ])('a name, employer or branch office with %s', (_what, text) => {
    for (const field of ['name', 'employer', 'branchOffice'] as const) {
      const reply = {
        ...SAMPLE_SUMMARY,
        participant: { ...SAMPLE_SUMMARY.participant, [field]: text },
      };
      expect(issuesOf(BalanceSummary.safeParse(reply))).toEqual([`participant.${field}`]);
    }
  });

  it('keeps a name trimmed, and accepts the letters real names have', () => {
    const names = ['  SITI RAHAYU ', 'Ni Luh Putu Ayu', "O'NEIL", 'Muhammad Rizky Al-Fatih, S.T.'];
    const parsed = names.map(
      (name) =>
        BalanceSummary.parse({
          ...SAMPLE_SUMMARY,
          participant: { ...SAMPLE_SUMMARY.participant, name },
        }).participant.name,
    );
    expect(parsed).toEqual([
      'SITI RAHAYU',
      'Ni Luh Putu Ayu',
      "O'NEIL",
      'Muhammad Rizky Al-Fatih, S.T.',
    ]);
  });
});
