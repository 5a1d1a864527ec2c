import type {
  TechnicianAction,
  TechnicianCapability,
  TechnicianDevice,
  TechnicianEvent,
} from '../common/api';
import type { TransportConfig } from '../../devices/manager/device-config';
import { portCanChange } from './port-configurator-adapter';
import { DeviceEventLog } from './device-event-log';
import type { DeviceManager } from '../../devices/manager/device-manager';
import type { DeviceName, DeviceSnapshot } from '../../devices/manager/device-snapshot';
import { DEVICE_NAMES, DEVICE_SLOTS, isDeviceName } from '../../devices/drivers/device-slots';
import { selfTestsOf } from './device-self-tests';
import type { DeviceDiagnosticsSource } from '../technician/kiosk-technician-port';
import type { TechnicianActionResult } from '../technician/technician-port';

/** Capability flags that are on, and short values: the screen puts them in words. */
export function capabilityList(capabilities: Record<string, unknown>): TechnicianCapability[] {
  const list: TechnicianCapability[] = [];
  for (const [name, value] of Object.entries(capabilities)) {
    if (name === 'transport' || name === 'serial') continue;
    if (value === true) list.push({ name });
    else if (typeof value === 'string' || typeof value === 'number')
      list.push({ name, value: String(value) });
    else if (Array.isArray(value) && value.length) list.push({ name, value: value.join(', ') });
  }
  return list;
}

export function technicianDevice(
  snapshot: DeviceSnapshot,
  transport?: TransportConfig,
): TechnicianDevice {
  const firmware = snapshot.capabilities.model;
  return {
    name: snapshot.name,
    deviceClass: snapshot.deviceClass,
    state: snapshot.reconnecting ? 'noDevice (reconnecting)' : snapshot.state,
    driver: snapshot.driver,
    transport: snapshot.transport,
    detail: snapshot.detail,
    capabilities: capabilityList(snapshot.capabilities),
    portChangeable: transport !== undefined && portCanChange(transport),
    tests: selfTestsOf(snapshot.deviceClass).map((test) => test.action),
    firmware: typeof firmware === 'string' ? firmware : undefined,
    lastError: snapshot.lastError,
    counters: snapshot.counters,
  };
}

const notConfigured = (device: DeviceName): TechnicianActionResult => ({
  ok: false,
  message: { code: 'notConfigured', device },
});

/** Technician mode's device part, backed by the device manager. */
export class DeviceDiagnosticsAdapter implements DeviceDiagnosticsSource {
  private readonly log: DeviceEventLog;

  constructor(private readonly manager: DeviceManager) {
    this.log = new DeviceEventLog(manager);
  }

  devices(): TechnicianDevice[] {
    return this.manager
      .snapshots()
      .map((snapshot) => technicianDevice(snapshot, this.manager.transportConfig(snapshot.name)));
  }

  /**
   * A device's test, on the named device or else the first whose class has it. The printer is
   * the manager's counting one, so a test page shows in its counters.
   */
  private async selfTest(action: TechnicianAction, name?: string): Promise<TechnicianActionResult> {
    const classOfTest = DEVICE_NAMES.find((slot) =>
      selfTestsOf(DEVICE_SLOTS[slot]).some((test) => test.action === action),
    );
    if (!classOfTest) return { ok: false, message: { code: 'notAnAction', action } };
    const target =
      name !== undefined && isDeviceName(name)
        ? name
        : (this.manager
            .names()
            .find((slot) =>
              selfTestsOf(DEVICE_SLOTS[slot]).some((test) => test.action === action),
            ) ?? classOfTest);
    const test = selfTestsOf(DEVICE_SLOTS[target]).find((t) => t.action === action);
    const device = target === 'printer' ? this.manager.printer : this.manager.device(target);
    if (!device) return notConfigured(target);
    if (!test) return { ok: false, message: { code: 'notAnAction', action } };
    return test.run(device as never);
  }

  events(): TechnicianEvent[] {
    return this.log.list();
  }

  async run(action: TechnicianAction, device?: string): Promise<TechnicianActionResult> {
    switch (action) {
      case 'refresh':
        return {
          ok: true,
          message: { code: 'devicesConfigured', count: this.manager.names().length },
        };
      case 'resetDevice': {
        const name = (device ?? '') as DeviceName;
        if (!this.manager.names().includes(name))
          return { ok: false, message: { code: 'unknownDevice', device: device ?? '' } };
        const result = await this.manager.reset(name);
        return result.code === 'success'
          ? { ok: true, message: { code: 'deviceReopened', device: name } }
          : {
              ok: false,
              message: { code: 'resetFailed', device: name, reason: result.errorDescription },
            };
      }
      default:
        return this.selfTest(action, device);
    }
  }
}
