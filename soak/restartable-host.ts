import {
  startHostSimulator,
  type FaultConfig,
  type HostSimulator,
  type HostSimulatorOptions,
} from '../simulators/host';

/**
 * The host simulator on one fixed port that can go away (an outage: connections refused) and
 * come back (a host restart: tokens, lockouts and anchors forgotten), as a real gateway does.
 */
export class RestartableHost {
  private host: HostSimulator | null = null;
  private port = 0;
  restarts = 0;

  constructor(private readonly options: Omit<HostSimulatorOptions, 'port'>) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get up(): boolean {
    return this.host !== null;
  }

  async start(): Promise<void> {
    if (this.host) return;
    this.host = await startHostSimulator({ ...this.options, port: this.port });
    if (this.port !== 0) this.restarts += 1;
    this.port = this.host.port;
  }

  /** Down: nothing listens on the port until start(). */
  async stop(): Promise<void> {
    const host = this.host;
    this.host = null;
    await host?.close();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  setFaults(faults: FaultConfig): void {
    this.host?.setFaults(faults);
  }

  clearFaults(): void {
    this.host?.clearFaults();
  }
}
