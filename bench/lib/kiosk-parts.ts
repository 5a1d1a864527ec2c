/**
 * The parts of the kiosk the benchmark drives, loaded lazily: some were being written while the
 * benchmark was, and a part missing (or broken mid-work) must turn its figures into "not
 * available yet", not stop the run. Types come from the parts' own sources.
 */
import type { startKioskRuntime as StartKioskRuntime } from '../../core/kiosk/kiosk-runtime';
import type { parseConfig as ParseConfig } from '../../core/config/load-config';
import type { createLogger as CreateLogger } from '../../core/log/logger';
import type { startWebKiosk as StartWebKiosk } from '../../web/entry/web-kiosk';
import type * as HostSimulatorModule from '../../simulators/host';
import type * as HttpHostClientModule from '../../core/host/http-host-client';
import type * as ReceiptModule from '../../core/receipt';
import type * as PrinterModule from '../../devices/printer';
import { importPart } from './optional-module';

export const loadHostSimulator = () => importPart<typeof HostSimulatorModule>('simulators/host');
export const loadHttpHostClient = () =>
  importPart<typeof HttpHostClientModule>('core/host/http-host-client');
export const loadKioskRuntime = () =>
  importPart<{ startKioskRuntime: typeof StartKioskRuntime }>('core/kiosk/kiosk-runtime');
export const loadParseConfig = () =>
  importPart<{ parseConfig: typeof ParseConfig }>('core/config/load-config');
export const loadLogger = () =>
  importPart<{ createLogger: typeof CreateLogger }>('core/log/logger');
export const loadReceipt = () => importPart<typeof ReceiptModule>('core/receipt');
export const loadPrinter = () => importPart<typeof PrinterModule>('devices/printer');
/** The web shell as kiosk-web runs it: the kiosk runtime and its page. */
export const loadWebKiosk = () =>
  importPart<{ startWebKiosk: typeof StartWebKiosk }>('web/entry/web-kiosk');

/** Session settings for benchmarking: no idle time-out while measuring, shortest thank-you. */
export const BENCH_SESSION = {
  idleTimeoutSeconds: 600,
  idleWarningSeconds: 120,
  thankYouSeconds: 1,
  maxBirthDateAttempts: 10,
};
