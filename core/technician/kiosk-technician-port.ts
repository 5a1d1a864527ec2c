import { statfsSync } from 'node:fs';
import type {
  JournalHealthInfo,
  TechnicianAction,
  TechnicianDevice,
  TechnicianEvent,
  TechnicianInfo,
} from '../common/api';
import type { HostClient } from '../host/host-client';
import type { ServiceStatus } from '../common/service-status';
import { HostError } from '../host/host-client';
import type { TechnicianActionResult, TechnicianPort } from './technician-port';

/** Device diagnostics and tests, as the device layer provides them. */
export interface DeviceDiagnosticsSource {
  devices(): TechnicianDevice[];
  events(): TechnicianEvent[];
  run(action: TechnicianAction, device?: string): Promise<TechnicianActionResult>;
}

export interface KioskTechnicianPortOptions {
  host: HostClient;
  hostUrl: string;
  terminalId: string;
  version: string;
  configPath: string;
  journalDir: string;
  /** Whether the journal can be written; absent when the kiosk keeps no journal. */
  journalHealth?: () => JournalHealthInfo;
  /** Whether the kiosk serves now. */
  service?: () => ServiceStatus;
  devices: DeviceDiagnosticsSource | null;
  startedAt: number;
  now: () => Date;
}

/** Technician mode's view of the whole kiosk: the host test and kiosk info here, devices delegated. */
export class KioskTechnicianPort implements TechnicianPort {
  constructor(private readonly options: KioskTechnicianPortOptions) {}

  devices(): TechnicianDevice[] {
    return this.options.devices?.devices() ?? [];
  }

  events(): TechnicianEvent[] {
    return this.options.devices?.events() ?? [];
  }

  info(): TechnicianInfo {
    return {
      version: this.options.version,
      terminalId: this.options.terminalId,
      uptimeSeconds: Math.floor((this.options.now().getTime() - this.options.startedAt) / 1000),
      configPath: this.options.configPath,
      hostUrl: this.options.hostUrl,
      journalDir: this.options.journalDir,
      journalFreeBytes: this.journalFreeBytes(),
      ...(this.options.journalHealth ? { journal: this.options.journalHealth() } : {}),
      ...(this.options.service ? { service: this.options.service() } : {}),
    };
  }

  async run(action: TechnicianAction, device?: string): Promise<TechnicianActionResult> {
    if (action === 'testHost') return this.testHost();
    if (!this.options.devices) return { ok: false, message: { code: 'noDeviceLayer' } };
    return this.options.devices.run(action, device);
  }

  private async testHost(): Promise<TechnicianActionResult> {
    const latencies: number[] = [];
    try {
      for (let i = 0; i < 3; i++) latencies.push(await this.options.host.ping());
    } catch (error) {
      const kind = error instanceof HostError ? error.failure.kind : 'unavailable';
      return { ok: false, message: { code: 'hostUnreachable', kind, url: this.options.hostUrl } };
    }
    latencies.sort((a, b) => a - b);
    return {
      ok: true,
      message: {
        code: 'hostReachable',
        medianMs: latencies[1]!,
        minMs: latencies[0]!,
        maxMs: latencies[2]!,
      },
    };
  }

  /** Asked at each request (one statfs call, no I/O on the disk itself), so never a stale figure. */
  private journalFreeBytes(): number | null {
    try {
      const stats = statfsSync(this.options.journalDir);
      return stats.bavail * stats.bsize;
    } catch {
      return null;
    }
  }
}
