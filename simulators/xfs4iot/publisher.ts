/**
 * A simulated XFS4IoT terminal: one HTTP server on loopback with the service publisher at
 * `/xfs4iot/v1.0` (ServicePublisher.GetServices) and each simulated service at
 * `/xfs4iot/v1.0/<name>/`, as KAL SP-Dev's ServicePublisher.cs and EndpointDetails.cs lay them out.
 * Commands are acknowledged, queued per service (Common.* run at once), completed, and can be
 * canceled or timed out; faults make a service offline, slow, garbled or out of order.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  encodeMessage,
  MAX_MESSAGE_BYTES,
  parseMessage,
  type MessageHeader,
} from '../../devices/xfs4iot/envelope';
import { XFS4IOT_PATH } from '../../devices/xfs4iot/discovery';
import {
  COMMAND_VERSIONS,
  COMPLETION_VERSIONS,
  EVENT_VERSIONS,
  type CommandName,
  type EventName,
  type InterfaceName,
  interfaceOnWire,
} from '../../devices/xfs4iot/message-catalog';
import {
  noFaults,
  type CommandReply,
  type ServiceFaults,
  type SimulatedService,
} from './simulated-service';

export interface PublisherOptions {
  services: SimulatedService[];
  /** 0 picks a free port; the standard's are 80/443 and 5846-5856. */
  port?: number;
  vendorName?: string;
  /** Serve wss:// with this certificate (PEM), as an ATM's services do. */
  tls?: { cert: string; key: string };
}

export interface SimulatedPublisher {
  /** ws://127.0.0.1:<port>/xfs4iot/v1.0 */
  readonly url: string;
  readonly port: number;
  serviceUri(name: string): string;
  faults(name: string): ServiceFaults;
  /** Closes every client socket of the service (as a service restarting does). */
  dropClients(name: string): void;
  /** A stopped service refuses new connections until started again. */
  setRunning(name: string, running: boolean): void;
  /** Whether the service is running (not stopped by setRunning). */
  isRunning(name: string): boolean;
  /** The latest messages each service received, for conformance checks. */
  readonly received: Array<{ service: string; text: string }>;
  /** The latest messages the services sent. */
  readonly sent: Array<{ service: string; text: string }>;
  close(): Promise<void>;
}

interface Running {
  requestId: number;
  abort: AbortController;
  code: 'canceled' | 'timeOut';
}

/** The message logs keep the latest this many (a dev kiosk runs for hours). */
const LOG_LIMIT = 2000;

const GARBLE = [
  '{"header":',
  '{"header":{"name":7,"type":"completion"}}',
  'not json at all',
  '{"payload":{}}',
];

