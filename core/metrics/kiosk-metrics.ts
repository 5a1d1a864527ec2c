import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ServiceStatusSource } from '../common/service-status';
import {
  IdentificationMethod,
  ReceiptOutcome,
  SessionEndReason,
  VerificationOutcome,
  type JournalEntryInput,
} from '../journal/journal-entry';
import {
  CARD_RETAINED_REASONS,
  closed,
  HOST_FAILURE_KINDS,
  HOST_OPERATIONS,
  type HostOperation,
} from './label-values';
import {
  anchoringGauges,
  buildGauges,
  deviceGauges,
  journalGauges,
  PREFIX,
  serviceGauges,
  type AnchoringMetricsSource,
  type DevicesMetricsSource,
  type JournalMetricsSource,
  type MetricsClock,
} from './source-gauges';

export type { AnchoringMetricsSource, DevicesMetricsSource, JournalMetricsSource };

export interface KioskMetricsOptions {
  terminalId: string;
  version: string;
  profile: 'kiosk' | 'atm';
  now?: () => Date;
}

/** How a host call ended, as the host wrapper saw it. */
export type HostCallOutcome =
  | { ok: true; seconds: number }
  | { ok: false; kind: string; seconds: number }
  /** The kiosk itself gave up on the call (the person left): neither success nor failure. */
  | { canceled: true };

export const BALANCE_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8];

/**
 * The kiosk's Prometheus series (docs/metrics.md has the table). Counters follow what the brain
 * journals and what the host answers; gauges are read from their sources at each scrape. Every
 * label value comes from a closed list (label-values.ts), and every series carries the kiosk's
 * `terminal`, so a fleet's series need no per-target relabelling.
 */
export class KioskMetrics {
  readonly registry = new Registry();
  private readonly clock: MetricsClock;
  private journal: JournalMetricsSource | null = null;
  private readonly watched = new Set<string>();
  private readonly unsubscribes: Array<() => void> = [];
  /** In-service time while open: what ended before `servingSince`, and when the current stretch began. */
  private servedMs = 0;
  private servingSince: number | null;
  private inService = true;
  /** Inside opening hours (outside maintenance.displayOff); always, without a schedule. */
  private open = true;

  private readonly sessionsStarted: Counter;
  private readonly sessionsEnded: Counter<'reason'>;
  private readonly identifications: Counter<'method'>;
  private readonly verifications: Counter<'result'>;
  private readonly receipts: Counter<'outcome'>;
  private readonly cardsRetained: Counter<'reason'>;
  private readonly hostCalls: Counter<'operation'>;
  private readonly hostErrors: Counter<'operation' | 'kind'>;
  private readonly balanceDuration: Histogram<'outcome'>;

  constructor(options: KioskMetricsOptions) {
    const now = options.now ?? (() => new Date());
    this.clock = { now, startedAt: now().getTime() };
    this.servingSince = this.clock.startedAt;
    this.registry.setDefaultLabels({ terminal: options.terminalId });
    const registers = [this.registry];
    const counter = <L extends string>(name: string, help: string, labels: L[]) =>
      new Counter<L>({ name: PREFIX + name, help, labelNames: labels, registers });

    this.sessionsStarted = counter('sessions_started_total', 'Sessions started on this kiosk.', []);
    this.sessionsEnded = counter('sessions_ended_total', 'Sessions ended, by reason.', ['reason']);
    this.identifications = counter('identifications_total', 'People identified, by method.', [
      'method',
    ]);
    this.verifications = counter(
      'verifications_total',
      'Verification results (birth date, OTP or bank card PIN): success, failed or locked.',
      ['result'],
    );
    this.receipts = counter('receipts_total', 'Receipt print attempts, by outcome.', ['outcome']);
    this.cardsRetained = counter('cards_retained_total', 'Bank cards retained, by reason.', [
      'reason',
    ]);
    this.hostCalls = counter('host_calls_total', 'Calls to the BPJS host, by operation.', [
      'operation',
    ]);
    this.hostErrors = counter(
      'host_errors_total',
      'Host calls that failed, by operation and failure kind (answers such as notFound included).',
      ['operation', 'kind'],
    );
    this.balanceDuration = new Histogram({
      name: `${PREFIX}host_balance_duration_seconds`,
      help: 'Time the host took to answer a balance call (ok or failed; canceled calls left out).',
      labelNames: ['outcome'],
      buckets: BALANCE_BUCKETS,
      registers,
    });
    // Every closed label value starts at 0, so rate() and the alert rules see the series at once.
    for (const reason of SessionEndReason.options) this.sessionsEnded.inc({ reason }, 0);
    for (const method of IdentificationMethod.options) this.identifications.inc({ method }, 0);
    for (const result of VerificationOutcome.options) this.verifications.inc({ result }, 0);
    for (const outcome of ReceiptOutcome.options) this.receipts.inc({ outcome }, 0);
    for (const operation of HOST_OPERATIONS) this.hostCalls.inc({ operation }, 0);

    const isOpen = () => this.open;
    new Gauge({
      name: `${PREFIX}open`,
      help: '1 inside opening hours (outside maintenance.displayOff; always without it), else 0.',
      registers,
      collect() {
        this.set(isOpen() ? 1 : 0);
      },
    });
    buildGauges(this.registry, { version: options.version, profile: options.profile }, this.clock);
    const served = () =>
      this.servedMs +
      (this.servingSince === null ? 0 : this.clock.now().getTime() - this.servingSince);
    new Counter({
      name: `${PREFIX}in_service_seconds_total`,
      help: 'Seconds this kiosk was up, in service and inside opening hours (the clock of the no-session alert).',
      registers,
      collect() {
        this.reset();
        this.inc(Math.max(0, served()) / 1000);
      },
    });
  }

