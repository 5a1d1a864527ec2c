import type { KioskApi } from '../common/api';
import type { KioskConfig } from '../config/kiosk-config';
import type { HostClient } from '../host/host-client';
import { HttpHostClient } from '../host/http-host-client';
import { createLogger, type Logger } from '../log/logger';
import { KioskBrain } from '../session/kiosk-brain';
import { LockoutRegistry } from '../session/lockout-registry';
import type { ReceiptPrinterPort } from '../devices/receipt-printer-port';
import { composeBalanceReceipt, newReceiptReference } from '../receipt';
import { ReceiptSequence } from '../receipt/receipt-sequence';

export interface KioskDeps {
  host: HostClient;
  /** The receipt printer, when the kiosk has one (null: screen only). */
  printer: ReceiptPrinterPort | null;
  logger: Logger;
  now: () => Date;
}

export interface Kiosk {
  api: KioskApi;
  brain: KioskBrain;
  stop(): Promise<void>;
}

/** The composition root of the brain: config in, a running kiosk API out. Shells call this. */
export function createKiosk(config: KioskConfig, deps: Partial<KioskDeps> = {}): Kiosk {
  const logger = deps.logger ?? createLogger({ level: config.log.level });
  const host =
    deps.host ??
    new HttpHostClient({
      baseUrl: config.host.url,
      terminalId: config.terminalId,
      timeoutMs: config.host.timeoutMs,
    });
  const sequence = new ReceiptSequence(config.timeZone);
  const brain = new KioskBrain({
    host,
    receipts: {
      printer: deps.printer ?? null,
      compose: (summary, meta) =>
        composeBalanceReceipt({
          summary,
          ...meta,
          terminalId: config.terminalId,
          timeZone: config.timeZone,
        }),
      nextReference: (at) =>
        newReceiptReference(config.terminalId, at, sequence.next(at), config.timeZone),
    },
    logger,
    now: deps.now ?? (() => new Date()),
    lockouts: new LockoutRegistry(config.session.lockMinutes * 60_000),
    maxBirthDateAttempts: config.session.maxBirthDateAttempts,
    thankYouMs: config.session.thankYouSeconds * 1000,
    terminalId: config.terminalId,
    defaultLanguage: config.language,
    idleTimeoutMs: config.session.idleTimeoutSeconds * 1000,
    idleWarningMs: config.session.idleWarningSeconds * 1000,
  });
  logger.info({ terminalId: config.terminalId, host: config.host.url }, 'kiosk started');
  return {
    api: brain,
    brain,
    async stop() {
      brain.stop();
      logger.info('kiosk stopped');
    },
  };
}
