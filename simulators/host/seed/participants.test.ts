import { describe, expect, it } from 'vitest';
import { BalanceSummary, ContributionRow } from '../../../core/host/host-api';
import {
  JHT_EMPLOYER_RATE,
  JHT_WORKER_RATE,
  jpWageCap,
} from '../../../core/common/domain/contribution-rates';
import { JP_START_MONTH } from './generate-participant';
import { monthIndex } from './months';
import { FIXTURES, PARTICIPANTS, seedParticipants, UNKNOWN_KPJ } from './participants';

describe('seeded participants', () => {
  it('are the same on every run', () => {
    expect(JSON.stringify(seedParticipants())).toBe(JSON.stringify(PARTICIPANTS));
  });

  it('are at least 25, unique by KPJ, with 11-digit KPJs and a mix of active and inactive', () => {
    expect(PARTICIPANTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(PARTICIPANTS.map((p) => p.kpj)).size).toBe(PARTICIPANTS.length);
    for (const p of PARTICIPANTS) expect(p.kpj).toMatch(/^\d{11}$/);
    const inactive = PARTICIPANTS.filter((p) => p.status === 'inactive').length;
    expect(inactive).toBeGreaterThanOrEqual(5);
    expect(PARTICIPANTS.length - inactive).toBeGreaterThanOrEqual(10);
  });

  it('have several employers (PT and CV) and branch offices, one-word and long names', () => {
    const employers = new Set(PARTICIPANTS.map((p) => p.employer));
    expect(employers.size).toBeGreaterThanOrEqual(6);
    expect([...employers].some((e) => e.startsWith('PT '))).toBe(true);
    expect([...employers].some((e) => e.startsWith('CV '))).toBe(true);
    expect(new Set(PARTICIPANTS.map((p) => p.branchOffice)).size).toBeGreaterThanOrEqual(5);
    expect(PARTICIPANTS.some((p) => !p.name.includes(' '))).toBe(true);
    expect(PARTICIPANTS.some((p) => p.name.split(' ').length >= 5)).toBe(true);
  });

  it('span 1 to 20 years, from the UMR wage to above the JP cap, some with gaps', () => {
    const spans = PARTICIPANTS.map(
      (p) => monthIndex(p.rows[0]!.month) - monthIndex(p.rows[p.rows.length - 1]!.month) + 1,
    );
    expect(Math.min(...spans)).toBeLessThanOrEqual(12);
    expect(Math.max(...spans)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...spans)).toBeLessThanOrEqual(240);
    const wages = PARTICIPANTS.map((p) => p.summary.participant.currentWage);
    expect(wages).toContain(2_200_000);
    expect(wages.some((w) => w > jpWageCap('2026-10'))).toBe(true);
    const withGaps = PARTICIPANTS.filter((p, i) => p.rows.length < spans[i]!);
    expect(withGaps.length).toBeGreaterThanOrEqual(3);
  });

  it('have rows computed from the real contribution rates, JP capped and only from July 2015', () => {
    for (const p of PARTICIPANTS) {
      for (const row of p.rows) {
        ContributionRow.parse(row);
        expect(row.jhtEmployer).toBe(Math.round(row.wage * JHT_EMPLOYER_RATE));
        expect(row.jhtWorker).toBe(Math.round(row.wage * JHT_WORKER_RATE));
        const jpWage = Math.min(row.wage, jpWageCap(row.month));
        expect(row.jpEmployer).toBe(row.month >= JP_START_MONTH ? Math.round(jpWage * 0.02) : 0);
        expect(row.jpWorker).toBe(row.month >= JP_START_MONTH ? Math.round(jpWage * 0.01) : 0);
        expect(row.depositDate > row.month).toBe(true);
        expect(row.postingDate >= row.depositDate).toBe(true);
      }
      const months = p.rows.map((row) => monthIndex(row.month));
      expect(months).toEqual([...months].sort((a, b) => b - a)); // newest first
    }
  });

  it('have a JHT statement consistent with the rows and yearly returns of 5-6.5%', () => {
    for (const p of PARTICIPANTS) {
      const summary = BalanceSummary.parse(p.summary);
      const { jht } = summary;
      const thisYear = p.rows.filter((row) => row.month.startsWith(jht.asOf.slice(0, 4)));
      expect(jht.employerContributions).toBe(thisYear.reduce((s, r) => s + r.jhtEmployer, 0));
      expect(jht.workerContributions).toBe(thisYear.reduce((s, r) => s + r.jhtWorker, 0));
      expect(jht.closingBalance).toBe(
        jht.openingBalance +
          jht.employerContributions +
          jht.workerContributions +
          jht.developmentReturns,
      );
      const allJht = p.rows.reduce((s, r) => s + r.jhtEmployer + r.jhtWorker, 0);
      const allReturns = p.jhtYears.reduce((s, y) => s + y.developmentReturns, 0);
      expect(jht.closingBalance).toBe(allJht + allReturns);
      for (const year of p.jhtYears) {
        expect(year.rate).toBeGreaterThanOrEqual(0.05);
        expect(year.rate).toBeLessThanOrEqual(0.065);
        // A full year's returns are at least the opening balance's share and at most a year's rate on everything.
        if (year.year < 2026) {
          expect(year.developmentReturns).toBeGreaterThanOrEqual(
            Math.floor(year.openingBalance * year.rate),
          );
          expect(year.developmentReturns).toBeLessThanOrEqual(
            Math.ceil(
              (year.openingBalance + year.employerContributions + year.workerContributions) *
                year.rate,
            ),
          );
        }
      }
    }
  });

  it('cover JKK/JKM/JKP only while active, and count JP months from the rows', () => {
    for (const p of PARTICIPANTS) {
      const byProgram = new Map(p.summary.programs.map((c) => [c.program, c]));
      for (const program of ['JKK', 'JKM', 'JKP'] as const) {
        expect(byProgram.get(program)!.covered).toBe(p.status === 'active');
      }
      const jpRows = p.rows.filter((r) => r.jpEmployer > 0);
      expect(byProgram.get('JP')!.contributionMonths).toBe(jpRows.length);
      expect(byProgram.get('JP')!.balance).toBe(
        jpRows.reduce((s, r) => s + r.jpEmployer + r.jpWorker, 0),
      );
      if (p.status === 'active')
        expect(p.summary.participant.lastContributionMonth).toBe('2026-10');
      else expect(p.summary.participant.lastContributionMonth! < '2026-10').toBe(true);
    }
  });

  it('have plausible ages: at least 17 when they joined', () => {
    for (const p of PARTICIPANTS) {
      const age = p.summary.participant.age;
      const yearsMember = 2026 - Number(p.membershipStart.slice(0, 4));
      expect(age - yearsMember).toBeGreaterThanOrEqual(17);
      expect(age).toBeLessThanOrEqual(60);
    }
  });
});

