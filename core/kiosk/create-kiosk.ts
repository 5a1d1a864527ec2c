import type { KioskApi } from '../common/api';
import type { StaticAsset } from '../common/static-asset';
import type { KioskConfig } from '../config/kiosk-config';
import { loadThemeLogo } from '../config/load-config';
import { brandingOf } from '../config/theme/branding-of';
import type { HostClient } from '../host/host-client';
import { createHostClient } from '../host/create-host-client';
import { withHostTroubleLog } from '../host/host-trouble-log';
import { createLogger, type Logger } from '../log/logger';
import { KioskBrain } from '../session/kiosk-brain';
import { LockoutRegistry } from '../session/lockout-registry';
import type { ReceiptPrinterPort } from '../devices/receipt-printer-port';
import type { DeviceManager } from '../../devices/manager/device-manager';
import { PrinterPortAdapter } from '../devices/printer-port-adapter';
import { resolvePrinterLayout } from '../../devices/printer/printer-options';
import { DeviceDiagnosticsAdapter } from '../devices/device-diagnostics-adapter';
import { wireDevicesToBrain } from '../devices/wire-devices';
import { BankCardDesk } from '../devices/bank-card-desk';
import { fdkLayout } from '../session/fdk-layout';
import { composeBalanceReceipt, newReceiptReference } from '../receipt';
import { ReceiptSequence } from '../receipt/receipt-sequence';
import { LazyJournalSink } from '../journal/lazy-journal-sink';
import { JournalAnchoring } from '../journal/journal-anchoring';
import { JournalShipper } from '../journal/journal-shipping';
import type { AuditSink } from '../session/session-audit';
import type { KioskMetrics } from '../metrics/kiosk-metrics';
import { withHostMetrics } from '../metrics/host-metrics';
import { tapAudit } from '../metrics/audit-tap';
import { KIOSK_VERSION } from './version';
import { ServiceMonitor } from '../session/service-monitor';
import { journalServiceChanges } from './service-journal';
import { PortSetup } from '../technician/port-setup';
import { PortConfiguratorAdapter, type PortDiscovery } from '../devices/port-configurator-adapter';
import { ConfigFileStore } from '../config/config-file-store';
import { startDiagSocket } from '../technician/diag-socket-server';
import { journalDeviceFaults, logDeviceFaults } from '../devices/device-fault-journal';
import {
  KioskTechnicianPort,
  type DeviceDiagnosticsSource,
} from '../technician/kiosk-technician-port';

export interface KioskDeps {
  host: HostClient;
  /** The receipt printer, when the kiosk has one (null: screen only). */
  printer: ReceiptPrinterPort | null;
  logger: Logger;
  now: () => Date;
  /** Overrides the journal from config (tests). */
  audit: AuditSink | null;
  /** Device diagnostics for technician mode, from the device layer. */
  deviceDiagnostics: DeviceDiagnosticsSource | null;
  /** Shown to technicians. */
  configPath: string;
  /** The config file technicians save device ports to (null: no file, nothing to save to). */
  configFile: string | null;
  /** Where port setup looks for ports; default the operating system's serial / HID lists. */
  portDiscovery: PortDiscovery;
  /** The started device manager (the shell creates it from config.devices and stops it). */
  devices: DeviceManager | null;
  /** The theme's logo as read at start; default: read from `config.theme.logo` now. */
  themeLogo: StaticAsset | null;
  /** The metrics this kiosk feeds: host calls, journaled records, the journal (none: null). */
  metrics: KioskMetrics | null;
}

export interface Kiosk {
  api: KioskApi;
  brain: KioskBrain;
  /** Whether the kiosk serves, and if not why. */
  service: ServiceMonitor;
  stop(): Promise<void>;
}

