import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskScreen, type KioskScreen } from './kiosk-screen';

const CHROMIUM = '/usr/bin/chromium';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The renderer processes under Chromium's browser process (through its zygote). */
function rendererPids(browserPid: number): number[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commands.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8'));
    } catch {
      // gone meanwhile
    }
  }
  const under = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at))
      if (at === browserPid) return true;
    return false;
  };
  return [...commands]
    .filter(([pid, cmdline]) => cmdline.includes('--type=renderer') && under(pid))
    .map(([pid]) => pid);
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Chromium is one of the system packages `npm test` installs (scripts/prerequisites).
describe('kiosk-screen', () => {
  it(
    'reloads the kiosk page when its renderer is killed, and ends with Chromium',
    { timeout: 40_000 },
    async () => {
      let loads = 0;
      // Counted when the page's script runs: its renderer is up (a navigation request alone
      // comes from the browser process, before any renderer holds the page).
      let ran = 0;
      const server: Server = createServer((request, response) => {
        if (request.url === '/') loads += 1;
        if (request.url === '/ran') ran += 1;
        // As the web shell serves its page: never from a cache, so each load is seen here.
        response.writeHead(request.url === '/' ? 200 : 404, {
          'content-type': 'text/html',
          'cache-control': 'no-store',
        });
        response.end(
          "<!doctype html><title>kiosk</title><p>start screen</p><script>fetch('/ran')</script>",
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      cleanups.push(() => new Promise((resolve) => server.close(resolve)));
      const profile = mkdtempSync(join(tmpdir(), 'kiosk-screen-profile-'));
      // Chromium's helpers may still be writing to it for a moment after the browser ended.
      cleanups.push(() =>
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }),
      );
      const lines: string[] = [];
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const screen = startKioskScreen(
        [
          '--chromium',
          CHROMIUM,
          url,
          '--',
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
        ],
        { err: (line) => lines.push(line) },
      ) as KioskScreen;
      expect(typeof screen).toBe('object');
      cleanups.push(() => screen.stop());

      await until(() => ran === 1, 'the first load');
      for (const pid of rendererPids(screen.pid!)) process.kill(pid, 'SIGKILL');
      await until(
        () => loads === 2 && ran === 2,
        `the reload after the crash (${lines.join(' | ')})`,
      );
      expect(screen.crashes()).toBeGreaterThanOrEqual(1);
      expect(lines.some((line) => line.includes('kiosk page crashed'))).toBe(true);

      screen.stop();
      expect(await screen.exited).toBe(0);
    },
  );

  it('refuses to start without the kiosk URL', () => {
    const lines: string[] = [];
    expect(startKioskScreen([], { err: (line) => lines.push(line) })).toBe(2);
    expect(lines[0]).toContain('kiosk-screen needs');
  });
});
