import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmbeddedDeviceControl } from '../embedded/embedded-devices';
import { startEmbeddedPrinter } from '../embedded/embedded-printer';
import { startHostSimulator } from '../host';
import {
  noFaults,
  type ServiceControlState,
  type Xfs4IoTControl,
} from '../xfs4iot/simulated-service';
import { startSimulatorPanel, type SimulatorPanel } from './panel-server';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function panelWith(hostUrl?: string, xfs4iot?: Xfs4IoTControl) {
  const calls: string[] = [];
  const printer = await startEmbeddedPrinter();
  cleanups.push(() => printer.close());
  const control: EmbeddedDeviceControl = {
    printer,
    card: {
      insert: async (choice) => void calls.push(`insert ${choice}`),
      swipe: async (choice) => void calls.push(`swipe ${choice}`),
      remove: async () => void calls.push('remove'),
      jam: async () => void calls.push('jam'),
      invalidMedia: async () => void calls.push('invalid'),
      media: () => 'noMedia',
      unplug: async () => void calls.push('unplug'),
      plug: async (slot) => void calls.push(`plug ${slot}`),
      port: () => '/tmp/sim/host',
    },
    scanner: null,
    pinPad: {
      press: async (keys) => ({ accepted: keys.length - 1 }),
      mode: () => 'idle',
      unplug: async () => {},
      plug: async () => {},
      port: () => '/tmp/sim/pad',
    },
    ...(xfs4iot ? { xfs4iot } : {}),
  };
  const panel: SimulatorPanel = await startSimulatorPanel({ devices: control, hostUrl });
  cleanups.push(() => panel.close());
  return { panel, calls, printer };
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('simulator panel', () => {
  it('serves the page with a strict CSP and its own script and stylesheet', async () => {
    const { panel } = await panelWith();
    const page = await fetch(panel.url);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/panel.js"');
    expect(html).not.toMatch(/<script>|onclick=/);
    expect((await fetch(new URL('/panel.js', panel.url))).status).toBe(200);
  });

  it('plays the card reader through the JSON API', async () => {
    const { panel, calls } = await panelWith();
    const response = await post(new URL('/api/card', panel.url).href, {
      action: 'insert',
      card: 'active',
    });
    expect(response.status).toBe(200);
    expect(calls).toEqual(['insert active']);
  });

  it('unplugs the card reader and plugs it into another port', async () => {
    const { panel, calls } = await panelWith();
    const url = new URL('/api/card', panel.url).href;
    expect((await post(url, { action: 'unplug' })).status).toBe(200);
    const plugged = await post(url, { action: 'plug', slot: 'spare' });
    expect(await plugged.json()).toMatchObject({ port: '/tmp/sim/host' });
    expect((await post(url, { action: 'plug', slot: 'usb9' })).status).toBe(400);
    expect(calls).toEqual(['unplug', 'plug spare']);
  });

  it('refuses bad input with the field named, non-JSON posts, and foreign Host names', async () => {
    const { panel, calls } = await panelWith();
    const bad = await post(new URL('/api/card', panel.url).href, { action: 'eat' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain('action');
    const form = await fetch(new URL('/api/card', panel.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=insert',
    });
    expect(form.status).toBe(415);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        new URL('/api/state', panel.url),
        { headers: { host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    expect(calls).toEqual([]);
  });

  it('says when pin pad keys were not taken', async () => {
    const { panel } = await panelWith();
    const response = await post(new URL('/api/pinpad', panel.url).href, { keys: '12' });
    expect(response.status).toBe(409);
  });

  it('toggles printer faults and serves receipts as HTML', async () => {
    const { panel, printer } = await panelWith();
    const response = await post(new URL('/api/printer', panel.url).href, {
      paper: 'out',
      coverOpen: true,
    });
    expect(await response.json()).toMatchObject({ paper: 'out', coverOpen: true });
    expect(printer.state()).toMatchObject({ paper: 'out', coverOpen: true });
    const receipts = await fetch(new URL('/receipts', panel.url));
    expect(receipts.headers.get('content-type')).toContain('text/html');
    expect(receipts.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('proxies host faults to the host simulator', async () => {
    const host = await startHostSimulator({ port: 0, latencyMs: 0 });
    cleanups.push(() => host.close());
    const { panel } = await panelWith(host.url);
    await post(new URL('/api/host/faults', panel.url).href, { status: 503 });
    const faults = await (await fetch(`${host.url}/sim/faults`)).json();
    expect(faults).toMatchObject({ status: 503 });
    await fetch(new URL('/api/host/faults', panel.url), { method: 'DELETE' });
    expect(await (await fetch(`${host.url}/sim/faults`)).json()).toEqual({});
  });

  it('stops and faults XFS4IoT services by name, and names what it refuses', async () => {
    const service: ServiceControlState = {
      name: 'CardReader1',
      uri: 'ws://127.0.0.1:5846/xfs4iot/v1.0/CardReader1/',
      running: true,
      ...noFaults(),
    };
    const xfs4iot: Xfs4IoTControl = {
      publisherUrl: 'ws://127.0.0.1:5846/xfs4iot/v1.0',
      services: () => [service],
      set: (_name, change) => Object.assign(service, change),
    };
    const { panel } = await panelWith(undefined, xfs4iot);
    const url = new URL('/api/xfs4iot', panel.url).href;
    const stopped = await post(url, { service: 'CardReader1', running: false, slowMs: 3000 });
    expect(await stopped.json()).toMatchObject({ running: false, slowMs: 3000 });
    const state = (await (await fetch(new URL('/api/state', panel.url))).json()) as {
      xfs4iot: { services: ServiceControlState[] };
    };
    expect(state.xfs4iot.services[0]).toMatchObject({ name: 'CardReader1', running: false });
    const unknown = await post(url, { service: 'Printer9', running: false });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('Printer9');
    expect((await post(url, { service: 'CardReader1', slowMs: -1 })).status).toBe(400);
  });

  it('says the devices are not XFS4IoT services when they are not', async () => {
    const { panel } = await panelWith();
    const response = await post(new URL('/api/xfs4iot', panel.url).href, {
      service: 'CardReader1',
      offline: true,
    });
    expect(response.status).toBe(409);
  });
});