/** The composition root of the brain: config in, a running kiosk API out. Shells call this. */
export function createKiosk(config: KioskConfig, deps: Partial<KioskDeps> = {}): Kiosk {
  const logger = deps.logger ?? createLogger({ level: config.log.level });
  const metrics = deps.metrics ?? null;
  const rawHost = deps.host ?? createHostClient(config);
  // Declared before the trouble log that feeds it: a failed call asks for a probe at once.
  let service: ServiceMonitor | null = null;
  const troubleLogged = withHostTroubleLog(rawHost, logger, () => service?.probeHostNow());
  const host = metrics ? withHostMetrics(troubleLogged, metrics) : troubleLogged;
  const sequence = new ReceiptSequence(config.timeZone);
  const journal =
    deps.audit === undefined && config.journal.enabled
      ? new LazyJournalSink(
          {
            dir: config.journal.dir,
            terminalId: config.terminalId,
            timeZone: config.timeZone,
            capBytes: config.journal.capMegabytes * 1024 * 1024,
            logger: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
          },
          logger,
        )
      : null;
  const now = deps.now ?? (() => new Date());
  // Shipping follows each anchor sent, so it is on only where anchoring is.
  const shipper =
    journal && config.journal.anchorSeconds > 0 && config.journal.ship.enabled
      ? new JournalShipper({
          dir: config.journal.dir,
          head: () => journal.head(),
          // Not through the trouble log: shipping logs its own failures, and a background
          // upload retrying must not hurry the service monitor's probes (out of service).
          host: rawHost,
          logger,
          batchRecords: config.journal.ship.batchRecords,
          retryMaxMs: config.journal.ship.retryMaxSeconds * 1000,
          now,
        })
      : null;
  const anchoring =
    journal && config.journal.anchorSeconds > 0
      ? new JournalAnchoring({
          head: () => journal.head(),
          host,
          intervalMs: config.journal.anchorSeconds * 1000,
          logger,
          now,
          ...(shipper ? { afterSend: () => shipper.kick() } : {}),
        })
      : null;
  if (anchoring) journal?.onWritten(() => anchoring.written());
  if (journal) metrics?.watchJournal(journal);
  if (anchoring) metrics?.watchAnchoring(anchoring, config.journal.anchorSeconds);
  const journaled = (deps.audit === undefined ? journal : deps.audit) ?? undefined;
  const audit = metrics ? tapAudit(journaled, (entry) => metrics.recordEntry(entry)) : journaled;
  void audit?.record({ type: 'kioskStarted', data: { version: KIOSK_VERSION } }).catch(() => {});
  const devices = deps.devices ?? null;
  const printer =
    deps.printer !== undefined
      ? deps.printer
      : devices?.printer
        ? new PrinterPortAdapter(devices.printer)
        : null;
  // The probe goes to the host itself: its failures are service changes, logged once each,
  // not a "host trouble" warning every few seconds.
  service = new ServiceMonitor({
    journal: audit ?? null,
    host: rawHost,
    devices,
    settings: {
      hostProbeMs: config.service.hostProbeSeconds * 1000,
      hostRetryMs: config.service.hostRetrySeconds * 1000,
      hostFailuresToLeave: config.service.hostFailuresToLeave,
      // The client gives up at its own timeout; this bounds one that never does.
      hostProbeTimeoutMs: config.host.timeoutMs + 2_000,
      requiredDevices: config.service.requiredDevices,
      deviceGraceMs: config.service.deviceGraceSeconds * 1000,
    },
    now,
    logger,
  });
  const monitor = service;
  const unjournalService = audit ? journalServiceChanges(monitor, audit, logger, now) : () => {};
  const technicianPort = new KioskTechnicianPort({
    host,
    hostUrl: config.host.url,
    terminalId: config.terminalId,
    version: KIOSK_VERSION,
    configPath: deps.configPath ?? '(defaults)',
    journalDir: config.journal.dir,
    ...(journal ? { journalHealth: () => journal.healthInfo() } : {}),
    service: () => monitor.status(),
    devices: deps.deviceDiagnostics ?? (devices ? new DeviceDiagnosticsAdapter(devices) : null),
    startedAt: now().getTime(),
    now,
  });
  // The ATM profile holds the bank card read; its number goes to the pin pad and nowhere else.
  const bankCards =
    config.profile === 'atm' && devices?.cardReader
      ? new BankCardDesk({ cardReader: devices.cardReader, pinPad: devices.pinPad }, logger, {
          pinFormat: config.atm.pinBlockFormat === 'iso0' ? 0 : 4,
          pinLength: config.atm.pinLength,
          pinTimeoutMs: config.atm.pinTimeoutSeconds * 1000,
        })
      : null;
  const brain = new KioskBrain({
    host,
    audit,
    service: monitor,
    profile: config.profile,
    bankCards,
    handOff: config.profile === 'atm' && config.atm.handOff,
    technician: {
      port: technicianPort,
      portSetup: new PortSetup(
        devices ? new PortConfiguratorAdapter(devices, deps.portDiscovery) : null,
        new ConfigFileStore(deps.configFile ?? null),
      ),
      settings: {
        pinHash: config.technician.pinHash,
        tapSequence: config.technician.tapSequence,
        tapWindowMs: 5_000,
        maxPinAttempts: config.technician.maxPinAttempts,
        lockMs: config.technician.lockMinutes * 60_000,
        idleTimeoutMs: config.technician.idleTimeoutSeconds * 1000,
        timeZone: config.timeZone,
      },
    },
    receipts: {
      printer,
      compose: (summary, meta) =>
        composeBalanceReceipt({
          summary,
          ...meta,
          terminalId: config.terminalId,
          timeZone: config.timeZone,
          ...(config.theme ? { bankLines: config.theme.receipt } : {}),
          // As wide as the printer that prints it (a receipt is composed only to be printed).
          columns: printer?.columns() ?? resolvePrinterLayout().columns,
        }),
      nextReference: (at) =>
        newReceiptReference(config.terminalId, at, sequence.next(at), config.timeZone),
    },
    logger,
    now,
    lockouts: new LockoutRegistry(config.session.lockMinutes * 60_000),
    maxBirthDateAttempts: config.session.maxBirthDateAttempts,
    requireOtp: config.verification.otp,
    timeZone: config.timeZone,
    thankYouMs: config.session.thankYouSeconds * 1000,
    terminalId: config.terminalId,
    identifyBy: {
      card: Boolean(devices?.cardReader) && !bankCards,
      scanner: Boolean(devices?.scanner) && !bankCards,
      bankCard: Boolean(bankCards),
    },
    fdks: fdkLayout(config.atm.fdks),
    keyTones: config.atm.keyTones,
    branding: brandingOf(
      config.theme,
      deps.themeLogo !== undefined ? deps.themeLogo : loadThemeLogo(config),
    ),
    defaultLanguage: config.language,
    idleTimeoutMs: config.session.idleTimeoutSeconds * 1000,
    idleWarningMs: config.session.idleWarningSeconds * 1000,
  });
  const diagSocket = config.technician.diagSocket
    ? startDiagSocket({
        path: config.technician.diagSocket,
        port: technicianPort,
        screen: () => brain.view().screen,
        audit,
        logger,
      }).catch((error: unknown) => {
        // Like a second kiosk on one journal: logged, and the kiosk serves people all the same.
        logger.warn({ err: (error as Error).message }, 'diagnostics socket not started');
        return null;
      })
    : Promise.resolve(null);
  const unjournalDevices =
    devices && audit ? journalDeviceFaults(devices, audit, logger) : () => {};
  const unlogDevices = devices ? logDeviceFaults(devices, logger) : () => {};
  const unwireDevices = devices
    ? wireDevicesToBrain(brain, devices, logger, {
        technicianCardPrefix: config.technician.cardPrefix,
        bankCards,
        fdks: config.atm.fdks,
      })
    : () => {};
  logger.info({ terminalId: config.terminalId, host: config.host.url }, 'kiosk started');
  return {
    api: brain,
    brain,
    service: monitor,
    async stop() {
      monitor.stop();
      unjournalService();
      unwireDevices();
      unjournalDevices();
      unlogDevices();
      await (await diagSocket)?.close();
      brain.stop();
      await audit?.record({ type: 'kioskStopped', data: {} }).catch(() => {});
      await shipper?.stop(); // the next start resumes from what the host holds
      await journal?.close();
      await anchoring?.stop(); // after kioskStopped: the host gets the very last head
      logger.info('kiosk stopped');
    },
  };
}
