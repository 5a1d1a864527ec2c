import {
  failure,
  success,
  type Completion,
  type CompletionCode,
  type DeviceStatusBase,
  type Listener,
  type StatusChangedEvent,
} from '../common/device';
import { errorNote, LineDevice, type LineLinkLostEvent } from '../common/line-device';
import type { Transport } from '../common/transport';
import { Xfs4IoTClient, type CommandOptions, type CommandOutcome } from './client';
import { kioskCompletionCode } from './completion-codes';
import { kioskDeviceState, XFS_DEVICE_STATES, type XfsDeviceState } from './device-states';
import { offeredInterfaces } from './capabilities';
import type { CommandName, InterfaceName } from './message-catalog';
import { serviceLinkOf } from './service-link';

export interface ServiceDeviceOptions<S extends DeviceStatusBase> {
  /** An Xfs4IoTServiceLink (told which interface to find), or any message-framed link in tests. */
  transport: Transport;
  interfaceName: InterfaceName;
  /** The status before the first Common.Status (`device: 'noDevice'`). */
  initialStatus: S;
  sameStatus?: (previous: S, next: S) => boolean;
  /** The class's own status fields from a Common.Status or StatusChangedEvent payload. */
  classStatus(payload: Record<string, unknown>, current: S): S;
  /** Unsolicited events beyond Common.StatusChangedEvent (MediaDetectedEvent...). */
  onUnsolicited?(name: string, payload: Record<string, unknown>): void;
  /** The link dropped while not closing: end the driver's own waits (the core reports it). */
  onLinkLost?(reason: string): void;
  /** How long Common.Status may take. */
  answerTimeoutMs: number;
}

/**
 * What every XFS4IoT driver shares: finding and opening its service, the client, Common.Status
 * and Common.StatusChangedEvent as the kiosk's status (XFS4IoT's device words kept), the
 * service's Common.Capabilities, link loss as `linkLost` (the manager reconnects), and
 * completions in the kiosk's codes. The driver adds its class's commands and events.
 */
export class ServiceDevice<S extends DeviceStatusBase, E extends { type: string }> {
  private readonly line: LineDevice<S, E>;
  private client: Xfs4IoTClient | null = null;
  private capabilityPayload: Record<string, unknown> = {};
  private protocolErrors = 0;

  constructor(private readonly options: ServiceDeviceOptions<S>) {
    // Told at once, for a link opened before the driver's open (kiosk-diag's probe)...
    serviceLinkOf(options.transport)?.seek(options.interfaceName);
    this.line = new LineDevice<S, E>({
      transport: options.transport,
      initialStatus: options.initialStatus,
      ...(options.sameStatus ? { sameStatus: options.sameStatus } : {}),
      // The client reads the link; the line only tracks its loss.
      onData: () => undefined,
      onLinkLost: (reason) => this.linkLost(reason),
    });
  }

  get transport(): Transport {
    return this.options.transport;
  }

  on(listener: Listener<E | StatusChangedEvent<S> | LineLinkLostEvent>): () => void {
    return this.line.on(listener);
  }

  emit(event: E): void {
    this.line.emit(event);
  }

  status(): S {
    return this.line.status();
  }

  setStatus(next: S): void {
    this.line.setStatus(next);
  }

  /** The service's Common.Capabilities payload (interfaces, common, the class's part). */
  get serviceCapabilities(): Record<string, unknown> {
    return this.capabilityPayload;
  }

  /**
   * Whether the service lists `command` among its interface's commands in Common.Capabilities;
   * `undefined` when the capabilities say nothing (a test link, or Capabilities failed).
   */
  offers(command: CommandName): boolean | undefined {
    const name = command.split('.')[0] as InterfaceName;
    return offeredInterfaces(this.capabilityPayload).get(name)?.has(command);
  }

  /** The service's URI when the link found one, else the link's description. */
  get serviceUri(): string {
    return (
      serviceLinkOf(this.options.transport)?.service?.uri ?? this.options.transport.description
    );
  }

  /** Messages dropped as malformed or unmatched since open. */
  get droppedMessages(): number {
    return this.protocolErrors;
  }

