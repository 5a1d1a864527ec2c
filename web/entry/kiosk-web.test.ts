import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeSystemdNotify } from './fake-systemd-notify.test-helper';
import { startKioskWeb } from './main';

const BIN = resolve(import.meta.dirname, '../../bin/kiosk-web.mjs');

let dir: string;
const children = new Set<() => void>();
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-web-'));
});
afterEach(async () => {
  for (const kill of children) kill();
  await rm(dir, { recursive: true, force: true });
});

/** bin/kiosk-web.mjs with `args`, as a kiosk's service unit runs it. */
function kioskWeb(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = () => child.kill('SIGKILL');
  children.add(kill);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) =>
    child.on('close', (code) => {
      children.delete(kill);
      done(code);
    }),
  );
  return { stdout: () => stdout, stderr: () => stderr, exited, child };
}

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env: {} },
  };
};

describe('kiosk-web', () => {
  it('starts on a config file, says where the page is without its secret, and stops on SIGTERM', async () => {
    const config = join(dir, 'kiosk.json');
    await writeFile(
      config,
      JSON.stringify({
        terminalId: 'KSK-SVC-01',
        host: { url: 'http://127.0.0.1:9' },
        journal: { dir: join(dir, 'journal') },
        technician: { diagSocket: null },
      }),
    );
    const kiosk = kioskWeb(['--config', config, '--port', '0']);
    await expect
      .poll(kiosk.stdout, { timeout: 30_000 })
      .toMatch(
        /^Kiosk ready in \d+ ms on http:\/\/127\.0\.0\.1:\d+\/ \(terminal KSK-SVC-01\)\nOpen file:\S+ in Chromium/,
      );
    expect(kiosk.stdout()).not.toMatch(/#ui=/);
    kiosk.child.kill('SIGTERM');
    expect(await kiosk.exited).toBe(0);
    const files = await readdir(join(dir, 'journal'));
    expect(await readFile(join(dir, 'journal', files[0]!), 'utf8')).toContain('"kioskStopped"');
  }, 40_000);

  it('under systemd: READY=1 once it serves, WATCHDOG=1 keep-alives, STOPPING=1 on SIGTERM', async () => {
    const config = join(dir, 'kiosk.json');
    await writeFile(
      config,
      JSON.stringify({
        terminalId: 'KSK-SVC-02',
        host: { url: 'http://127.0.0.1:9' },
        journal: { dir: join(dir, 'journal') },
        technician: { diagSocket: null },
      }),
    );
    const notify = fakeSystemdNotify();
    try {
      const launchFile = join(dir, 'open-kiosk.html');
      const kiosk = kioskWeb(
        ['--config', config, '--port', '0', '--launch-file', launchFile],
        notify.env({ WATCHDOG_USEC: '400000' }),
      );
      await expect
        .poll(() => notify.records().filter((r) => r.message === 'WATCHDOG=1').length, {
          timeout: 30_000,
        })
        .toBeGreaterThanOrEqual(2);
      const [ready] = notify.records();
      expect(ready!.message).toMatch(/^READY=1 STATUS=Kiosk ready in \d+ ms on http:\/\/127/);
      expect(kiosk.stdout()).toMatch(/^Kiosk ready/);
      expect(kiosk.stdout()).toContain(`Open file://${launchFile} in Chromium`);
      expect((await stat(launchFile)).mode & 0o777).toBe(0o600);
      expect(await readFile(launchFile, 'utf8')).toMatch(/url=http:\/\/127\.0\.0\.1:\d+\/#ui=/);
      kiosk.child.kill('SIGTERM');
      expect(await kiosk.exited).toBe(0);
      expect(notify.records().at(-1)!.message).toBe('STOPPING=1');
      await expect(readFile(launchFile)).rejects.toThrow(/ENOENT/);
    } finally {
      notify.remove();
    }
  }, 40_000);

  it('keeps the UI secret of --ui-secret-file, so a restarted kiosk takes the open page back', async () => {
    const config = join(dir, 'kiosk.json');
    await writeFile(
      config,
      JSON.stringify({
        host: { url: 'http://127.0.0.1:9' },
        journal: { dir: join(dir, 'journal') },
        technician: { diagSocket: null },
      }),
    );
    const secretFile = join(dir, 'ui-secret');
    const launchFile = join(dir, 'open-kiosk.html');
    const secrets: string[] = [];
    for (let start = 0; start < 2; start++) {
      const kiosk = kioskWeb([
        '--config',
        config,
        '--port',
        '0',
        '--launch-file',
        launchFile,
        '--ui-secret-file',
        secretFile,
      ]);
      await expect.poll(kiosk.stdout, { timeout: 30_000 }).toContain('Open file://');
      secrets.push(/#ui=([\w-]+)/.exec(await readFile(launchFile, 'utf8'))![1]!);
      kiosk.child.kill('SIGTERM');
      expect(await kiosk.exited).toBe(0);
    }
    expect(secrets[0]).toBe(secrets[1]);
    expect(secrets[0]).toBe((await readFile(secretFile, 'utf8')).trim());
  }, 60_000);

  it('exits 1 on a bad config, naming the file and the field', async () => {
    const config = join(dir, 'kiosk.json');
    await writeFile(config, JSON.stringify({ web: { port: 'eighty' } }));
    const kiosk = kioskWeb(['--config', config]);
    expect(await kiosk.exited).toBe(1);
    expect(kiosk.stderr()).toContain(`Invalid kiosk configuration in ${config}:\n  - web.port`);
    expect(kiosk.stdout()).toBe('');
  }, 30_000);
});

describe('startKioskWeb', () => {
  it('needs a config file, from --config or KIOSK_CONFIG', async () => {
    const { err, io: given } = io();
    expect(await startKioskWeb([], given)).toBe(1);
    expect(err[0]).toMatch(/^kiosk-web needs a configuration file\.\nUsage: kiosk-web --config/);
  });

  it('refuses a port that is no port', async () => {
    const { err, io: given } = io();
    expect(await startKioskWeb(['--config', 'k.json', '--port', '80x'], given)).toBe(1);
    expect(err).toEqual(['--port must be a port number (0-65535), not 80x']);
  });

  it('--help prints the usage and exits 0', async () => {
    const { out, io: given } = io();
    expect(await startKioskWeb(['--help'], given)).toBe(0);
    expect(out[0]).toMatch(/^Usage: kiosk-web/);
  });

  it('names a file it cannot read', async () => {
    const { err, io: given } = io();
    const missing = join(dir, 'nope.json');
    expect(await startKioskWeb([], { ...given, env: { KIOSK_CONFIG: missing } })).toBe(1);
    expect(err[0]).toMatch(new RegExp(`^Cannot read kiosk configuration ${missing}`));
  });
});
