import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../common/api';
import { JournalEntry, type JournalEntryInput } from '../journal/journal-entry';
import { SAMPLE_SUMMARY } from './fake-host.test-helper';
import type { KioskBrain } from './kiosk-brain';
import { LockoutRegistry } from './lockout-registry';
import { settle, testBrain } from './test-brain.test-helper';
import type { AuditSink } from './session-audit';
import { IN_SERVICE, type ServiceStatus, type ServiceStatusSource } from '../common/service-status';

const KPJ = SAMPLE_SUMMARY.participant.kpj;

/**
 * A journal whose disk fills up on demand, behaving as LazyJournalSink does: the failing write
 * rejects and turns it unwritable (listeners told); while unwritable every record fails at once.
 */
class FillingJournal implements AuditSink {
  entries: JournalEntryInput[] = [];
  /** The next write of this record type finds the disk full. */
  failOn: JournalEntryInput['type'] | null = null;
  private ok = true;
  private readonly listeners = new Set<(writable: boolean) => void>();

  async record(entry: JournalEntryInput) {
    if (!this.ok) throw new Error('journal cannot be written');
    if (entry.type === this.failOn) {
      this.set(false);
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }
    JournalEntry.parse(entry);
    this.entries.push(entry);
  }

  writable() {
    return this.ok;
  }

  onWritableChange(listener: (writable: boolean) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(writable: boolean) {
    this.ok = writable;
    for (const listener of this.listeners) listener(writable);
  }
}

function makeBrain(journal: FillingJournal) {
  const brain = testBrain({
    audit: journal,
    lockouts: new LockoutRegistry(60_000),
  });
  const views: SessionView[] = [];
  brain.subscribe((v) => views.push(v));
  return { brain, views, view: () => views.at(-1)! };
}

async function toBirthDate(brain: KioskBrain) {
  brain.send({ type: 'start' });
  brain.send({ type: 'submitKpj', kpj: KPJ });
  await settle();
}

describe('out of service while the journal cannot be written', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never shows a balance whose viewing could not be journaled, and ends the session', async () => {
    const journal = new FillingJournal();
    const { brain, views, view } = makeBrain(journal);
    await toBirthDate(brain);
    journal.failOn = 'balanceDisplayed';
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle();

    expect(views.some((v) => v.screen === 'balance' || v.balance !== null)).toBe(false);
    expect(view().screen).toBe('outOfService');
    expect(JSON.stringify(view())).not.toContain('44950000');
    expect(view().entry).toBeNull();
  });

  it('starts no session while out of service and serves again once the journal can be written', async () => {
    const journal = new FillingJournal();
    const { brain, view } = makeBrain(journal);
    journal.set(false);
    expect(view().screen).toBe('outOfService');
    brain.send({ type: 'start' });
    brain.send({ type: 'enter' });
    brain.dispatch({ type: 'kpjCaptured', kpj: KPJ, method: 'card' });
    await settle();
    expect(view().screen).toBe('outOfService');
    expect(journal.entries).toEqual([]);

    journal.set(true);
    expect(view().screen).toBe('attract');
    brain.send({ type: 'start' });
    await settle();
    expect(view().screen).toBe('enterKpj');
  });

  it('ends a session in progress when the journal fails for any other record', async () => {
    const journal = new FillingJournal();
    const { brain, view } = makeBrain(journal);
    await toBirthDate(brain);
    expect(view().screen).toBe('enterBirthDate');
    journal.set(false); // e.g. a device fault record found the disk full
    await settle();
    expect(view().screen).toBe('outOfService');
    journal.set(true);
    expect(view().screen).toBe('attract');
  });
});

/** A service status the test sets by hand, as the monitor would from the host or a device. */
class HandSetService implements ServiceStatusSource {
  private current: ServiceStatus = IN_SERVICE;
  private readonly listeners = new Set<(s: ServiceStatus) => void>();
  status() {
    return this.current;
  }
  onChange(listener: (s: ServiceStatus) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(reasons: ServiceStatus['reasons']) {
    this.current = reasons.length
      ? { inService: false, reasons, since: new Date().toISOString(), devicesDown: [] }
      : IN_SERVICE;
    for (const listener of this.listeners) listener(this.current);
  }
}

describe('out of service when the host or a required device is gone', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function serviceBrain() {
    const service = new HandSetService();
    const journal = new FillingJournal();
    const brain = testBrain({ service, audit: journal, lockouts: new LockoutRegistry(60_000) });
    const views: SessionView[] = [];
    brain.subscribe((v) => views.push(v));
    return { brain, service, journal, view: () => views.at(-1)! };
  }

  it('shows out of service at rest, starts nothing, and serves again by itself', async () => {
    const { brain, service, view } = serviceBrain();
    service.set(['hostUnreachable']);
    expect(view().screen).toBe('outOfService');
    brain.send({ type: 'start' });
    brain.dispatch({ type: 'kpjCaptured', kpj: KPJ, method: 'scanner' });
    await settle();
    expect(view().screen).toBe('outOfService');
    service.set([]);
    expect(view().screen).toBe('attract');
    brain.send({ type: 'start' });
    await settle();
    expect(view().screen).toBe('enterKpj');
  });

  it('greets the next person in the kiosk language once back, whatever was chosen while out', async () => {
    const { brain, service, view } = serviceBrain();
    service.set(['hostUnreachable']);
    brain.send({ type: 'chooseLanguage', language: 'en' });
    brain.send({ type: 'voice', command: 'on' });
    expect(view()).toMatchObject({ screen: 'outOfService', language: 'en' });
    service.set([]);
    expect(view()).toMatchObject({ screen: 'attract', language: 'id' });
    expect(view().voice.on).toBe(false);
  });

  it('ends a visit not yet served with a word, journaled, then rests out of service', async () => {
    const { brain, service, journal, view } = serviceBrain();
    await toBirthDate(brain);
    brain.send({ type: 'digit', digit: '2' });
    service.set(['requiredDeviceDown']);
    await settle();
    expect(view()).toMatchObject({ screen: 'error', error: { code: 'outOfService' } });
    // What was typed is gone with the visit; Enter cannot lead to another try while out.
    expect(view().entry).toBeNull();
    brain.send({ type: 'enter' });
    await settle();
    // The thank-you shows to its end; then the start screen says out of service.
    expect(view().screen).toBe('thankYou');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view().screen).toBe('outOfService');
    expect(journal.entries.at(-1)).toMatchObject({
      type: 'sessionEnded',
      data: { reason: 'error' },
    });
  });

  it('lets a person already served finish what is on screen', async () => {
    const { brain, service, view } = serviceBrain();
    await toBirthDate(brain);
    brain.send({ type: 'submitBirthDate', birthDate: '29-02-1992' });
    await settle();
    expect(view().screen).toBe('balance');
    service.set(['hostUnreachable']);
    await settle();
    expect(view().screen).toBe('balance');
    expect(view().balance).not.toBeNull();
    brain.send({ type: 'finish' });
    await settle();
    expect(view().screen).toBe('thankYou');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(view().screen).toBe('outOfService');
  });
});