  /** A record the brain journals (through the audit tap): counted, never its content. */
  recordEntry(entry: JournalEntryInput): void {
    switch (entry.type) {
      case 'sessionStarted':
        this.sessionsStarted.inc();
        break;
      case 'sessionEnded':
        this.sessionsEnded.inc({ reason: closed(entry.data.reason, SessionEndReason.options) });
        break;
      case 'identified':
        this.identifications.inc({
          method: closed(entry.data.method, IdentificationMethod.options),
        });
        break;
      case 'verificationResult':
        this.verifications.inc({ result: closed(entry.data.result, VerificationOutcome.options) });
        break;
      case 'receiptPrinted':
        this.receipts.inc({ outcome: closed(entry.data.outcome, ReceiptOutcome.options) });
        break;
      case 'cardRetained':
        this.cardsRetained.inc({ reason: closed(entry.data.reason, CARD_RETAINED_REASONS) });
        break;
      default:
        break;
    }
  }

  /** One host call ended (the host wrapper). */
  hostCall(operation: HostOperation, outcome: HostCallOutcome): void {
    const op = closed(operation, HOST_OPERATIONS);
    this.hostCalls.inc({ operation: op });
    if ('canceled' in outcome) return;
    if (!outcome.ok)
      this.hostErrors.inc({ operation: op, kind: closed(outcome.kind, HOST_FAILURE_KINDS) });
    if (op === 'balance')
      this.balanceDuration.observe({ outcome: outcome.ok ? 'ok' : 'failed' }, outcome.seconds);
  }

  watchJournal(journal: JournalMetricsSource): void {
    this.once('journal');
    this.journal = journal;
    journalGauges(this.registry, journal);
  }

  /** Journal anchoring (after watchJournal: the age compares its head with the host's). */
  watchAnchoring(anchoring: AnchoringMetricsSource, intervalSeconds: number): void {
    this.once('anchoring');
    if (!this.journal) throw new Error('watchAnchoring needs watchJournal first');
    anchoringGauges(this.registry, anchoring, this.journal, intervalSeconds, this.clock);
  }

  watchDevices(devices: DevicesMetricsSource): void {
    this.once('devices');
    deviceGauges(this.registry, devices);
  }

  /** The out-of-service monitor; until one is watched, the kiosk counts as in service while up. */
  watchService(service: ServiceStatusSource): void {
    this.once('service');
    serviceGauges(this.registry, service);
    this.inService = service.status().inService;
    this.recount();
    this.unsubscribes.push(
      service.onChange((status) => {
        this.inService = status.inService;
        this.recount();
      }),
    );
  }

  /** Opening hours began or ended (the maintenance schedule's display-off window). */
  setOpen(open: boolean): void {
    this.open = open;
    this.recount();
  }

  /** The exposition text, as GET /metrics answers it. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  close(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  private once(source: string): void {
    if (this.watched.has(source)) throw new Error(`the metrics already watch the ${source}`);
    this.watched.add(source);
  }

  /** The in-service clock runs while the kiosk is in service and open. */
  private recount(): void {
    const counting = this.inService && this.open;
    const now = this.clock.now().getTime();
    if (counting && this.servingSince === null) this.servingSince = now;
    if (!counting && this.servingSince !== null) {
      this.servedMs += now - this.servingSince;
      this.servingSince = null;
    }
  }
}
