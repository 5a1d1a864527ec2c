import type { XfsCompletionCode } from '../../devices/xfs4iot/envelope';
import type { CommandName, EventName, InterfaceName } from '../../devices/xfs4iot/message-catalog';

/** What a simulated command handler gets: its request, a cancel signal and its own events. */
export interface CommandContext {
  requestId: number;
  /** Aborted by Common.Cancel, the command's timeout, or the client going away. */
  signal: AbortSignal;
  /** Why `signal` was aborted: `canceled` or `timeOut`. */
  abortCode(): 'canceled' | 'timeOut';
  /** An event of this command (header type `event`, this request's id). */
  event(name: EventName, payload: Record<string, unknown>): void;
}

export interface CommandReply {
  completionCode: XfsCompletionCode;
  errorDescription?: string;
  payload?: Record<string, unknown>;
}

export type CommandHandler = (
  payload: Record<string, unknown>,
  context: CommandContext,
) => Promise<CommandReply>;

/** One XFS4IoT service the simulated publisher serves (a card reader, a pin pad, ...). */
export interface SimulatedService {
  /** Its name in its URI: `.../xfs4iot/v1.0/<name>/`. */
  readonly name: string;
  /** Common is added by the host. */
  readonly interfaces: readonly Exclude<InterfaceName, 'Common'>[];
  /** Common.Status payload beyond `common` (e.g. `{cardReader: {media: 'notPresent'}}`). */
  status(): Record<string, unknown>;
  /** The device's own state, before the host's faults (`offline`) are applied. */
  deviceState(): 'online' | 'offline' | 'noDevice' | 'hardwareError' | 'deviceBusy' | 'powerOff';
  /** Common.Capabilities payload beyond `interfaces` and `common`. */
  capabilities(): Record<string, unknown>;
  readonly commands: Partial<Record<CommandName, CommandHandler>>;
  /** Starts sending unsolicited events (StatusChangedEvent, MediaDetectedEvent...); returns stop. */
  attach?(unsolicited: (name: EventName, payload: Record<string, unknown>) => void): () => void;
}

/** Faults the panel and tests set on one service. */
export interface ServiceFaults {
  /** Common.Status says offline and class commands complete with deviceNotReady. */
  offline: boolean;
  /** Every reply waits this long first. */
  slowMs: number;
  /** The next this many messages the service sends are garbled. */
  malformed: number;
  /** Completions are sent before their acknowledge. */
  outOfOrder: boolean;
}

export const noFaults = (): ServiceFaults => ({
  offline: false,
  slowMs: 0,
  malformed: 0,
  outOfOrder: false,
});

/** One service as the panel shows and sets it. */
export interface ServiceControlState extends ServiceFaults {
  name: string;
  uri: string;
  running: boolean;
}

/** The panel's hold on the simulated services: start and stop them, set their faults. */
export interface Xfs4IoTControl {
  publisherUrl: string;
  services(): ServiceControlState[];
  set(
    name: string,
    change: Partial<Omit<ServiceControlState, 'name' | 'uri'>>,
  ): ServiceControlState;
}
