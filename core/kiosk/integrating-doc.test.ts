import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextView } from './next-view.test-helper';
import { parseConfig } from '../config/load-config';
import { createLogger } from '../log/logger';
import { SAMPLE_SUMMARY } from '../session/fake-host.test-helper';
import { startKioskRuntime, type KioskRuntime } from './kiosk-runtime';

const doc = readFileSync(join(import.meta.dirname, '../../docs/integrating.md'), 'utf8');
const section = doc.slice(
  doc.indexOf('## Your own host client'),
  doc.indexOf('## Your own device'),
);
const KPJ = SAMPLE_SUMMARY.participant.kpj;

let dir: string;
let gateway: Server;
let runtime: KioskRuntime | null = null;
const seen: Array<{ path: string; terminal: unknown; channel: unknown }> = [];

/** Bank Contoh's gateway as the example module expects it, for one participant. */
function answer(path: string, body: Record<string, unknown>): [number, unknown] {
  if (path === '/bpjs/participant')
    return body.kpj === KPJ ? [200, { checks: ['DOB'] }] : [404, {}];
  if (path === '/bpjs/verify-dob')
    return body.birthDate === '1992-02-29'
      ? [200, { token: 'token-0123456789abcdef', expiresInSeconds: 300 }]
      : [401, { attemptsLeft: 2 }];
  if (path === '/bpjs/balance') return [200, SAMPLE_SUMMARY];
  return [500, {}];
}

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return JSON.parse(text || '{}') as Record<string, unknown>;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'integrating-doc-'));
  gateway = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      const path = request.url ?? '';
      seen.push({
        path,
        terminal: request.headers['x-terminal'],
        channel: request.headers['x-channel'],
      });
      const [status, reply] = answer(path, body);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await runtime?.dispose();
  runtime = null;
  seen.length = 0;
  await new Promise((resolve) => gateway.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('docs/integrating.md: your own host client', () => {
  it('the worked example and its config serve a visit from lookup to balance', async () => {
    const moduleSource = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    const configJson = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(moduleSource, 'a ```js block with the module').toBeDefined();
    expect(configJson, 'a ```json block with the config').toBeDefined();
    const modulePath = join(dir, 'bank-host.mjs');
    await writeFile(modulePath, moduleSource!);
    const example = JSON.parse(configJson!) as {
      host: { clientModule: string; clientOptions: { gatewayUrl: string } };
    };
    expect(example.host.clientModule).toBe('/etc/bpjs-kiosk/bank-host.mjs');
    example.host.clientModule = modulePath;
    example.host.clientOptions.gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    const config = parseConfig({
      ...example,
      terminalId: 'KSK-BANK-01',
      journal: { dir: join(dir, 'journal'), anchorSeconds: 0 },
      technician: { diagSocket: null },
    });
    runtime = await startKioskRuntime(config, { logger: createLogger({ level: 'silent' }) });
    const { api } = runtime;

    api.send({ type: 'start' });
    await nextView(api, 'enterKpj');
    const asked = nextView(api, 'enterBirthDate');
    api.send({ type: 'submitKpj', kpj: KPJ });
    await asked;
    const balance = nextView(api, 'balance');
    for (const digit of '29021992') api.send({ type: 'digit', digit });
    api.send({ type: 'enter' });
    await balance;
    // The health probe (ping) runs beside the visit; the visit's own calls come in order.
    expect(seen.map((call) => call.path)).toContain('/health');
    expect(seen.map((call) => call.path).filter((path) => path !== '/health')).toEqual([
      '/bpjs/participant',
      '/bpjs/verify-dob',
      '/bpjs/balance',
    ]);
    expect(seen[0]).toMatchObject({ terminal: 'KSK-BANK-01', channel: 'KIOSK' });
  });
});
