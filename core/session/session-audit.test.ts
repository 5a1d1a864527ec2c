import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../common/api';
import { JournalEntry, type JournalEntryInput } from '../journal/journal-entry';
import { SAMPLE_SUMMARY } from './fake-host.test-helper';
import { LockoutRegistry } from './lockout-registry';
import { settle, testBrain } from './test-brain.test-helper';

const KPJ = SAMPLE_SUMMARY.participant.kpj;

class RecordingSink {
  entries: JournalEntryInput[] = [];
  gate: Promise<void> = Promise.resolve();
  async record(entry: JournalEntryInput) {
    await this.gate;
    // The journal's own schema is the privacy guard: every record must pass it.
    JournalEntry.parse(entry);
    this.entries.push(entry);
  }
}

function makeBrain(sink: RecordingSink, requireOtp = false) {
  const brain = testBrain({
    audit: sink,
    lockouts: new LockoutRegistry(60_000),
    requireOtp,
  });
  let view!: SessionView;
  brain.subscribe((v) => (view = v));
  return { brain, view: () => view };
}

describe('session audit trail', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('journals a whole session with the KPJ last 4 digits only, and never a balance or name', async () => {
    const sink = new RecordingSink();
    const { brain } = makeBrain(sink);
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle(() => sink.entries.length);
    brain.send({ type: 'submitBirthDate', birthDate: '01-01-1990' });
    await settle(() => sink.entries.length);
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle(() => sink.entries.length);
    brain.send({ type: 'printReceipt' });
    await settle(() => sink.entries.length);
    brain.send({ type: 'enter' });
    brain.send({ type: 'answer', yes: false });
    await settle(() => sink.entries.length);

    expect(sink.entries.map((e) => e.type)).toEqual([
      'sessionStarted',
      'identified',
      'verificationResult',
      'verificationResult',
      'balanceDisplayed',
      'receiptPrinted',
      'sessionEnded',
    ]);
    expect(sink.entries[1]).toMatchObject({ data: { method: 'keypad', kpjLast4: '2128' } });
    expect(sink.entries[2]).toMatchObject({ data: { result: 'failed', attemptsLeft: 2 } });
    expect(sink.entries[5]).toMatchObject({
      data: { reference: 'KSK-TEST-01-0001', outcome: 'printed' },
    });
    expect(sink.entries[6]).toMatchObject({ data: { reason: 'finished' } });
    const ids = new Set(sink.entries.map((e) => (e.data as { sessionId?: string }).sessionId));
    expect(ids.size).toBe(1);
    const text = JSON.stringify(sink.entries);
    expect(text).not.toContain(KPJ);
    expect(text).not.toContain('44950000');
    expect(text).not.toContain('BUDI');
  });

  it('records why a session ended: time-out and cancel', async () => {
    const sink = new RecordingSink();
    const { brain } = makeBrain(sink);
    brain.send({ type: 'start' });
    await vi.advanceTimersByTimeAsync(61_000);
    // The time-out's record must be written before the next person starts.
    await settle(() => sink.entries.length);
    brain.send({ type: 'start' });
    brain.send({ type: 'cancel' });
    await settle(() => sink.entries.length);
    const ends = sink.entries
      .filter((e) => e.type === 'sessionEnded')
      .map((e) => (e.data as { reason: string }).reason);
    expect(ends).toEqual(['timeout', 'canceled']);
  });

  it('journals the receipt when the participant cancels while it prints (it may still come out)', async () => {
    const sink = new RecordingSink();
    const { brain, view } = makeBrain(sink);
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle(() => sink.entries.length);
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle(() => sink.entries.length);
    brain.send({ type: 'printReceipt' });
    expect(view().screen).toBe('printing');
    brain.send({ type: 'cancel' });
    await settle(() => sink.entries.length);

    expect(sink.entries.map((e) => e.type).slice(-2)).toEqual(['receiptPrinted', 'sessionEnded']);
    expect(sink.entries.at(-2)).toMatchObject({
      data: { reference: 'KSK-TEST-01-0001', outcome: 'canceled' },
    });
    expect(sink.entries.at(-1)).toMatchObject({ data: { reason: 'canceled' } });
  });

  it('shows the balance only after its audit record is durable', async () => {
    const sink = new RecordingSink();
    const { brain, view } = makeBrain(sink);
    brain.send({ type: 'start' });
    brain.send({ type: 'submitKpj', kpj: KPJ });
    await settle(() => sink.entries.length);
    let release!: () => void;
    sink.gate = new Promise((resolve) => (release = resolve));
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle(() => sink.entries.length);
    expect(view().screen).toBe('loading');
    release();
    await settle(() => sink.entries.length);
    expect(view().screen).toBe('balance');
  });
});