  async open(): Promise<Completion> {
    const unopened = { ...this.line.status(), device: 'offline' } as S;
    this.line.listen();
    // ...and again before every open: the manager may have put a new link under its wrapper.
    serviceLinkOf(this.options.transport)?.seek(this.options.interfaceName);
    const opened = await this.line.openTransport(unopened);
    if (opened.code !== 'success') return opened;
    this.attachClient();
    const found = serviceLinkOf(this.options.transport)?.service;
    if (found) {
      this.capabilityPayload = found.capabilities;
    } else {
      const capabilities = await this.command(
        'Common.Capabilities',
        {},
        {
          timeoutMs: this.options.answerTimeoutMs,
        },
      );
      if (capabilities.completionCode === 'success') this.capabilityPayload = capabilities.payload;
    }
    return this.refreshStatus();
  }

  /** Common.Status now; the status follows it. */
  async refreshStatus(): Promise<Completion> {
    const outcome = await this.command(
      'Common.Status',
      {},
      {
        timeoutMs: this.options.answerTimeoutMs,
      },
    );
    if (outcome.completionCode !== 'success') {
      const why = `Common.Status ${outcome.completionCode}${outcome.errorDescription ? `: ${outcome.errorDescription}` : ''}`;
      this.line.setStatus({ ...this.line.status(), device: 'offline', lastError: errorNote(why) });
      return failure('deviceNotReady', why);
    }
    this.applyStatus(outcome.payload);
    return success(undefined);
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client && client.inFlight.length > 0 && this.options.transport.isOpen) {
      // A command left running at the service would hold the device for the next client.
      await client.cancel();
    }
    client?.dispose();
    await this.line.close({ ...this.line.status(), device: 'offline' } as S);
  }

  /** A command to the service; a link that is down completes `deviceNotReady` at once. */
  command(
    name: CommandName,
    payload: Record<string, unknown>,
    options: CommandOptions,
  ): Promise<CommandOutcome> & { requestId?: number } {
    if (!this.client)
      return Promise.resolve({
        completionCode: 'deviceNotReady',
        errorDescription: `${name}: the service is not open`,
        payload: {},
      });
    return this.client.command(name, payload, options);
  }

  /** Common.Cancel for the given requests, or all of this driver's. */
  cancel(requestIds?: number[]): void {
    if (this.client && this.client.inFlight.length > 0) void this.client.cancel(requestIds);
  }

  private attachClient(): void {
    this.client?.dispose();
    const client = new Xfs4IoTClient(this.options.transport, { graceMs: 2000 });
    this.client = client;
    this.protocolErrors = 0;
    client.onUnsolicited((name, payload) => {
      if (name === 'Common.StatusChangedEvent') this.applyStatus(payload);
      else this.options.onUnsolicited?.(name, payload);
    });
    client.onProtocolError((error) => {
      this.protocolErrors += 1;
      this.line.setStatus({ ...this.line.status(), lastError: errorNote(`dropped: ${error}`) });
    });
  }

  private applyStatus(payload: Record<string, unknown>): void {
    const current = this.line.status();
    const word = (payload.common as { device?: unknown } | undefined)?.device;
    const device = XFS_DEVICE_STATES.includes(word as XfsDeviceState)
      ? kioskDeviceState(word as XfsDeviceState)
      : current.device;
    this.line.setStatus(this.options.classStatus(payload, { ...current, device }));
  }

  private linkLost(reason: string): void {
    this.client?.dispose();
    this.client = null;
    this.options.onLinkLost?.(reason);
    this.line.reportLinkLost(reason, { ...this.line.status(), device: 'offline' } as S);
  }
}

/**
 * A command's outcome as a kiosk completion. `errorCodes` maps the class's `errorCode` of a
 * `commandErrorCode` completion (e.g. CardReader `mediaJam` -> `mediaJammed`).
 */
export function completionOf<T>(
  name: string,
  outcome: CommandOutcome,
  value: (payload: Record<string, unknown>) => T,
  errorCodes: Readonly<Record<string, Exclude<CompletionCode, 'success'>>> = {},
): Completion<T> {
  if (outcome.completionCode === 'success') return success(value(outcome.payload));
  const errorCode = outcome.payload.errorCode;
  const description = `${name}: ${outcome.errorDescription ?? outcome.completionCode}${typeof errorCode === 'string' ? ` (${errorCode})` : ''}`;
  if (outcome.completionCode === 'commandErrorCode' && typeof errorCode === 'string')
    return failure(errorCodes[errorCode] ?? 'hardwareError', description);
  const code = kioskCompletionCode(outcome.completionCode);
  return failure(code === 'success' ? 'hardwareError' : code, description);
}
