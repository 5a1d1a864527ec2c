import { Gauge, type Registry } from 'prom-client';
import { OUT_OF_SERVICE_REASONS, type ServiceStatusSource } from '../common/service-status';
import { DEVICE_NAMES, DEVICE_SLOTS } from '../../devices/drivers/device-slots';
import type { DeviceSnapshot } from '../../devices/manager/device-snapshot';
import type { PaperState } from '../../devices/printer/printer-types';
import { closed, DEVICE_STATES, PAPER_STATES } from './label-values';

export const PREFIX = 'bpjs_kiosk_';

/** The journal as the metrics read it (LazyJournalSink). */
export interface JournalMetricsSource {
  head(): { seq: number } | null;
  /** Null before the journal is open. */
  status(): { totalBytes: number; capBytes: number } | null;
  writable(): boolean;
  healthInfo(): { refusedRecords: number };
}

/** Journal anchoring as the metrics read it (JournalAnchoring). */
export interface AnchoringMetricsSource {
  lastSent(): { seq: number } | null;
  lastAnchoredAt(): Date | null;
}

/** The devices as the metrics read them (DeviceManager). */
export interface DevicesMetricsSource {
  snapshots(): Pick<DeviceSnapshot, 'name' | 'deviceClass' | 'state'>[];
  readonly printer: { status(): { paper: PaperState } } | null;
}

/** The kiosk's clock and when the metrics started (uptime, the anchor age before any anchor). */
export interface MetricsClock {
  now(): Date;
  readonly startedAt: number;
}

/**
 * A gauge whose value is read from its source at each scrape, so no event can be missed. `read`
 * sets the values; a labelled series it does not set is absent (a label-less one reads 0).
 */
function readGauge<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: L[],
  read: (set: (labels: Partial<Record<L, string>>, value: number) => void) => void,
): void {
  new Gauge<L>({
    name: PREFIX + name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      read((labels, value) => this.set(labels, value));
    },
  });
}

const seconds = (ms: number) => Math.max(0, ms) / 1000;

export function journalGauges(registry: Registry, journal: JournalMetricsSource): void {
  readGauge(registry, 'journal_head_seq', 'Seq of the last journal record (0: empty).', [], (set) =>
    set({}, journal.head()?.seq ?? 0),
  );
  readGauge(registry, 'journal_bytes', 'Bytes of journal files on disk.', [], (set) => {
    const status = journal.status();
    if (status) set({}, status.totalBytes);
  });
  readGauge(registry, 'journal_cap_bytes', 'journal.capMegabytes in bytes.', [], (set) => {
    const status = journal.status();
    if (status) set({}, status.capBytes);
  });
  readGauge(registry, 'journal_writable', '1 while records can be written, else 0.', [], (set) =>
    set({}, journal.writable() ? 1 : 0),
  );
  readGauge(
    registry,
    'journal_refused_records',
    'Records the journal refused by its privacy check since the kiosk started (a bug: alert).',
    [],
    (set) => set({}, journal.healthInfo().refusedRecords),
  );
}

export function anchoringGauges(
  registry: Registry,
  anchoring: AnchoringMetricsSource,
  journal: Pick<JournalMetricsSource, 'head'>,
  intervalSeconds: number,
  clock: MetricsClock,
): void {
  readGauge(
    registry,
    'journal_anchored_seq',
    'The last journal seq the host accepted as an anchor (0: none since start).',
    [],
    (set) => set({}, anchoring.lastSent()?.seq ?? 0),
  );
  readGauge(
    registry,
    'journal_anchor_age_seconds',
    'While the journal holds records the host has not anchored: seconds since the host last accepted an anchor (or since start); 0 when the host holds the head.',
    [],
    (set) => {
      const head = journal.head();
      const sent = anchoring.lastSent();
      if (!head || (sent && sent.seq >= head.seq)) return set({}, 0);
      const since = anchoring.lastAnchoredAt()?.getTime() ?? clock.startedAt;
      set({}, seconds(clock.now().getTime() - since));
    },
  );
  readGauge(
    registry,
    'journal_anchor_interval_seconds',
    'journal.anchorSeconds: at most one anchor per this many seconds.',
    [],
    (set) => set({}, intervalSeconds),
  );
}

export function deviceGauges(registry: Registry, devices: DevicesMetricsSource): void {
  readGauge(
    registry,
    'device_state',
    '1 for the state each configured device is in now, 0 for its other states.',
    ['device', 'class', 'state'],
    (set) => {
      for (const snapshot of devices.snapshots()) {
        const device = closed(snapshot.name, DEVICE_NAMES);
        const deviceClass = device === 'other' ? 'other' : DEVICE_SLOTS[device];
        const current = closed(snapshot.state, DEVICE_STATES);
        for (const state of DEVICE_STATES)
          set({ device, class: deviceClass, state }, state === current ? 1 : 0);
      }
    },
  );
  readGauge(
    registry,
    'printer_paper',
    "1 for the receipt printer's paper state now (full, low, out, unknown), 0 for the others.",
    ['state'],
    (set) => {
      if (!devices.printer) return;
      const current = closed(devices.printer.status().paper, PAPER_STATES);
      for (const state of PAPER_STATES) set({ state }, state === current ? 1 : 0);
    },
  );
}

export function serviceGauges(registry: Registry, service: ServiceStatusSource): void {
  readGauge(registry, 'in_service', '1 while the kiosk serves people, else 0.', [], (set) =>
    set({}, service.status().inService ? 1 : 0),
  );
  readGauge(
    registry,
    'out_of_service',
    '1 for each reason that holds the kiosk out of service now, 0 for the others.',
    ['reason'],
    (set) => {
      const { reasons } = service.status();
      for (const reason of OUT_OF_SERVICE_REASONS)
        set({ reason }, reasons.includes(reason) ? 1 : 0);
    },
  );
}

export function buildGauges(
  registry: Registry,
  build: { version: string; profile: string },
  clock: MetricsClock,
): void {
  readGauge(
    registry,
    'build_info',
    'Always 1: the kiosk software version and profile.',
    ['version', 'profile'],
    (set) => set(build, 1),
  );
  readGauge(registry, 'uptime_seconds', 'Seconds since the kiosk runtime started.', [], (set) =>
    set({}, seconds(clock.now().getTime() - clock.startedAt)),
  );
}
