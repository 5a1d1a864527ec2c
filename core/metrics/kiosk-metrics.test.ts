import { describe, expect, it } from 'vitest';
import { HostError } from '../host/host-client';
import type { JournalEntryInput } from '../journal/journal-entry';
import type { AuditSink } from '../session/session-audit';
import { FakeHost } from '../session/fake-host.test-helper';
import type { DeviceState } from '../../devices/common/device';
import type { PaperState } from '../../devices/printer/printer-types';
import { tapAudit } from './audit-tap';
import { FakeService } from './fake-service.test-helper';
import { parseExposition, sampleValue, type Sample } from './exposition.test-helper';
import { withHostMetrics } from './host-metrics';
import { KioskMetrics } from './kiosk-metrics';

/** A clock the test moves by hand. */
function manualClock(start = '2026-12-01T08:00:00.000Z') {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms), ms: () => at };
}

function kioskMetrics(clock = manualClock()) {
  return new KioskMetrics({
    terminalId: 'KSK-JKT-07',
    version: '1.2.3',
    profile: 'kiosk',
    now: clock.now,
  });
}

const scrape = async (metrics: KioskMetrics): Promise<Sample[]> =>
  parseExposition(await metrics.text());

describe('KioskMetrics: what the brain journals', () => {
  it('counts sessions, identification, verification and receipts by their closed values', async () => {
    const metrics = kioskMetrics();
    const entries: JournalEntryInput[] = [
      { type: 'sessionStarted', data: { sessionId: 's1' } },
      { type: 'identified', data: { sessionId: 's1', method: 'card', kpjLast4: '2128' } },
      { type: 'verificationResult', data: { sessionId: 's1', result: 'failed', attemptsLeft: 2 } },
      { type: 'verificationResult', data: { sessionId: 's1', result: 'success' } },
      { type: 'receiptPrinted', data: { sessionId: 's1', reference: 'R-1', outcome: 'paperOut' } },
      { type: 'sessionEnded', data: { sessionId: 's1', reason: 'finished' } },
      { type: 'sessionStarted', data: { sessionId: 's2' } },
      { type: 'sessionEnded', data: { sessionId: 's2', reason: 'timeout' } },
      { type: 'cardRetained', data: { sessionId: 's2', reason: 'notTaken' } },
      { type: 'kioskStarted', data: { version: '1.2.3' } },
    ];
    for (const entry of entries) metrics.recordEntry(entry);
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'bpjs_kiosk_sessions_started_total')).toBe(2);
    expect(sampleValue(samples, 'bpjs_kiosk_sessions_ended_total', { reason: 'finished' })).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_sessions_ended_total', { reason: 'timeout' })).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_sessions_ended_total', { reason: 'locked' })).toBe(0);
    expect(sampleValue(samples, 'bpjs_kiosk_identifications_total', { method: 'card' })).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_identifications_total', { method: 'keypad' })).toBe(0);
    expect(sampleValue(samples, 'bpjs_kiosk_verifications_total', { result: 'failed' })).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_verifications_total', { result: 'success' })).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_receipts_total', { outcome: 'paperOut' })).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_receipts_total', { outcome: 'printed' })).toBe(0);
    expect(sampleValue(samples, 'bpjs_kiosk_cards_retained_total', { reason: 'notTaken' })).toBe(1);
  });

  it('turns a value outside its closed list into `other`, never the value itself', async () => {
    const metrics = kioskMetrics();
    metrics.recordEntry({
      type: 'sessionEnded',
      data: { sessionId: 's1', reason: '12345672128' as 'finished' },
    });
    const text = await metrics.text();
    expect(text).not.toContain('12345672128');
    expect(
      sampleValue(parseExposition(text), 'bpjs_kiosk_sessions_ended_total', { reason: 'other' }),
    ).toBe(1);
  });

  it('labels every series with the terminal and says the version and profile', async () => {
    const samples = await scrape(kioskMetrics());
    expect(samples.length).toBeGreaterThan(20);
    expect(samples.filter((sample) => sample.labels.terminal !== 'KSK-JKT-07')).toEqual([]);
    expect(
      sampleValue(samples, 'bpjs_kiosk_build_info', { version: '1.2.3', profile: 'kiosk' }),
    ).toBe(1);
  });

  it('reports uptime from its own clock', async () => {
    const clock = manualClock();
    const metrics = kioskMetrics(clock);
    clock.advance(90_500);
    expect(sampleValue(await scrape(metrics), 'bpjs_kiosk_uptime_seconds')).toBe(90.5);
  });
});

