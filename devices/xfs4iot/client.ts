import type { Transport } from '../common/transport';
import { ListenerSet } from '../transports/listener-set';
import { encodeMessage, parseMessage, type Message, type XfsCompletionCode } from './envelope';
import { COMMAND_VERSIONS, type CommandName } from './message-catalog';

/** What a command came back with: the header's completion code and the completion's payload. */
export interface CommandOutcome {
  completionCode: XfsCompletionCode;
  errorDescription?: string;
  payload: Record<string, unknown>;
}

export interface CommandOptions {
  /** Sent to the service as `header.timeout`; the client gives up a little after it. */
  timeoutMs: number;
  /** The command's own events (KeyEvent, MediaInsertedEvent...), in order. */
  onEvent?: (name: string, payload: Record<string, unknown>) => void;
}

export interface ClientOptions {
  /** How long after `timeoutMs` a silent service is given before the client cancels. */
  graceMs?: number;
}

interface Pending {
  name: CommandName;
  acknowledged: boolean;
  onEvent?: CommandOptions['onEvent'];
  settle(outcome: CommandOutcome): void;
  timer: ReturnType<typeof setTimeout>;
}

const MAX_REQUEST_ID = 2 ** 31 - 1;
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/**
 * An XFS4IoT client for one service over a message-framed link (each `onData` chunk is one
 * whole WebSocket text message): numbers requests, pairs acknowledges, events and completions
 * with their command, hands unsolicited events to listeners, and never throws on what the
 * service sends: a malformed or unmatched message is reported to `onProtocolError` and dropped.
 */
export class Xfs4IoTClient {
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly unsolicited = new ListenerSet<
    [name: string, payload: Record<string, unknown>]
  >();
  private readonly protocolErrors = new ListenerSet<[error: string]>();
  private readonly unsubscribe: Array<() => void> = [];
  private readonly graceMs: number;

  constructor(
    private readonly transport: Transport,
    options: ClientOptions = {},
  ) {
    this.graceMs = options.graceMs ?? 2000;
    this.unsubscribe.push(
      transport.onData((bytes) => this.receive(bytes)),
      transport.onClose((error) => this.failAll(`link lost${error ? ` (${error.message})` : ''}`)),
    );
  }

  /** Unsolicited events (StatusChangedEvent, MediaDetectedEvent, PaperThresholdEvent...). */
  onUnsolicited(listener: (name: string, payload: Record<string, unknown>) => void): () => void {
    return this.unsolicited.add(listener);
  }

  /** Messages dropped because they were malformed or matched no command: for technicians. */
  onProtocolError(listener: (error: string) => void): () => void {
    return this.protocolErrors.add(listener);
  }

  /** Sends a command and waits for its completion; never rejects. */
  command(
    name: CommandName,
    payload: Record<string, unknown> | undefined,
    options: CommandOptions,
  ): Promise<CommandOutcome> & { requestId: number } {
    const requestId = this.takeRequestId();
    let settle!: (outcome: CommandOutcome) => void;
    const promise = new Promise<CommandOutcome>((resolve) => (settle = resolve));
    const timer = setTimeout(() => {
      // The service kept silent past its own timeout: ask it to stop, and stop waiting.
      void this.cancel([requestId]);
      this.finish(requestId, {
        completionCode: 'timeOut',
        errorDescription: `${name} did not complete in ${options.timeoutMs + this.graceMs} ms`,
        payload: {},
      });
    }, options.timeoutMs + this.graceMs);
    this.pending.set(requestId, {
      name,
      acknowledged: false,
      onEvent: options.onEvent,
      settle,
      timer,
    });
    const text = encodeMessage(
      {
        name,
        requestId,
        type: 'command',
        version: COMMAND_VERSIONS[name],
        timeout: options.timeoutMs,
      },
      payload ?? {},
    );
    if (!this.transport.isOpen) {
      this.finish(requestId, linkDown(name));
    } else {
      this.transport
        .write(encoder.encode(text))
        .catch(() => this.finish(requestId, linkDown(name)));
    }
    return Object.assign(promise, { requestId });
  }

  /** Common.Cancel for these commands (all of this client's when none are named). */
  async cancel(requestIds?: number[]): Promise<CommandOutcome> {
    return this.command(
      'Common.Cancel',
      requestIds && requestIds.length > 0 ? { requestIds } : {},
      { timeoutMs: 2000 },
    );
  }

  /** Requests still waiting for their completion. */
  get inFlight(): number[] {
    return [...this.pending.keys()];
  }

  dispose(): void {
    for (const stop of this.unsubscribe.splice(0)) stop();
    this.failAll('client closed');
  }

  private takeRequestId(): number {
    const id = this.nextRequestId;
    this.nextRequestId = id >= MAX_REQUEST_ID ? 1 : id + 1;
    return id;
  }

  private receive(bytes: Uint8Array): void {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      this.protocolErrors.emit('message is not UTF-8 text');
      return;
    }
    const parsed = parseMessage(text);
    if (!parsed.ok) {
      this.protocolErrors.emit(`malformed message: ${parsed.error}`);
      return;
    }
    this.dispatch(parsed.message);
  }

  private dispatch(message: Message): void {
    const { header } = message;
    const payload = message.payload ?? {};
    const requestId = header.requestId ?? undefined;
    if (header.type === 'unsolicited' || (header.type === 'event' && requestId === undefined)) {
      this.unsolicited.emit(header.name, payload);
      return;
    }
    const pending = requestId === undefined ? undefined : this.pending.get(requestId);
    if (!pending) {
      this.protocolErrors.emit(`${header.type} ${header.name} for unknown request ${requestId}`);
      return;
    }
    switch (header.type) {
      case 'acknowledge':
        if (header.status) {
          this.finish(requestId!, {
            completionCode:
              header.status === 'tooManyRequests' ? 'deviceNotReady' : 'invalidCommand',
            errorDescription: `${pending.name} refused: ${header.status}`,
            payload: {},
          });
        } else pending.acknowledged = true;
        return;
      case 'event':
        try {
          pending.onEvent?.(header.name, payload);
        } catch {
          // A driver's event handler failing must not lose the completion.
        }
        return;
      case 'completion':
        if (header.name !== pending.name) {
          this.protocolErrors.emit(
            `completion ${header.name} for request ${requestId} (${pending.name})`,
          );
          return;
        }
        this.finish(requestId!, {
          completionCode: header.completionCode!,
          ...(header.errorDescription ? { errorDescription: header.errorDescription } : {}),
          payload,
        });
        return;
      default:
        this.protocolErrors.emit(`unexpected ${header.type} ${header.name} from a service`);
    }
  }

  private finish(requestId: number, outcome: CommandOutcome): void {
    const pending = this.pending.get(requestId);
    if (!pending) return;
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    pending.settle(outcome);
  }

  private failAll(why: string): void {
    for (const [requestId, pending] of [...this.pending]) {
      this.finish(requestId, {
        completionCode: 'deviceNotReady',
        errorDescription: `${pending.name}: ${why}`,
        payload: {},
      });
    }
  }
}

const linkDown = (name: string): CommandOutcome => ({
  completionCode: 'deviceNotReady',
  errorDescription: `${name}: the service link is not open`,
  payload: {},
});
