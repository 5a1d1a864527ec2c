import { readFileSync } from 'node:fs';
import type { Transport } from '../common/transport';
import { ListenerSet } from '../transports/listener-set';
import { Xfs4IoTClient } from './client';
import {
  checkServiceUri,
  openSocket,
  portsToTry,
  publisherUri,
  serviceNameOf,
  type FoundService,
  type PublisherTarget,
  type SocketOptions,
} from './discovery';
import { MAX_MESSAGE_BYTES } from './envelope';
import { offeredInterfaces } from './capabilities';
import type { InterfaceName } from './message-catalog';
import { SocketTransport } from './socket-transport';

export interface ServiceLinkOptions extends PublisherTarget {
  /** The service's name in its URI (e.g. `CardReader1`); default: the first with the interface. */
  service?: string;
  /** A PEM file of the certificates an ATM's services chain to. */
  caFile?: string;
  connectTimeoutMs: number;
}

/**
 * The link to one XFS4IoT service, found through the terminal's service publisher: `open()` asks
 * the publisher (ServicePublisher.GetServices) for its services, then each candidate for its
 * interfaces (Common.Capabilities), and keeps the socket of the first that offers the interface
 * the driver `seek`s. Message-framed like every XFS4IoT link: one `onData` chunk, one message.
 */
export class Xfs4IoTServiceLink implements Transport {
  private socket: SocketTransport | null = null;
  private wanted: InterfaceName | null = null;
  private found: FoundService | null = null;
  private readonly data = new ListenerSet<[Uint8Array]>();
  private readonly closed = new ListenerSet<[Error | undefined]>();

  constructor(private readonly options: ServiceLinkOptions) {}

  /** Called by the driver before `open()`: which interface the service must offer. */
  seek(interfaceName: InterfaceName): void {
    this.wanted = interfaceName;
  }

  /** The service the last `open()` found, with its capabilities. */
  get service(): FoundService | null {
    return this.found;
  }

  get description(): string {
    if (this.found) return `xfs4iot ${this.found.uri}`;
    const port = this.options.port ?? (this.options.secure ? '443,5846-5856' : '80,5846-5856');
    const which = this.options.service ?? this.wanted ?? 'service';
    return `xfs4iot ${this.options.secure ? 'wss' : 'ws'}://${this.options.host}:${port} ${which}`;
  }

  get isOpen(): boolean {
    return this.socket?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    if (!this.wanted)
      throw new Error('xfs4iot link: the driver did not say which interface it needs');
    const socketOptions: SocketOptions = {
      connectTimeoutMs: this.options.connectTimeoutMs,
      maxPayload: MAX_MESSAGE_BYTES,
      ...(this.options.caFile ? { ca: readCa(this.options.caFile) } : {}),
    };
    const uris = await this.listServices(socketOptions);
    const misses: string[] = [];
    for (const uri of uris) {
      if (this.options.service && serviceNameOf(uri) !== this.options.service) continue;
      const outcome = await this.tryService(uri, socketOptions);
      if (typeof outcome === 'string') misses.push(outcome);
      else return this.adopt(outcome.socket, outcome.found);
    }
    const which = this.options.service
      ? `service '${this.options.service}'`
      : `a ${this.wanted} service`;
    throw new Error(
      `${this.description}: the publisher lists no ${which}` +
        (uris.length
          ? ` (it lists ${uris.map(serviceNameOf).join(', ')}${misses.length ? `; ${misses.join('; ')}` : ''})`
          : ' (it lists none)'),
    );
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    await socket?.close();
  }

  write(data: Uint8Array): Promise<void> {
    if (!this.socket) return Promise.reject(new Error(`${this.description}: not open`));
    return this.socket.write(data);
  }

  onData(listener: (data: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  private async listServices(socketOptions: SocketOptions): Promise<string[]> {
    const failures: string[] = [];
    for (const port of portsToTry(this.options)) {
      const uri = publisherUri(this.options, port);
      let socket: SocketTransport;
      try {
        socket = new SocketTransport(await openSocket(uri, socketOptions), uri);
      } catch (error) {
        failures.push((error as Error).message);
        continue;
      }
      try {
        return await this.askPublisher(socket, uri);
      } finally {
        await socket.close();
      }
    }
    throw new Error(
      `no XFS4IoT service publisher on ${this.options.host}: ${failures.length === 1 ? failures[0] : `tried ports ${portsToTry(this.options).join(', ')}; ${failures[0]}`}`,
    );
  }

  private async askPublisher(socket: SocketTransport, uri: string): Promise<string[]> {
    const client = new Xfs4IoTClient(socket, { graceMs: 500 });
    try {
      const outcome = await client.command(
        'ServicePublisher.GetServices',
        {},
        {
          timeoutMs: this.options.connectTimeoutMs,
        },
      );
      if (outcome.completionCode !== 'success')
        throw new Error(
          `${uri}: GetServices ${outcome.completionCode}${outcome.errorDescription ? ` (${outcome.errorDescription})` : ''}`,
        );
      const services = outcome.payload.services;
      if (!Array.isArray(services)) throw new Error(`${uri}: GetServices without a services list`);
      const uris: string[] = [];
      for (const entry of services.slice(0, 64)) {
        const serviceUri = (entry as { serviceURI?: unknown } | null)?.serviceURI;
        if (typeof serviceUri !== 'string') continue;
        if (checkServiceUri(serviceUri, this.options.secure) === undefined) uris.push(serviceUri);
      }
      return uris;
    } finally {
      client.dispose();
    }
  }

  private async tryService(
    uri: string,
    socketOptions: SocketOptions,
  ): Promise<string | { socket: SocketTransport; found: FoundService }> {
    let socket: SocketTransport;
    try {
      socket = new SocketTransport(await openSocket(uri, socketOptions), uri);
    } catch (error) {
      return (error as Error).message;
    }
    const client = new Xfs4IoTClient(socket, { graceMs: 500 });
    try {
      const outcome = await client.command(
        'Common.Capabilities',
        {},
        {
          timeoutMs: this.options.connectTimeoutMs,
        },
      );
      const interfaces = [...offeredInterfaces(outcome.payload).keys()];
      if (outcome.completionCode === 'success' && interfaces.includes(this.wanted!)) {
        return { socket, found: { uri, interfaces, capabilities: outcome.payload } };
      }
      await socket.close();
      return `${serviceNameOf(uri)} offers ${interfaces.join('/') || 'no interfaces'}`;
    } catch (error) {
      await socket.close();
      return (error as Error).message;
    } finally {
      client.dispose();
    }
  }

  private adopt(socket: SocketTransport, found: FoundService): void {
    this.socket = socket;
    this.found = found;
    socket.onData((bytes) => this.data.emit(bytes));
    socket.onClose((error) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.closed.emit(error ?? new Error('the service closed the link'));
    });
  }
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `xfs4iot ca file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      { cause: error },
    );
  }
}

/** The link a driver was given, when it is an XFS4IoT one. */
export const isServiceLink = (transport: Transport): transport is Xfs4IoTServiceLink =>
  transport instanceof Xfs4IoTServiceLink;

/**
 * The service link under a transport, through wrappers that expose theirs as `target` (the
 * device manager's RetargetableTransport); undefined for any other link (tests' memory links).
 */
export function serviceLinkOf(transport: Transport): Xfs4IoTServiceLink | undefined {
  let link: Transport | undefined = transport;
  for (let depth = 0; link && depth < 4; depth += 1) {
    if (isServiceLink(link)) return link;
    link = (link as { target?: Transport }).target;
  }
  return undefined;
}
