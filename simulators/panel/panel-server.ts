import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { CARD_CHOICES, SCAN_KINDS, type EmbeddedDeviceControl } from '../embedded/embedded-devices';
import { FIXTURES } from '../host';
import { PANEL_CSS, PANEL_HTML, PANEL_JS } from './panel-assets';

export interface SimulatorPanelOptions {
  devices: EmbeddedDeviceControl;
  /** The host simulator; its /sim/faults is proxied server-side. */
  hostUrl?: string;
  /** What the kiosk's device manager reports, shown next to the simulators. */
  kioskDevices?: () => unknown[];
  port?: number;
}

export interface SimulatorPanel {
  url: string;
  close(): Promise<void>;
}

const CardAction = z
  .object({
    action: z.enum(['insert', 'swipe', 'remove', 'jam', 'invalidMedia', 'unplug', 'plug']),
    card: z.enum(CARD_CHOICES).optional(),
    /** With `plug`: its own socket, or another one (a different tty path). */
    slot: z.enum(['original', 'spare']).optional(),
  })
  .strict();
const ScanAction = z.object({ kind: z.enum(SCAN_KINDS), fixture: z.string().max(32) }).strict();
const PinPadAction = z.union([
  z.object({ keys: z.string().regex(/^[0-9EXCB]{1,32}$/) }).strict(),
  /** An FDK beside the screen (XFS4IoT pin pads), 1 = fdk01. */
  z.object({ fdk: z.number().int().min(1).max(32) }).strict(),
]);
const PrinterAction = z
  .object({
    paper: z.enum(['ok', 'nearEnd', 'out']).optional(),
    coverOpen: z.boolean().optional(),
    offline: z.boolean().optional(),
    slow: z.boolean().optional(),
    connected: z.boolean().optional(),
  })
  .strict();
/** One simulated XFS4IoT service's faults (with `--devices xfs4iot`). */
const Xfs4IoTAction = z
  .object({
    service: z.string().regex(/^[A-Za-z0-9]{1,32}$/),
    running: z.boolean().optional(),
    offline: z.boolean().optional(),
    slowMs: z.number().int().min(0).max(30_000).optional(),
    malformed: z.number().int().min(0).max(100).optional(),
    outOfOrder: z.boolean().optional(),
  })
  .strict();

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** The receipt preview carries its own <style> and inline SVG; it runs no script. */
const RECEIPTS_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
const MAX_BODY = 16 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  csp = PAGE_CSP,
): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(body);
}
const json = (response: ServerResponse, status: number, body: unknown) =>
  send(response, status, 'application/json', JSON.stringify(body));

async function readBody<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  // JSON only: a cross-site form cannot send it without a CORS preflight, which we never allow.
  if (!request.headers['content-type']?.startsWith('application/json'))
    throw new HttpError(415, 'send application/json');
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'body too large');
    chunks.push(chunk as Buffer);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'body is not JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(
      400,
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

/**
 * The simulator control panel on 127.0.0.1: a page to play the devices (card, scanner, pin
 * pad, printer faults, receipts) and the host faults, and the same-origin JSON API behind it,
 * which tests use too.
 */
