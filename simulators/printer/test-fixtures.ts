import type { BalanceSummary } from '../../core/host/host-api';
import { composeBalanceReceipt } from '../../core/receipt/compose-balance-receipt';
import { job, type PrintJob } from '../../devices/printer/print-job';

/** A participant for tests; the KPJ is made up. */
export const SAMPLE_SUMMARY: BalanceSummary = {
  participant: {
    name: 'BUDI SANTOSO WIBOWO',
    kpj: '12345672128',
    membershipStatus: 'active',
    employer: 'PT Maju Bersama',
    branchOffice: 'Jakarta Menara Jamsostek',
    membershipStart: '2015-03',
    lastContributionMonth: '2026-10',
    currentWage: 5_000_000,
    age: 35,
  },
  jht: {
    asOf: '2026-10-31',
    openingBalance: 45_000_000,
    employerContributions: 2_220_000,
    workerContributions: 1_200_000,
    developmentReturns: 2_450_000,
    closingBalance: 50_870_000,
  },
  programs: [{ program: 'JHT', covered: true }],
};

/** A job long enough that slow devices and mid-job faults have something to chew on. */
export function longJob(lines = 40): PrintJob {
  return {
    name: 'long',
    elements: [
      ...Array.from({ length: lines }, (_, i) => job.text(`Baris ${i + 1}`)),
      job.qr('REF-LONG'),
      job.cut(),
    ],
  };
}

/** SAMPLE_SUMMARY's balance receipt, as the kiosk at KSK01 composes it. */
export const sampleBalanceReceipt = (columns = 42): PrintJob =>
  composeBalanceReceipt({
    summary: SAMPLE_SUMMARY,
    terminalId: 'KSK01',
    reference: 'KSK01-20261122-0042',
    printedAt: new Date('2026-11-22T07:05:00Z'),
    language: 'id',
    columns,
  });
