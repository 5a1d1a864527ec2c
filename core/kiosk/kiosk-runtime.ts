import type { KioskApi } from '../common/api';
import {
  DisposableStore,
  toDisposable,
  type Disposable,
  type NamedDisposable,
} from '../common/disposable-store';
import type { StaticAsset } from '../common/static-asset';
import type { ServiceStatusSource } from '../common/service-status';
import type { KioskConfig } from '../config/kiosk-config';
import { loadConfig, loadMetricsAuth, loadThemeLogo } from '../config/load-config';
import type { PortDiscovery } from '../devices/port-configurator-adapter';
import type { HostClient } from '../host/host-client';
import { createLogger, type Logger } from '../log/logger';
import type { AuditSink } from '../session/session-audit';
import type { KioskBrain } from '../session/kiosk-brain';
import { DeviceManager, type DeviceManagerOptions } from '../../devices/manager/device-manager';
import { KioskMetrics } from '../metrics/kiosk-metrics';
import { startMetricsServer, type MetricsServer } from '../metrics/metrics-server';
import { createKiosk } from './create-kiosk';
import { loadHostClientModule } from './host-client-module';
import { startMaintenance } from './maintenance-schedule';
import { KIOSK_VERSION } from './version';

/**
 * The exit code of a planned restart (EX_TEMPFAIL): the systemd unit restarts on it
 * (RestartForceExitStatus) without counting it as a failure (SuccessExitStatus).
 */
export const RESTART_EXIT_CODE = 75;

/** What a shell, a test or an integrator may put in place of what the config describes. */
export interface KioskRuntimeOverrides {
  /** Default: a logger at the config's level (LOG_LEVEL in the environment wins). */
  logger?: Logger;
  /** The host client; wins over `host.clientModule` and the built-in HTTP client. */
  host?: HostClient;
  /** Options for the DeviceManager built from `config.devices` (e.g. a transportFactory in tests). */
  deviceManager?: DeviceManagerOptions;
  /**
   * Resolve only once every device has had its first open (still retried in the background if
   * it failed). Default false: the screen does not wait for hardware.
   */
  waitForDevices?: boolean;
  /** Where technicians' port setup looks for ports; default the system's serial / HID lists. */
  portDiscovery?: PortDiscovery;
  /** The config file: shown to technicians, and where they save device ports (null: nowhere). */
  configFile?: string | null;
  /** The clock (tests). */
  now?: () => Date;
  /** In place of the journal from config (tests; null: no audit at all). */
  audit?: AuditSink | null;
}

/** A started kiosk: devices, brain, journal and diagnostics socket, stopped by one dispose. */
export interface KioskRuntime extends AsyncDisposable {
  readonly config: KioskConfig;
  /** What a shell binds its UI to. */
  readonly api: KioskApi;
  readonly brain: KioskBrain;
  /** Whether the kiosk serves, and if not why (the host, the journal, a required device). */
  readonly service: ServiceStatusSource;
  /** The device manager, when the config has a `devices` section. */
  readonly devices: DeviceManager | null;
  readonly logger: Logger;
  /**
   * The daily restart (maintenance.dailyRestartAt) is due and nobody is served: the shell stops
   * the runtime and its process ends with RESTART_EXIT_CODE (or relaunches itself). Without a
   * listener the runtime only logs it.
   */
  onRestartDue(listener: () => void): () => void;
  /** Files the shell serves beside the renderer: the theme's logo, when it has one. */
  readonly assets: readonly StaticAsset[];
  /** The Prometheus endpoint, when `metrics.enabled` (its URL has the bound port). */
  readonly metrics: Pick<MetricsServer, 'url' | 'port'> | null;
  /**
   * A shell's own teardown (its server, window binding, launch file). Disposed before the brain
   * and the devices stop, in reverse order of adding.
   */
  add<T extends Disposable>(disposable: T): T;
  /** Stops everything in reverse order of start, once; a second call waits for the first. */
  dispose(): Promise<void>;
}

/**
 * The one way to start the kiosk, for both shells, the e2e and bench stacks and an integrator's
 * own code. Start order: host client, devices (open in the background, missing ones retried),
 * brain with journal and diagnostics socket. Teardown is the reverse, in one store.
 */