export async function startSimulatorPanel(options: SimulatorPanelOptions): Promise<SimulatorPanel> {
  const { devices } = options;
  let origin = '';

  const hostFaults = async (method: string, body?: unknown): Promise<unknown> => {
    if (!options.hostUrl) throw new HttpError(404, 'no host simulator');
    const response = await fetch(`${options.hostUrl}/sim/faults`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(3000),
    });
    const answer: unknown = await response.json().catch(() => ({}));
    if (!response.ok)
      throw new HttpError(
        response.status,
        (answer as { message?: string }).message ?? 'host refused',
      );
    return answer;
  };

  const state = async () => ({
    printer: devices.printer.state(),
    card: devices.card
      ? {
          media: devices.card.media(),
          port: devices.card.port(),
          retained: devices.card.retained?.() ?? 0,
        }
      : null,
    scanner: devices.scanner ? {} : null,
    pinPad: devices.pinPad ? { mode: devices.pinPad.mode() } : null,
    xfs4iot: devices.xfs4iot
      ? { publisherUrl: devices.xfs4iot.publisherUrl, services: devices.xfs4iot.services() }
      : null,
    cardChoices: CARD_CHOICES,
    fixtures: [...Object.keys(FIXTURES)],
    hostFaults: options.hostUrl ? await hostFaults('GET').catch(() => null) : null,
    kioskDevices: options.kioskDevices?.() ?? [],
  });

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Loopback names only: a page on another site cannot reach the panel by DNS rebinding.
    const host = request.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost):\d+$/.test(host)) throw new HttpError(421, 'wrong host');
    const path = new URL(request.url ?? '/', origin).pathname;
    const key = `${request.method} ${path}`;
    switch (key) {
      case 'GET /':
        return send(response, 200, 'text/html', PANEL_HTML);
      case 'GET /panel.js':
        return send(response, 200, 'text/javascript', PANEL_JS);
      case 'GET /panel.css':
        return send(response, 200, 'text/css', PANEL_CSS);
      case 'GET /receipts':
        return send(response, 200, 'text/html', devices.printer.receiptsHtml(), RECEIPTS_CSP);
      case 'GET /api/state':
        return json(response, 200, await state());
      case 'GET /api/printer/receipts':
        return json(response, 200, { receipts: devices.printer.receipts() });
      case 'POST /api/card': {
        const body = await readBody(request, CardAction);
        const card = devices.card;
        if (!card) throw new HttpError(409, 'card reader not simulated');
        const choice = body.card ?? 'active';
        if (body.action === 'insert') await card.insert(choice);
        else if (body.action === 'swipe') await card.swipe(choice);
        else if (body.action === 'plug') await card.plug(body.slot ?? 'original');
        else await card[body.action]();
        return json(response, 200, { media: card.media(), port: card.port() });
      }
      case 'POST /api/scanner': {
        const body = await readBody(request, ScanAction);
        if (!devices.scanner) throw new HttpError(409, 'scanner not simulated');
        try {
          await devices.scanner.scan(body.kind, body.fixture);
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
        return json(response, 200, { scanned: true });
      }
      case 'POST /api/pinpad': {
        const body = await readBody(request, PinPadAction);
        if (!devices.pinPad) throw new HttpError(409, 'pin pad not simulated');
        if ('fdk' in body) {
          if (!(await devices.pinPad.pressFdk?.(body.fdk)))
            throw new HttpError(409, `FDK ${body.fdk} is not enabled now`);
          return json(response, 200, { accepted: 1 });
        }
        const result = await devices.pinPad.press(body.keys);
        if (result.accepted < body.keys.length)
          throw new HttpError(409, `keys disabled after ${result.accepted} key(s): no entry open`);
        return json(response, 200, result);
      }
      case 'POST /api/printer': {
        const { connected, ...faults } = await readBody(request, PrinterAction);
        devices.printer.setFaults(faults);
        if (connected === false) await devices.printer.disconnect();
        if (connected === true) await devices.printer.reconnect();
        return json(response, 200, devices.printer.state());
      }
      case 'POST /api/xfs4iot': {
        const { service, ...change } = await readBody(request, Xfs4IoTAction);
        if (!devices.xfs4iot) throw new HttpError(409, 'devices are not XFS4IoT services');
        if (!devices.xfs4iot.services().some((known) => known.name === service))
          throw new HttpError(404, `no simulated service ${service}`);
        return json(response, 200, devices.xfs4iot.set(service, change));
      }
      case 'GET /api/host/faults':
        return json(response, 200, await hostFaults('GET'));
      case 'POST /api/host/faults':
        return json(response, 200, await hostFaults('POST', await readBody(request, z.unknown())));
      case 'DELETE /api/host/faults':
        return json(response, 200, await hostFaults('DELETE'));
      default:
        throw new HttpError(404, 'not found');
    }
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : 'error';
      if (!response.headersSent) json(response, status, { message });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
