import type { PortSetupView } from '../common/api';
import type { TechnicianActionResult } from './technician-port';

/** A port the machine has now, that a device could be moved to. */
export interface PortCandidate {
  /** Stable within one discovery: `serial:/dev/ttyUSB1`, `hid:/dev/hidraw0`. */
  id: string;
  label: string;
  /** Another configured device that uses this port now. */
  inUseBy?: string;
}

/** What port setup needs of the device layer. */
export interface PortConfigurator {
  /** Where the device is connected now: its candidate id and, for people, `serial /dev/ttyUSB0`. */
  current(device: string): { id: string; description: string } | null;
  /** Whether the device has ports to move to (a network device does not). */
  canChangePort(device: string): boolean;
  candidates(device: string): Promise<{ candidates: PortCandidate[]; errors: string[] }>;
  /** Moves the device to the port and keeps it there only if the device answers on it. */
  move(device: string, candidateId: string): Promise<TechnicianActionResult>;
  /** Back to the port it had before (used when a move is not saved). */
  restore(device: string): Promise<void>;
  /** The device's current transport as a config entry, to be saved. */
  transportConfig(device: string): unknown;
  /** The current port was saved: it is the one to come back to from now on. */
  committed(device: string): void;
}

/** Where a device's port is saved: the kiosk's configuration file. */
export interface DeviceConfigStore {
  readonly path: string | null;
  /** Writes the device's transport into the config file atomically, keeping the previous file. */
  saveDeviceTransport(device: string, transport: unknown): Promise<{ previousPath: string }>;
}

export const PORT_ACTIONS = new Set(['configurePort', 'choosePort', 'savePort', 'closePortSetup']);

interface OpenSetup {
  device: string;
  candidates: PortCandidate[];
  errors: string[];
  /** Moved to a port that answered, not saved yet: closing the setup moves it back. */
  unsaved: boolean;
  savedTo: string | null;
}

/**
 * Technician port configuration: list the ports the machine has, move a device to one (it is
 * kept only if the device answers there), save it in the config file atomically with the
 * previous file kept. A move that is not saved is undone when the setup is closed.
 */
export class PortSetup {
  private open: OpenSetup | null = null;

  constructor(
    private readonly configurator: PortConfigurator | null,
    private readonly store: DeviceConfigStore | null,
  ) {}

  view(): PortSetupView | null {
    const open = this.open;
    if (!open) return null;
    const current = this.configurator?.current(open.device) ?? null;
    return {
      device: open.device,
      current: current?.description ?? '',
      candidates: open.candidates.map((candidate) => ({
        id: candidate.id,
        label: candidate.label,
        current: candidate.id === current?.id,
        inUseBy: candidate.inUseBy ?? null,
      })),
      errors: open.errors,
      unsaved: open.unsaved,
      canSave: open.unsaved && Boolean(this.store?.path),
      savedTo: open.savedTo,
    };
  }

  async run(action: string, device?: string, port?: string): Promise<TechnicianActionResult> {
    if (!this.configurator) return { ok: false, message: { code: 'noDeviceLayer' } };
    switch (action) {
      case 'configurePort':
        return this.start(device);
      case 'choosePort':
        return this.choose(port);
      case 'savePort':
        return this.save();
      case 'closePortSetup':
        return this.close();
      default:
        return { ok: false, message: { code: 'notAnAction', action } };
    }
  }

  /** Leaving technician mode: an unsaved move is undone. */
  async abandon(): Promise<void> {
    if (this.open?.unsaved) await this.configurator?.restore(this.open.device);
    this.open = null;
  }

  private described(device: string): string {
    return this.configurator?.current(device)?.description ?? '?';
  }

  private async start(device?: string): Promise<TechnicianActionResult> {
    await this.abandon();
    const current = device ? this.configurator!.current(device)?.description : undefined;
    if (!device || current === undefined)
      return { ok: false, message: { code: 'unknownDevice', device: device ?? '' } };
    if (!this.configurator!.canChangePort(device))
      return { ok: false, message: { code: 'portNotChangeable', device } };
    const found = await this.configurator!.candidates(device);
    this.open = { device, ...found, unsaved: false, savedTo: null };
    const count = found.candidates.length;
    return {
      ok: count > 0,
      message:
        count > 0
          ? { code: 'portsFound', count, device, current }
          : { code: 'noPortsFound', device, errors: found.errors },
    };
  }

  private async choose(port?: string): Promise<TechnicianActionResult> {
    const open = this.open;
    if (!open) return { ok: false, message: { code: 'openPortSetupFirst' } };
    const candidate = open.candidates.find((c) => c.id === port);
    if (!candidate) return { ok: false, message: { code: 'notAFoundPort', port: port ?? '' } };
    if (candidate.inUseBy)
      return {
        ok: false,
        message: { code: 'portInUse', port: candidate.label, device: candidate.inUseBy },
      };
    const result = await this.configurator!.move(open.device, candidate.id);
    if (result.ok) {
      open.unsaved = true;
      open.savedTo = null;
    }
    return result;
  }

  private async save(): Promise<TechnicianActionResult> {
    const open = this.open;
    if (!open?.unsaved) return { ok: false, message: { code: 'nothingToSave' } };
    if (!this.store?.path) return { ok: false, message: { code: 'noConfigFile' } };
    try {
      const transport = this.configurator!.transportConfig(open.device);
      const { previousPath } = await this.store.saveDeviceTransport(open.device, transport);
      this.configurator!.committed(open.device);
      open.unsaved = false;
      open.savedTo = this.store.path;
      return {
        ok: true,
        message: {
          code: 'portSaved',
          device: open.device,
          port: this.described(open.device),
          path: this.store.path,
          previousPath,
        },
      };
    } catch (error) {
      return { ok: false, message: { code: 'notSaved', reason: (error as Error).message } };
    }
  }

  private async close(): Promise<TechnicianActionResult> {
    const open = this.open;
    if (!open) return { ok: true, message: { code: 'portSetupClosed' } };
    const wasUnsaved = open.unsaved;
    await this.abandon();
    return {
      ok: true,
      message: wasUnsaved
        ? { code: 'movedBack', device: open.device, port: this.described(open.device) }
        : { code: 'portSetupClosed' },
    };
  }
}
