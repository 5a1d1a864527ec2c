import { ListenerSet } from '../transports/listener-set';
import {
  failure,
  success,
  type Completion,
  type DeviceStatusBase,
  type Listener,
  type StatusChangedEvent,
} from './device';
import type { Transport } from './transport';

export type ErrorNote = NonNullable<DeviceStatusBase['lastError']>;

/** A `lastError` entry stamped with the time now. */
export const errorNote = (description: string): ErrorNote => ({
  description,
  at: new Date().toISOString(),
});

export interface LineLinkLostEvent {
  type: 'linkLost';
  reason: string;
}

export interface LineDeviceOptions<S extends DeviceStatusBase> {
  /** Subscribed to as given: a RetargetableTransport swaps the link under this very object. */
  transport: Transport;
  initialStatus: S;
  /** Statuses alike by this emit no `statusChanged`; by default those with the same `device`. */
  sameStatus?: (previous: S, next: S) => boolean;
  /** After a `statusChanged` was emitted (for events derived from the status). */
  statusChanged?: (previous: S, next: S) => void;
  onData(chunk: Uint8Array): void;
  /** The link dropped while not closing: clean up, then call `reportLinkLost`. */
  onLinkLost(reason: string): void;
}

/**
 * What the byte-line drivers (card reader, scanner, receipt printer) share: the transport
 * subscription, opening and closing the link, link-lost reporting, the status with its
 * `statusChanged` events, and the listener set. The driver keeps its protocol.
 */
export class LineDevice<S extends DeviceStatusBase, E extends { type: string }> {
  private readonly transport: Transport;
  private readonly events = new ListenerSet<[E | StatusChangedEvent<S> | LineLinkLostEvent]>();
  private current: S;
  private unsubscribe: Array<() => void> = [];
  private closing = false;

  constructor(private readonly options: LineDeviceOptions<S>) {
    this.transport = options.transport;
    this.current = options.initialStatus;
  }

  on(listener: Listener<E | StatusChangedEvent<S> | LineLinkLostEvent>): () => void {
    return this.events.add(listener);
  }

  emit(event: E): void {
    this.events.emit(event);
  }

  status(): S {
    return { ...this.current };
  }

  /** Sets the status (keeping the last error unless `next` has one); emits when it changed. */
  setStatus(next: S): void {
    const previous = this.current;
    const merged: S = { ...next, lastError: next.lastError ?? previous.lastError };
    this.current = merged;
    const same = this.options.sameStatus ?? ((a: S, b: S) => a.device === b.device);
    if (same(previous, merged)) return;
    this.events.emit({ type: 'statusChanged', status: this.status() });
    this.options.statusChanged?.(previous, merged);
  }

  /** (Re)subscribes to the transport's data and loss; ends a previous close(). */
  listen(): void {
    this.closing = false;
    this.stopListening();
    this.unsubscribe.push(
      this.transport.onData((chunk) => this.options.onData(chunk)),
      this.transport.onClose((error) => {
        if (this.closing) return;
        this.options.onLinkLost(error?.message ?? 'link closed');
      }),
    );
  }

  /**
   * Opens the transport unless it is open (ending a previous close()); when it cannot, sets
   * `unopened` with the reason as last error and fails with `deviceNotReady`.
   */
  async openTransport(unopened: S): Promise<Completion> {
    this.closing = false;
    if (this.transport.isOpen) return success(undefined);
    try {
      await this.transport.open();
      return success(undefined);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      this.setStatus({ ...unopened, lastError: errorNote(`cannot open link: ${reason}`) });
      return failure('deviceNotReady', `cannot open ${this.transport.description}: ${reason}`);
    }
  }

  /** Sets `lost` with the reason as last error and emits `linkLost`. */
  reportLinkLost(reason: string, lost: S): void {
    this.setStatus({ ...lost, lastError: errorNote(`link lost: ${reason}`) });
    this.events.emit({ type: 'linkLost', reason });
  }

  /** Unsubscribes, closes the transport (one already gone is fine) and sets `closed`. */
  async close(closed: S): Promise<void> {
    this.closing = true;
    this.stopListening();
    try {
      await this.transport.close();
    } catch {
      // Already gone.
    }
    this.setStatus(closed);
  }

  private stopListening(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }
}
