import type { EmbeddedDeviceControl } from '../simulators/embedded';
import type { FaultConfig } from '../simulators/host';
import type { FaultKind, FaultStep } from './soak-plan';
import type { RestartableHost } from './restartable-host';

/**
 * Does and undoes each fault kind: host faults through the host simulator's control API
 * (`/sim/faults`, or the simulator stopped and started on its port), device faults through the
 * device simulators' controls (cables pulled and plugged back, paper out).
 */
export class FaultInjector {
  readonly counts = new Map<FaultKind, number>();

  constructor(
    private readonly host: RestartableHost,
    private readonly devices: EmbeddedDeviceControl,
    private readonly random: () => number,
  ) {}

  async apply(step: FaultStep): Promise<void> {
    if (step.phase === 'begin') this.counts.set(step.fault, (this.counts.get(step.fault) ?? 0) + 1);
    const action = step.phase === 'begin' ? this.begin(step.fault) : this.end(step.fault);
    await action;
  }

  private async begin(fault: FaultKind): Promise<void> {
    const { card, scanner, pinPad, printer } = this.devices;
    switch (fault) {
      case 'hostOutage':
        return this.host.stop();
      case 'hostRestart':
        return this.host.restart();
      case 'hostLatency':
        return this.hostFaults({ latencyMs: 50 + Math.floor(this.random() * 250) });
      case 'host5xx': {
        const status = [500, 502, 503][Math.floor(this.random() * 3)]!;
        const route = (['lookup', 'verify', 'balance'] as const)[Math.floor(this.random() * 3)]!;
        return this.hostFaults(
          this.random() < 0.5 ? { status } : { routes: { [route]: { status } } },
        );
      }
      case 'hostHang': {
        const route = (['lookup', 'verify', 'balance'] as const)[Math.floor(this.random() * 3)]!;
        return this.hostFaults({ routes: { [route]: { hang: true } } });
      }
      case 'unplugCardReader':
        return card?.unplug();
      case 'unplugScanner':
        return scanner?.unplug();
      case 'unplugPinPad':
        return pinPad?.unplug();
      case 'unplugPrinter':
        return printer.disconnect();
      case 'paperOut':
        return printer.setFaults({ paper: 'out' });
      case 'brainKill':
        return; // done by the session driver, mid-session
    }
  }

  private async end(fault: FaultKind): Promise<void> {
    const { card, scanner, pinPad, printer } = this.devices;
    switch (fault) {
      case 'hostOutage':
        return this.host.start();
      case 'hostLatency':
      case 'host5xx':
      case 'hostHang':
        return this.hostFaults(null);
      case 'unplugCardReader':
        return card?.plug('original');
      case 'unplugScanner':
        return scanner?.plug('original');
      case 'unplugPinPad':
        return pinPad?.plug('original');
      case 'unplugPrinter':
        return printer.reconnect();
      case 'paperOut':
        return printer.setFaults({ paper: 'ok' });
      case 'hostRestart':
      case 'brainKill':
        return;
    }
  }

  /** POST (or, with null, DELETE) the host simulator's /sim/faults; nothing while it is down. */
  private async hostFaults(faults: FaultConfig | null): Promise<void> {
    if (!this.host.up) return;
    const response = await fetch(`${this.host.url}/sim/faults`, {
      method: faults ? 'POST' : 'DELETE',
      headers: faults ? { 'content-type': 'application/json' } : {},
      body: faults ? JSON.stringify(faults) : undefined,
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) throw new Error(`host simulator refused the faults: ${response.status}`);
  }
}
