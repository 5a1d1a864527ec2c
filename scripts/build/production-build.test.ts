import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostSimulator, type HostSimulator } from '../../simulators/host';
import { NATIVE_PACKAGES, type ProductionBuildResult } from './production-build';
import { buildForTest } from './production-build.test-helper';

const run = promisify(execFile);

let dir: string;
let built: ProductionBuildResult;
let host: HostSimulator;

// The build goes to a folder outside the checkout, so Node can find nothing of the checkout's
// node_modules (no tsx, no dev dependencies): only what the build ships.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-prod-'));
  expect(existsSync(join(tmpdir(), 'node_modules'))).toBe(false);
  built = await buildForTest(dir);
  host = await startHostSimulator({ port: 0 });
}, 120_000);
afterAll(async () => {
  await host?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('imports nothing at run time but Node built-ins and the native packages it ships', () => {
    const allowed = new Set([
      ...builtinModules,
      ...builtinModules.map((name) => `node:${name}`),
      ...NATIVE_PACKAGES,
      'bufferutil',
      'utf-8-validate',
    ]);
    expect(built.externalImports.filter((name) => !allowed.has(name))).toEqual([]);
    for (const name of NATIVE_PACKAGES)
      expect(existsSync(join(built.appDir, 'node_modules', name, 'package.json'))).toBe(true);
    expect(existsSync(join(built.appDir, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(built.appDir, 'node_modules/vitest'))).toBe(false);
  });

  it('starts with plain node on the host simulator, serves the page, and stops on SIGTERM', async () => {
    const config = join(dir, 'kiosk.json');
    await writeFile(
      config,
      JSON.stringify({
        terminalId: 'KSK-PROD-01',
        host: { url: host.url },
        journal: { dir: join(dir, 'journal') },
        technician: { diagSocket: null },
      }),
    );
    const child = spawn(
      process.execPath,
      [join(built.appDir, 'kiosk-web.mjs'), '--config', config, '--port', '0'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    try {
      await expect
        .poll(() => stdout + stderr, { timeout: 30_000 })
        .toMatch(/Kiosk ready in \d+ ms on http:\/\/127\.0\.0\.1:\d+\/ \(terminal KSK-PROD-01\)/);
      const port = /127\.0\.0\.1:(\d+)/.exec(stdout)![1];
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<title>BPJS Ketenagakerjaan — Cek Saldo</title>');
      const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1];
      expect((await fetch(`http://127.0.0.1:${port}/${script}`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 40_000);

  it('ships kiosk-diag, which reaches the host with plain node', async () => {
    const { stdout } = await run(
      process.execPath,
      [join(built.appDir, 'kiosk-diag.mjs'), 'host', '--url', host.url, '--count', '1', '--json'],
      { cwd: dir, env: { PATH: process.env.PATH } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ command: 'host', ok: true, answered: 1 });
  }, 30_000);
});