describe('KioskMetrics: host calls (withHostMetrics)', () => {
  it('counts calls, errors by kind and times balance calls; a canceled call is no error', async () => {
    const metrics = kioskMetrics();
    let clockMs = 0;
    const fake = new FakeHost();
    const slowBalance = fake.balance.bind(fake);
    fake.balance = async () => {
      clockMs += 300;
      return slowBalance();
    };
    const host = withHostMetrics(fake, metrics, () => clockMs);

    await host.balance('token');
    fake.failNext = { kind: 'timeout' };
    await expect(host.balance('token')).rejects.toBeInstanceOf(HostError);
    await expect(host.lookup('00000000000')).rejects.toThrow('notFound');
    const canceled = new AbortController();
    canceled.abort();
    fake.failNext = { kind: 'timeout' };
    await expect(host.lookup('12345672128', canceled.signal)).rejects.toThrow();
    fake.ping = async () => {
      throw new Error('a bug, not a HostError');
    };
    await expect(host.ping()).rejects.toThrow('a bug');

    const samples = await scrape(metrics);
    const errors = (labels: Record<string, string>) =>
      sampleValue(samples, 'bpjs_kiosk_host_errors_total', labels);
    expect(sampleValue(samples, 'bpjs_kiosk_host_calls_total', { operation: 'balance' })).toBe(2);
    expect(sampleValue(samples, 'bpjs_kiosk_host_calls_total', { operation: 'lookup' })).toBe(2);
    expect(
      sampleValue(samples, 'bpjs_kiosk_host_calls_total', { operation: 'contributions' }),
    ).toBe(0);
    expect(errors({ operation: 'balance', kind: 'timeout' })).toBe(1);
    expect(errors({ operation: 'lookup', kind: 'notFound' })).toBe(1);
    expect(errors({ operation: 'lookup', kind: 'timeout' })).toBeUndefined(); // canceled
    expect(errors({ operation: 'ping', kind: 'other' })).toBe(1);
    const bucket = (le: string, outcome: string) =>
      sampleValue(samples, 'bpjs_kiosk_host_balance_duration_seconds_bucket', { le, outcome });
    expect(bucket('0.25', 'ok')).toBe(0);
    expect(bucket('0.5', 'ok')).toBe(1);
    expect(bucket('0.25', 'failed')).toBe(0);
    expect(bucket('0.5', 'failed')).toBe(1);
    expect(bucket('+Inf', 'ok')).toBe(1);
    expect(
      sampleValue(samples, 'bpjs_kiosk_host_balance_duration_seconds_sum', { outcome: 'ok' }),
    ).toBeCloseTo(0.3);
  });

  it('passes arguments and replies through unchanged', async () => {
    const fake = new FakeHost();
    const host = withHostMetrics(fake, kioskMetrics());
    expect(await host.lookup('12345672128')).toEqual({ verification: ['birthDate'] });
    await host.sendJournalAnchor({ seq: 3, hash: 'a'.repeat(64), at: '2026-12-01T08:00:00Z' });
    expect(fake.anchors).toEqual([{ seq: 3, hash: 'a'.repeat(64), at: '2026-12-01T08:00:00Z' }]);
  });
});