export async function startKioskRuntime(
  config: KioskConfig,
  overrides: KioskRuntimeOverrides = {},
): Promise<KioskRuntime> {
  const logger = overrides.logger ?? createLogger({ level: config.log.level });
  const report = (error: unknown, name: string) =>
    logger.error({ err: errorMessage(error) }, `${name} did not stop cleanly`);
  const store = new DisposableStore(report);
  try {
    const themeLogo = loadThemeLogo(config);
    const metricsAuth = config.metrics.enabled ? loadMetricsAuth(config) : null;
    const metrics = metricsAuth
      ? new KioskMetrics({
          terminalId: config.terminalId,
          version: KIOSK_VERSION,
          profile: config.profile,
          ...(overrides.now ? { now: overrides.now } : {}),
        })
      : null;
    const host = overrides.host ?? (await moduleHostClient(config, logger, store));

    const devices = config.devices
      ? new DeviceManager(config.devices, {
          log: (message) => logger.info(message),
          ...overrides.deviceManager,
        })
      : null;
    if (devices) store.defer(() => devices.stop(), 'devices');

    const kiosk = createKiosk(config, {
      logger,
      devices,
      themeLogo,
      metrics,
      ...(host ? { host } : {}),
      ...(overrides.now ? { now: overrides.now } : {}),
      ...(overrides.audit !== undefined ? { audit: overrides.audit } : {}),
      ...(overrides.portDiscovery ? { portDiscovery: overrides.portDiscovery } : {}),
      configPath: overrides.configFile ?? '(defaults)',
      configFile: overrides.configFile ?? null,
    });
    store.defer(() => kiosk.stop(), 'kiosk brain');

    // After the brain is wired to the devices, so no event of the first open is missed.
    const opened = devices
      ?.start()
      .catch((error: unknown) =>
        logger.error({ err: errorMessage(error) }, 'devices failed to start'),
      );
    if (overrides.waitForDevices) await opened;

    const restartListeners = new Set<() => void>();
    store.defer(
      startMaintenance({
        maintenance: config.maintenance,
        timeZone: config.timeZone,
        kiosk: {
          resting: () => kiosk.brain.view().step.resting,
          onViewChange: (listener) => kiosk.brain.subscribe(() => listener()),
          setOffHours: (offHours) => {
            kiosk.brain.setOffHours(offHours);
            metrics?.setOpen(!offHours);
          },
        },
        restart: () => {
          if (restartListeners.size === 0) logger.warn('daily restart due, but no shell restarts');
          for (const listener of restartListeners) listener();
        },
        ...(overrides.now ? { now: overrides.now } : {}),
        logger,
      }),
      'maintenance schedule',
    );

    // Last to start, first to stop: no scrape reads a brain or devices that have stopped.
    let metricsServer: MetricsServer | null = null;
    if (metrics && metricsAuth) {
      if (devices) metrics.watchDevices(devices);
      metrics.watchService(kiosk.service);
      store.defer(() => metrics.close(), 'metrics');
      metricsServer = await startMetricsServer({
        ...config.metrics.listen,
        auth: metricsAuth,
        metrics,
        logger,
      });
      const server = metricsServer;
      store.defer(() => server.close(), 'metrics endpoint');
    }

    // The shells' own parts go into a store of their own, disposed before the brain's.
    const shellParts = store.add(new DisposableStore(report));
    return {
      config,
      api: kiosk.api,
      brain: kiosk.brain,
      service: kiosk.service,
      devices,
      logger,
      assets: themeLogo ? [themeLogo] : [],
      metrics: metricsServer ? { url: metricsServer.url, port: metricsServer.port } : null,
      add: (disposable) => shellParts.add(disposable),
      onRestartDue: (listener) => {
        restartListeners.add(listener);
        return () => restartListeners.delete(listener);
      },
      dispose: () => store.dispose(),
      [Symbol.asyncDispose]: () => store.dispose(),
    };
  } catch (error) {
    // A start that failed half-way leaves nothing open behind it.
    await store.dispose();
    throw error;
  }
}

/** `startKioskRuntime` on the config file at `path` (validated; no path: the defaults). */
export async function startKioskRuntimeFromFile(
  path: string | undefined,
  overrides: Omit<KioskRuntimeOverrides, 'configFile'> = {},
): Promise<KioskRuntime> {
  return startKioskRuntime(loadConfig(path), { ...overrides, configFile: path ?? null });
}

/**
 * The client `host.clientModule` creates (none configured: undefined, and createKiosk builds the
 * HTTP client from config). One with a `close()` is closed after the brain has stopped.
 */
async function moduleHostClient(
  config: KioskConfig,
  logger: Logger,
  store: DisposableStore,
): Promise<HostClient | undefined> {
  const { clientModule } = config.host;
  if (clientModule === undefined) return undefined;
  const client = await loadHostClientModule(
    { ...config.host, clientModule },
    { logger, terminalId: config.terminalId },
  );
  const close = (client as Partial<{ close: () => unknown }>).close;
  if (typeof close === 'function') store.defer(() => close.call(client), 'host client');
  logger.info({ clientModule }, 'host client from host.clientModule');
  return client;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { toDisposable, type Disposable, type NamedDisposable };
