import type * as Crypto from 'node:crypto';
import { randomUUID as realRandomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import { JournalEntry, personalDataProblem } from '../journal/journal-entry';
import { newReceiptReference } from '../receipt/receipt-reference';
import { SessionAuditor } from './session-audit';
import type { SessionFact } from './session-facts';

/** The random source of session IDs: the property picks the next UUIDs drawn. */
const draws: string[] = [];
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return { ...original, randomUUID: () => draws.shift() ?? original.randomUUID() };
});

/** Every record one whole session (with a printed receipt) gives the journal. */
function sessionRecords(receiptReference: string) {
  const facts: SessionFact[] = [
    { type: 'visitStarted' },
    { type: 'identified', data: { method: 'keypad', kpjLast4: '2128' } },
    { type: 'verificationResult', data: { result: 'success' } },
    { type: 'balanceDisplayed', data: { shown: true } },
    { type: 'receiptPrinted', data: { reference: receiptReference, outcome: 'printed' } },
    { type: 'visitEnded', reason: 'finished' },
  ];
  return new SessionAuditor().entriesFor(facts);
}

/** Terminal IDs the config accepts and the journal can carry (else it never opens). */
const terminalId = fc
  .stringMatching(/^[A-Z0-9-]{3,20}$/)
  .filter((id) => /[A-Z0-9]/.test(id) && !personalDataProblem(id));

const refused = (records: ReturnType<typeof sessionRecords>) =>
  records.filter((record) => !JournalEntry.safeParse(record).success);

describe('journal IDs never look like personal data (property)', () => {
  it('journals every record of a session, whatever UUIDs the random source draws', () => {
    const counts = { sessions: 0, digitHeavyDraws: 0, refused: 0 };
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        counts.sessions += 1;
        if (personalDataProblem(uuid)) counts.digitHeavyDraws += 1;
        draws.splice(0, draws.length, uuid);
        const records = sessionRecords('KSK01-20261122-0042');
        counts.refused += refused(records).length;
        expect(refused(records)).toEqual([]);
        expect(records).toHaveLength(6);
      }),
      fuzzParameters({
        // 12 digits in the last group, as about 1 UUID in 125 has 11+ digits somewhere.
        examples: [
          ['00000000-0000-4000-8000-000000000000'],
          ['5f3c2a9e-5b1d-4e8a-9c61-012345678901'],
        ],
      }),
    );
    reportFuzzCounts('session ids', counts);
  });

  it('journals every receipt reference the kiosk can print', () => {
    const counts = { references: 0, refused: 0 };
    fc.assert(
      fc.property(
        terminalId,
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 9999 }),
        (terminal, at, seq) => {
          counts.references += 1;
          draws.splice(0, draws.length, realRandomUUID());
          const records = sessionRecords(newReceiptReference(terminal, at, seq));
          counts.refused += refused(records).length;
          expect(refused(records)).toEqual([]);
        },
      ),
      fuzzParameters({
        examples: [
          ['1234567890-1', new Date('2026-11-22T03:00:00Z'), 42],
          ['KSK-0123456-7890', new Date('2026-11-22T03:00:00Z'), 9999],
          ['R-P0-A', new Date('2000-01-01T00:00:00Z'), 0],
        ],
      }),
    );
    reportFuzzCounts('receipt references', counts);
  });
});