describe('KioskMetrics: gauges read at each scrape', () => {
  function fakeDevices() {
    const states: Record<string, DeviceState> = { printer: 'online', cardReader: 'noDevice' };
    const paper: { paper: PaperState } = { paper: 'low' };
    return {
      states,
      paper,
      source: {
        snapshots: () => [
          {
            name: 'printer' as const,
            deviceClass: 'receiptPrinter' as const,
            state: states.printer!,
          },
          {
            name: 'cardReader' as const,
            deviceClass: 'cardReader' as const,
            state: states.cardReader!,
          },
        ],
        printer: { status: () => paper },
      },
    };
  }

  it('device state: 1 for the state each device is in now, 0 for the others; paper likewise', async () => {
    const metrics = kioskMetrics();
    const devices = fakeDevices();
    metrics.watchDevices(devices.source);
    let samples = await scrape(metrics);
    const state = (device: string, deviceClass: string, value: string) =>
      sampleValue(samples, 'bpjs_kiosk_device_state', { device, class: deviceClass, state: value });
    expect(state('printer', 'receiptPrinter', 'online')).toBe(1);
    expect(state('printer', 'receiptPrinter', 'offline')).toBe(0);
    expect(state('cardReader', 'cardReader', 'noDevice')).toBe(1);
    expect(state('cardReader', 'cardReader', 'online')).toBe(0);
    expect(sampleValue(samples, 'bpjs_kiosk_printer_paper', { state: 'low' })).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_printer_paper', { state: 'out' })).toBe(0);

    devices.states.printer = 'hardwareError';
    devices.paper.paper = 'out';
    samples = await scrape(metrics);
    expect(state('printer', 'receiptPrinter', 'online')).toBe(0);
    expect(state('printer', 'receiptPrinter', 'hardwareError')).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_printer_paper', { state: 'out' })).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_printer_paper', { state: 'low' })).toBe(0);
  });

  it('journal head, bytes, writable and refused records, and the anchor age', async () => {
    const clock = manualClock();
    const metrics = kioskMetrics(clock);
    const journal = {
      headSeq: 0,
      writable: true,
      head() {
        return this.headSeq ? { seq: this.headSeq } : null;
      },
      status: () => ({ totalBytes: 4096, capBytes: 512 * 1024 * 1024 }),
      isWritable() {
        return this.writable;
      },
    };
    const anchored: { seq: number; at: Date } = { seq: 0, at: new Date(0) };
    metrics.watchJournal({
      head: () => journal.head(),
      status: journal.status,
      writable: () => journal.isWritable(),
      healthInfo: () => ({ refusedRecords: 1 }),
    });
    metrics.watchAnchoring(
      {
        lastSent: () => (anchored.seq ? { seq: anchored.seq } : null),
        lastAnchoredAt: () => (anchored.seq ? anchored.at : null),
      },
      300,
    );
    const read = async () => {
      const samples = await scrape(metrics);
      return (name: string) => sampleValue(samples, `bpjs_kiosk_journal_${name}`);
    };

    let value = await read();
    expect(value('head_seq')).toBe(0);
    expect(value('anchor_age_seconds')).toBe(0); // nothing to anchor
    expect(value('bytes')).toBe(4096);
    expect(value('cap_bytes')).toBe(512 * 1024 * 1024);
    expect(value('writable')).toBe(1);
    expect(value('refused_records')).toBe(1);
    expect(value('anchor_interval_seconds')).toBe(300);

    journal.headSeq = 5; // written, never anchored: the age runs from the start
    clock.advance(60_000);
    value = await read();
    expect(value('head_seq')).toBe(5);
    expect(value('anchored_seq')).toBe(0);
    expect(value('anchor_age_seconds')).toBe(60);

    Object.assign(anchored, { seq: 5, at: clock.now() }); // the host holds the head
    clock.advance(3_600_000);
    value = await read();
    expect(value('anchored_seq')).toBe(5);
    expect(value('anchor_age_seconds')).toBe(0);

    journal.headSeq = 6; // a record the host has not got: the age runs from the last anchor
    journal.writable = false;
    value = await read();
    expect(value('anchor_age_seconds')).toBe(3600);
    expect(value('writable')).toBe(0);
  });

  it('with no journal, devices or monitor watched, their series are absent', async () => {
    const names = new Set((await scrape(kioskMetrics())).map((sample) => sample.name));
    for (const name of [
      'bpjs_kiosk_journal_head_seq',
      'bpjs_kiosk_journal_anchor_age_seconds',
      'bpjs_kiosk_device_state',
      'bpjs_kiosk_printer_paper',
      'bpjs_kiosk_in_service',
      'bpjs_kiosk_out_of_service',
    ])
      expect(names.has(name), name).toBe(false);
    expect(names.has('bpjs_kiosk_uptime_seconds')).toBe(true);
  });
});