export async function startSimulatedPublisher(
  options: PublisherOptions,
): Promise<SimulatedPublisher> {
  const services = new Map(options.services.map((service) => [service.name, service]));
  const faults = new Map(options.services.map((service) => [service.name, noFaults()]));
  const running = new Map(options.services.map((service) => [service.name, true]));
  const sockets = new Map<string, Set<WebSocket>>();
  const received: SimulatedPublisher['received'] = [];
  const sent: SimulatedPublisher['sent'] = [];
  const queues = new Map<string, Promise<unknown>>();
  const detach: Array<() => void> = [];
  let garbleIndex = 0;
  const keep = (
    log: Array<{ service: string; text: string }>,
    entry: { service: string; text: string },
  ) => {
    log.push(entry);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
  };

  const refuse: RequestListener = (_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('XFS4IoT: WebSocket only\n');
  };
  const http: Server = options.tls ? createTlsServer(options.tls, refuse) : createServer(refuse);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const base = `${options.tls ? 'wss' : 'ws'}://127.0.0.1:${port}${XFS4IOT_PATH}`;
  const serviceUri = (name: string) => `${base}/${name}/`;

  function send(
    endpoint: string,
    socket: WebSocket,
    header: MessageHeader,
    payload?: Record<string, unknown>,
  ) {
    const fault = faults.get(endpoint);
    let text = encodeMessage(header, payload);
    if (fault && fault.malformed > 0) {
      fault.malformed -= 1;
      text = GARBLE[garbleIndex++ % GARBLE.length]!;
    }
    keep(sent, { service: endpoint, text });
    if (socket.readyState === socket.OPEN) socket.send(text);
  }

  function completion(
    endpoint: string,
    socket: WebSocket,
    name: CommandName,
    requestId: number,
    reply: CommandReply,
  ) {
    send(
      endpoint,
      socket,
      {
        name,
        requestId,
        type: 'completion',
        version: COMPLETION_VERSIONS[name],
        completionCode: reply.completionCode,
        ...(reply.errorDescription ? { errorDescription: reply.errorDescription } : {}),
      },
      reply.payload ?? {},
    );
  }

  function commonStatus(service: SimulatedService) {
    const device = faults.get(service.name)!.offline ? 'offline' : service.deviceState();
    return { common: { device }, ...service.status() };
  }

  function commonCapabilities(service: SimulatedService) {
    const names: InterfaceName[] = ['Common', ...service.interfaces];
    return {
      interfaces: names.map((name) => ({
        name: interfaceOnWire(name),
        commands: Object.fromEntries(
          Object.keys(COMMAND_VERSIONS)
            .filter(
              (command) =>
                command.startsWith(`${name}.`) &&
                (name === 'Common' || service.commands[command as CommandName]),
            )
            .map((command) => [command, { versions: [COMMAND_VERSIONS[command as CommandName]] }]),
        ),
        events: Object.fromEntries(
          Object.keys(EVENT_VERSIONS)
            .filter((event) => event.startsWith(`${name}.`))
            .map((event) => [event, { versions: [EVENT_VERSIONS[event as EventName]] }]),
        ),
        maximumRequests: 1000,
      })),
      common: {
        serviceVersion: '1.0',
        deviceInformation: [
          { modelName: `Simulated ${service.interfaces[0]}`, serialNumber: `SIM-${service.name}` },
        ],
      },
      ...service.capabilities(),
    };
  }

  function handlePublisher(socket: WebSocket, text: string) {
    const parsed = parseMessage(text);
    keep(received, { service: 'publisher', text });
    if (
      !parsed.ok ||
      parsed.message.header.type !== 'command' ||
      parsed.message.header.requestId == null
    )
      return;
    const { name, requestId } = parsed.message.header;
    send('publisher', socket, { name, requestId, type: 'acknowledge', version: '2.0' });
    if (name !== 'ServicePublisher.GetServices') {
      send(
        'publisher',
        socket,
        {
          name,
          requestId,
          type: 'completion',
          version: '2.0',
          completionCode: 'unsupportedCommand',
        },
        {},
      );
      return;
    }
    completion('publisher', socket, 'ServicePublisher.GetServices', requestId, {
      completionCode: 'success',
      payload: {
        vendorName: options.vendorName ?? 'BPJS kiosk XFS4IoT simulator',
        services: [...services.keys()]
          .filter((key) => running.get(key))
          .map((key) => ({ serviceURI: serviceUri(key) })),
      },
    });
  }

  function handleService(
    service: SimulatedService,
    socket: WebSocket,
    inFlight: Map<number, Running>,
    text: string,
  ) {
    keep(received, { service: service.name, text });
    const parsed = parseMessage(text);
    if (!parsed.ok) return;
    const { header } = parsed.message;
    if (header.type !== 'command' || header.requestId == null) return;
    const requestId = header.requestId;
    const name = header.name as CommandName;
    const payload = (parsed.message.payload ?? {}) as Record<string, unknown>;
    const fault = faults.get(service.name)!;
    const known = name in COMMAND_VERSIONS;
    const ack = () =>
      send(service.name, socket, {
        name: header.name,
        requestId,
        type: 'acknowledge',
        version: header.version,
      });
    if (inFlight.has(requestId)) {
      send(service.name, socket, {
        name: header.name,
        requestId,
        type: 'acknowledge',
        version: header.version,
        status: 'invalidRequestID',
      });
      return;
    }
    if (!fault.outOfOrder) ack();
    const finish = (reply: CommandReply) => {
      inFlight.delete(requestId);
      if (!known) {
        send(
          service.name,
          socket,
          {
            name: header.name,
            requestId,
            type: 'completion',
            version: header.version,
            completionCode: 'unsupportedCommand',
          },
          {},
        );
      } else completion(service.name, socket, name, requestId, reply);
      if (fault.outOfOrder) ack();
    };
    const run = async (): Promise<CommandReply> => {
      if (fault.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.slowMs));
      if (name === 'Common.Status')
        return { completionCode: 'success', payload: commonStatus(service) };
      if (name === 'Common.Capabilities')
        return { completionCode: 'success', payload: commonCapabilities(service) };
      if (name === 'Common.Cancel') {
        const ids = Array.isArray(payload.requestIds)
          ? (payload.requestIds as unknown[])
          : [...inFlight.keys()];
        for (const id of ids) {
          const target = typeof id === 'number' ? inFlight.get(id) : undefined;
          if (target && target.requestId !== requestId) {
            target.code = 'canceled';
            target.abort.abort();
          }
        }
        return { completionCode: 'success' };
      }
      const handler = service.commands[name];
      if (!handler)
        return {
          completionCode: 'unsupportedCommand',
          errorDescription: `${header.name} is not supported here`,
        };
      if (fault.offline)
        return { completionCode: 'deviceNotReady', errorDescription: `${service.name} is offline` };
      const entry = inFlight.get(requestId)!;
      // Canceled while it waited its turn: a handler would only see a signal already aborted.
      if (entry.abort.signal.aborted) return { completionCode: entry.code };
      const timer = header.timeout
        ? setTimeout(() => {
            entry.code = 'timeOut';
            entry.abort.abort();
          }, header.timeout)
        : undefined;
      try {
        return await handler(payload, {
          requestId,
          signal: entry.abort.signal,
          abortCode: () => entry.code,
          event: (eventName, eventPayload) =>
            send(
              service.name,
              socket,
              { name: eventName, requestId, type: 'event', version: EVENT_VERSIONS[eventName] },
              eventPayload,
            ),
        });
      } catch (error) {
        return { completionCode: 'internalError', errorDescription: (error as Error).message };
      } finally {
        clearTimeout(timer);
      }
    };
    inFlight.set(requestId, { requestId, abort: new AbortController(), code: 'canceled' });
    if (name.startsWith('Common.')) {
      void run().then(finish);
      return;
    }
    // Class commands run one after another on a service, as a device does them.
    const previous = queues.get(service.name) ?? Promise.resolve();
    const next = previous.then(run).then(finish);
    queues.set(
      service.name,
      next.catch(() => {}),
    );
  }

  http.on('upgrade', (request, socketRaw, head) => {
    const path = new URL(request.url ?? '/', 'ws://x').pathname.replace(/\/+$/, '');
    const endpoint =
      path === XFS4IOT_PATH
        ? 'publisher'
        : path.startsWith(`${XFS4IOT_PATH}/`)
          ? path.slice(XFS4IOT_PATH.length + 1)
          : null;
    const service = endpoint && endpoint !== 'publisher' ? services.get(endpoint) : undefined;
    if (!endpoint || (endpoint !== 'publisher' && (!service || !running.get(endpoint)))) {
      socketRaw.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socketRaw, head, (socket) => {
      const set = sockets.get(endpoint) ?? new Set();
      sockets.set(endpoint, set);
      set.add(socket);
      const inFlight = new Map<number, Running>();
      socket.on('close', () => {
        set.delete(socket);
        for (const entry of inFlight.values()) entry.abort.abort();
      });
      socket.on('error', () => {});
      socket.on('message', (data, isBinary) => {
        if (isBinary) return;
        const text = data.toString();
        if (endpoint === 'publisher') handlePublisher(socket, text);
        else handleService(service!, socket, inFlight, text);
      });
    });
  });

  for (const service of options.services) {
    const stop = service.attach?.((name, payload) => {
      for (const socket of sockets.get(service.name) ?? [])
        send(
          service.name,
          socket,
          { name, type: 'unsolicited', version: EVENT_VERSIONS[name] },
          payload,
        );
    });
    if (stop) detach.push(stop);
  }

  const statusChanged = (name: string) => {
    const service = services.get(name)!;
    for (const socket of sockets.get(name) ?? [])
      send(
        name,
        socket,
        {
          name: 'Common.StatusChangedEvent',
          type: 'unsolicited',
          version: EVENT_VERSIONS['Common.StatusChangedEvent'],
        },
        { common: { device: commonStatus(service).common.device } },
      );
  };

  return {
    url: base,
    port,
    serviceUri,
    faults(name) {
      const fault = faults.get(name);
      if (!fault) throw new Error(`no simulated service ${name}`);
      // Offline is announced the way a service does: a StatusChangedEvent.
      return new Proxy(fault, {
        set(target, key, value) {
          const before = target.offline;
          (target as unknown as Record<string | symbol, unknown>)[key] = value;
          if (key === 'offline' && before !== value) statusChanged(name);
          return true;
        },
      });
    },
    dropClients(name) {
      for (const socket of sockets.get(name) ?? []) socket.terminate();
    },
    isRunning: (name) => running.get(name) ?? false,
    setRunning(name, value) {
      running.set(name, value);
      if (!value) for (const socket of sockets.get(name) ?? []) socket.terminate();
    },
    received,
    sent,
    async close() {
      for (const stop of detach) stop();
      for (const set of sockets.values()) for (const socket of set) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