describe('FIXTURES', () => {
  // These literals are the table in simulators/host/README.md: change both together.
  it('match the documented table', () => {
    const { unknownKpj, ...named } = FIXTURES;
    expect(unknownKpj).toBe(UNKNOWN_KPJ);
    expect(
      Object.fromEntries(
        Object.entries(named).map(([key, f]) => [
          key,
          [f.kpj, f.birthDate, f.name, f.status, f.closingBalance],
        ]),
      ),
    ).toEqual({
      active: ['17054312128', '17-08-1988', 'SITI RAHAYU', 'active', 33_146_852],
      inactive: ['12063340517', '05-03-1979', 'AGUS SETIAWAN', 'inactive', 35_953_250],
      highWage: ['06021187734', '30-11-1975', 'RADEN MAS ARYA WIRAATMAJA', 'active', 314_580_570],
      singleName: ['23098812345', '14-06-1972', 'SUPARMAN', 'active', 4_001_708],
      longName: [
        '25117760043',
        '09-02-2001',
        'I GUSTI NGURAH PUTU WIRAWAN ADNYANA',
        'active',
        1_261_638,
      ],
      withGaps: ['20087725519', '22-12-1993', 'DEWI PURNAMASARI', 'active', 13_770_394],
      otpByHost: ['19076654321', '10-04-1985', 'YOHANES BAPTISTA SIREGAR', 'active', 28_693_567],
      secondKpj: ['24110978305', '05-03-1979', 'AGUS SETIAWAN', 'active', 5_713_505],
    });
  });

  it('are what their names promise', () => {
    const find = (kpj: string) => PARTICIPANTS.find((p) => p.kpj === kpj)!;
    expect(find(FIXTURES.highWage.kpj).summary.participant.currentWage).toBeGreaterThan(
      jpWageCap('2026-10'),
    );
    expect(find(FIXTURES.inactive.kpj).status).toBe('inactive');
    expect(find(FIXTURES.singleName.kpj).name).not.toContain(' ');
    const gaps = find(FIXTURES.withGaps.kpj);
    const span = monthIndex(gaps.rows[0]!.month) - monthIndex(gaps.rows.at(-1)!.month) + 1;
    expect(gaps.rows.length).toBeLessThan(span);
    expect(PARTICIPANTS.some((p) => p.kpj === UNKNOWN_KPJ)).toBe(false);
    // One person, a KPJ per employer: the second began after the first stopped.
    const [first, second] = [find(FIXTURES.inactive.kpj), find(FIXTURES.secondKpj.kpj)];
    expect([second.name, second.birthDate]).toEqual([first.name, first.birthDate]);
    expect(second.employer).not.toBe(first.employer);
    expect(second.membershipStart > first.summary.participant.lastContributionMonth!).toBe(true);
    expect(UNKNOWN_KPJ).toMatch(/^\d{11}$/);
  });
});
