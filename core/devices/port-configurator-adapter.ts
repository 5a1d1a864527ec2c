import type { DeviceManager } from '../../devices/manager/device-manager';
import { describeTransport, portCanChange } from '../../devices/transports/transport-kinds';
import type { TransportConfig } from '../../devices/manager/device-config';
import type { DeviceName } from '../../devices/manager/device-snapshot';
import {
  systemListers,
  type HardwareListers,
  type HidDeviceInfo,
  type SerialPortInfo,
} from '../../devices/manager/discovery';
import type { PortCandidate, PortConfigurator } from '../technician/port-setup';
import type { TechnicianActionResult } from '../technician/technician-port';

export interface PortDiscovery extends HardwareListers {
  /** Ports the operating system does not list but that exist (the simulators' pty lines). */
  extraSerial?(): SerialPortInfo[];
}

/** The operating system's serial and HID lists, plus ports it does not list (simulated ptys). */
export function systemPortDiscovery(extraSerial?: () => SerialPortInfo[]): PortDiscovery {
  return { ...systemListers, ...(extraSerial ? { extraSerial } : {}) };
}

/** Whether a device may move to another listed port: its transport kind says. */
export { portCanChange };

const idOf = (config: TransportConfig): string => describeTransport(config).replace(' ', ':');

function serialLabel(port: SerialPortInfo): string {
  const maker = [port.manufacturer, port.serialNumber].filter(Boolean).join(' ');
  const usb = port.vendorId ? ` [${port.vendorId}:${port.productId ?? '?'}]` : '';
  return `${port.path}${maker ? ` (${maker})` : ''}${usb}`;
}

function hidLabel(device: HidDeviceInfo): string {
  const ids = `${device.vendorId.toString(16).padStart(4, '0')}:${device.productId.toString(16).padStart(4, '0')}`;
  const name = [device.manufacturer, device.product].filter(Boolean).join(' ');
  return `${device.path ?? ids} (${[ids, name].filter(Boolean).join(' ')})`;
}

/**
 * Port setup backed by the device manager: serial devices may move to any serial port the
 * machine has (their line settings kept), HID devices to any HID device path. A network
 * device's address is set in the config file; it has no ports to discover.
 */
export class PortConfiguratorAdapter implements PortConfigurator {
  /** Where each device was before the last move (for an unsaved move to be undone). */
  private readonly before = new Map<DeviceName, TransportConfig>();
  private readonly offered = new Map<string, TransportConfig>();

  constructor(
    private readonly manager: DeviceManager,
    private readonly discovery: PortDiscovery = systemPortDiscovery(),
  ) {}

  current(device: string): { id: string; description: string } | null {
    const config = this.config(device);
    return config ? { id: idOf(config), description: describeTransport(config) } : null;
  }

  canChangePort(device: string): boolean {
    const config = this.config(device);
    return config !== undefined && portCanChange(config);
  }

  transportConfig(device: string): TransportConfig | undefined {
    return this.config(device);
  }

  async candidates(device: string): Promise<{ candidates: PortCandidate[]; errors: string[] }> {
    const config = this.config(device);
    if (!config) return { candidates: [], errors: [`no ${device} configured`] };
    const usedBy = new Map<string, string>();
    for (const name of this.manager.names()) {
      const other = this.manager.transportConfig(name);
      if (other && name !== device) usedBy.set(idOf(other), name);
    }
    const found: Array<{ config: TransportConfig; label: string }> = [];
    const errors: string[] = [];
    if (config.type === 'serial') {
      const listed = await this.discovery.serialPorts();
      if (listed.error) errors.push(listed.error);
      const ports = [...listed.devices, ...(this.discovery.extraSerial?.() ?? [])];
      for (const port of ports)
        found.push({ config: { ...config, path: port.path }, label: serialLabel(port) });
    } else {
      const listed = await this.discovery.hidDevices();
      if (listed.error) errors.push(listed.error);
      for (const hid of listed.devices)
        if (hid.path) found.push({ config: { type: 'hid', path: hid.path }, label: hidLabel(hid) });
    }
    const candidates: PortCandidate[] = [];
    for (const { config: next, label } of found) {
      const id = idOf(next);
      if (candidates.some((c) => c.id === id)) continue; // listed by the OS and as an extra
      this.offered.set(id, next);
      const inUseBy = usedBy.get(id);
      candidates.push({ id, label, ...(inUseBy ? { inUseBy } : {}) });
    }
    return { candidates, errors };
  }

  async move(device: string, candidateId: string): Promise<TechnicianActionResult> {
    const name = device as DeviceName;
    const previous = this.config(device);
    const next = this.offered.get(candidateId);
    if (!previous || !next)
      return { ok: false, message: { code: 'notAFoundPort', port: candidateId } };
    const result = await this.manager.moveDevice(name, next);
    if (result.code !== 'success')
      return { ok: false, message: { code: 'moveFailed', reason: result.errorDescription } };
    if (!this.before.has(name)) this.before.set(name, previous);
    return {
      ok: true,
      message: { code: 'deviceAnswersOn', device, port: describeTransport(next) },
    };
  }

  async restore(device: string): Promise<void> {
    const name = device as DeviceName;
    const previous = this.before.get(name);
    this.before.delete(name);
    if (previous) await this.manager.reconnectTo(name, previous);
  }

  /** A save makes the current port the one to come back to. */
  committed(device: string): void {
    this.before.delete(device as DeviceName);
  }

  private config(device: string): TransportConfig | undefined {
    return this.manager.names().includes(device as DeviceName)
      ? this.manager.transportConfig(device as DeviceName)
      : undefined;
  }
}