describe('KioskMetrics: out of service (ServiceStatusSource)', () => {
  it('reports each reason that holds, and counts in-service time only while in service', async () => {
    const clock = manualClock();
    const metrics = kioskMetrics(clock);
    const service = new FakeService();
    metrics.watchService(service);
    clock.advance(10_000);
    service.set({ inService: false, reasons: ['hostUnreachable', 'requiredDeviceDown'] });
    clock.advance(600_000);

    let samples = await scrape(metrics);
    const reason = (name: string) =>
      sampleValue(samples, 'bpjs_kiosk_out_of_service', { reason: name });
    expect(sampleValue(samples, 'bpjs_kiosk_in_service')).toBe(0);
    expect(reason('hostUnreachable')).toBe(1);
    expect(reason('requiredDeviceDown')).toBe(1);
    expect(reason('journalUnwritable')).toBe(0);
    expect(sampleValue(samples, 'bpjs_kiosk_in_service_seconds_total')).toBe(10);

    service.set({ inService: true, reasons: [] });
    clock.advance(5_000);
    samples = await scrape(metrics);
    expect(sampleValue(samples, 'bpjs_kiosk_in_service')).toBe(1);
    expect(reason('hostUnreachable')).toBe(0);
    expect(sampleValue(samples, 'bpjs_kiosk_in_service_seconds_total')).toBe(15);

    metrics.close();
    expect(service.listening).toBe(0);
  });

  it('outside opening hours the clock stops and the open gauge says so', async () => {
    const clock = manualClock();
    const metrics = kioskMetrics(clock);
    metrics.watchService(new FakeService());
    clock.advance(20_000);
    metrics.setOpen(false);
    clock.advance(3_600_000);
    let samples = await scrape(metrics);
    expect(sampleValue(samples, 'bpjs_kiosk_open')).toBe(0);
    expect(sampleValue(samples, 'bpjs_kiosk_in_service_seconds_total')).toBe(20);
    metrics.setOpen(true);
    clock.advance(1_000);
    samples = await scrape(metrics);
    expect(sampleValue(samples, 'bpjs_kiosk_open')).toBe(1);
    expect(sampleValue(samples, 'bpjs_kiosk_in_service_seconds_total')).toBe(21);
  });

  it('a kiosk watched from out of service starts its in-service clock only when it returns', async () => {
    const clock = manualClock();
    const metrics = kioskMetrics(clock);
    const service = new FakeService();
    service.set({ inService: false, reasons: ['journalUnwritable'] });
    metrics.watchService(service);
    clock.advance(30_000);
    expect(sampleValue(await scrape(metrics), 'bpjs_kiosk_in_service_seconds_total')).toBe(0);
  });
});

describe('tapAudit', () => {
  it('shows each record to the tap and journals it unchanged, keeping writable and its listeners', async () => {
    const recorded: JournalEntryInput[] = [];
    const listeners: Array<(writable: boolean) => void> = [];
    const sink: AuditSink = {
      record: async (entry) => void recorded.push(entry),
      writable: () => false,
      onWritableChange: (listener) => {
        listeners.push(listener);
        return () => {};
      },
    };
    const tapped: JournalEntryInput[] = [];
    const audit = tapAudit(sink, (entry) => tapped.push(entry));
    const entry: JournalEntryInput = { type: 'sessionStarted', data: { sessionId: 's1' } };
    await audit.record(entry);
    expect(recorded).toEqual([entry]);
    expect(tapped).toEqual([entry]);
    expect(audit.writable?.()).toBe(false);
    audit.onWritableChange?.(() => {});
    expect(listeners).toHaveLength(1);
  });

  it('a tap that throws does not fail the record; without a sink it only taps', async () => {
    const recorded: JournalEntryInput[] = [];
    const failing = tapAudit({ record: async (e) => void recorded.push(e) }, () => {
      throw new Error('counting broke');
    });
    await failing.record({ type: 'kioskStopped', data: {} });
    expect(recorded).toHaveLength(1);
    expect(failing.writable).toBeUndefined();

    const tapped: string[] = [];
    const alone = tapAudit(undefined, (entry) => tapped.push(entry.type));
    await expect(alone.record({ type: 'kioskStopped', data: {} })).resolves.toBeUndefined();
    expect(tapped).toEqual(['kioskStopped']);
  });
});
