import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/load-config';
import { startHostSimulator } from '../../simulators/host';
import { startWebKiosk } from '../../web/entry/web-kiosk';
import { PNG } from 'pngjs';
import { buildForTest } from '../build/production-build.test-helper';
import { colourIn, screenUser, spawnAs, spreadOf } from './screen-session.test-helper';

const ROOT = resolve(import.meta.dirname, '../..');
const KIOSK_SCREEN = join(ROOT, 'deploy/kiosk-screen');
/** The start screen's page and brand colours (renderer/src/styles/tokens.css). */
const PAGE = '#f3f6f4';
const BRAND = '#00703c';
const SHOTS = join(ROOT, 'test-results');

const missing = ['/usr/bin/cage', '/usr/bin/grim', '/usr/bin/chromium'].filter(
  (p) => !existsSync(p),
);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Why the start screen is looked at on a portrait screen: cage 0.1.4 hands a full-screen
 * window's buffer straight to the output ("direct scan-out") when the output is not rotated.
 * In the headless backend grim then copies the last frame cage composited itself, the browser's
 * first small frame, and never what Chromium painted after it (docs/deploy.md, "The screen
 * test"). On a rotated output (cage -r, how a portrait kiosk panel is set up) cage composites
 * every frame, and the shot is what the screen shows.
 */
describe('the screen session (deploy/kiosk-screen)', () => {
  it('comes up headless in cage as a normal user, with the browser window on a landscape output', async (context) => {
    if (missing.length) {
      console.warn(`skipped: ${missing.join(', ')} missing (apt-get install cage grim chromium)`);
      context.skip();
    }
    const session = await startSession({ shot: 'cage-landscape.png' });
    await expect
      .poll(
        () =>
          session.look((shot) =>
            colourIn(shot, '#ffffff', 0).pixels > 10_000 || colourIn(shot, PAGE).pixels > 10_000
              ? 'window'
              : 'nothing yet',
          ),
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe('window');
    expect(session.size()).toEqual({ width: 1280, height: 720 });
    expect(session.log()).not.toMatch(/Running as root without --no-sandbox/);
  }, 180_000);

  it('shows the start screen, filling a portrait screen (cage -r)', async (context) => {
    if (missing.length) {
      console.warn(`skipped: ${missing.join(', ')} missing (apt-get install cage grim chromium)`);
      context.skip();
    }
    const session = await startSession({ cageOptions: '-r', shot: 'cage-start-screen.png' });
    await expect
      .poll(
        () =>
          session.look((shot) => {
            const page = colourIn(shot, PAGE);
            const brand = colourIn(shot, BRAND);
            return page.share > 0.4 && brand.pixels > 200
              ? 'start screen'
              : `page ${page.share.toFixed(3)}, brand ${brand.pixels}`;
          }),
        { timeout: 120_000, interval: 2_000 },
      )
      .toBe('start screen');
    expect(session.size()).toEqual({ width: 720, height: 1280 });
    // Painted across the whole screen, not a small window in a corner.
    expect(session.spread(PAGE)).toEqual({ left: true, right: true, top: true, bottom: true });
  }, 180_000);
});

/** The kiosk (web shell on the host simulator) and deploy/kiosk-screen on it, as the test user. */
async function startSession(options: { cageOptions?: string; shot: string }) {
  mkdirSync(SHOTS, { recursive: true });
  const shotFile = join(SHOTS, options.shot);
  const user = screenUser();
  // Xwayland's socket folder, as systemd-tmpfiles makes it on a real system (root, 1777):
  // cage refuses one owned by another user.
  if (process.getuid!() === 0 && !existsSync('/tmp/.X11-unix')) {
    mkdirSync('/tmp/.X11-unix');
    chmodSync('/tmp/.X11-unix', 0o1777);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-screen-'));
  chmodSync(dir, 0o755);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const own = (path: string, mode: number) => {
    mkdirSync(path, { recursive: true, mode });
    chownSync(path, user.uid, user.gid);
    chmodSync(path, mode);
  };
  const [runtimeDir, home, run] = ['xdg', 'home', 'run'].map((n) => join(dir, n));
  own(runtimeDir!, 0o700);
  own(home!, 0o700);
  own(run!, 0o700);

  const host = await startHostSimulator({ port: 0 });
  cleanups.push(() => host.close());
  const config = parseConfig({
    terminalId: 'KSK-CAGE-01',
    host: { url: host.url },
    journal: { dir: join(dir, 'journal') },
    technician: { diagSocket: null },
  });
  const launchFile = join(run!, 'open-kiosk.html');
  // The production build, as installed: its kiosk-screen.mjs and renderer (the user can reach it).
  const built = await buildForTest(dir);
  const kiosk = await startWebKiosk(config, {
    port: 0,
    launchFile,
    rendererDir: join(dir, 'dist/renderer'),
  });
  cleanups.push(() => kiosk.dispose());
  chownSync(launchFile, user.uid, user.gid); // the screen runs as the kiosk user, as installed

  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_RUNTIME_DIR: runtimeDir,
    WLR_BACKENDS: 'headless',
    WLR_RENDERER: 'pixman',
    WLR_LIBINPUT_NO_DEVICES: '1',
    KIOSK_LAUNCH_FILE: launchFile,
    KIOSK_SCREEN_PROGRAM: join(built.appDir, 'kiosk-screen.mjs'),
    KIOSK_BROWSER_PROFILE: join(home!, 'browser'),
    KIOSK_CAGE_OPTIONS: options.cageOptions ?? '',
    // No GPU in a headless session: software compositing; /dev/shm may be small in a container.
    KIOSK_BROWSER_FLAGS:
      process.env.KIOSK_TEST_BROWSER_FLAGS ?? '--disable-gpu --disable-dev-shm-usage',
  };
  // A copy the test user can reach (a checkout under /root is not).
  const script = join(dir, 'kiosk-screen');
  copyFileSync(KIOSK_SCREEN, script);
  chmodSync(script, 0o755);
  const screen = spawnAs(user, script, [], env);
  let log = '';
  screen.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  screen.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  cleanups.push(() => stopGroup(screen.pid!));

  const display = () => readdirSync(runtimeDir!).find((name) => /^wayland-\d+$/.test(name));
  let last: Buffer = Buffer.alloc(0);
  return {
    log: () => log,
    size: () => {
      const png = PNG.sync.read(last);
      return { width: png.width, height: png.height };
    },
    /** Whether `hex` reaches each edge band (the outer tenth) of the last shot. */
    spread: (hex: string) => spreadOf(last, hex),
    /** A grim shot of the session, judged by `judge`; kept in test-results for a look. */
    look: async (judge: (shot: Buffer) => string) => {
      const name = display();
      if (!name) return `no Wayland display yet; the session said: ${log.slice(-600)}`;
      last = await grab(user, { ...env, WAYLAND_DISPLAY: name });
      writeFileSync(shotFile, last);
      writeFileSync(shotFile.replace(/\.png$/, '.log'), log);
      return judge(last);
    },
  };
}

async function grab(user: ReturnType<typeof screenUser>, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const { stdout } = await promisify(execFile)('grim', ['-'], {
    uid: user.uid,
    gid: user.gid,
    env,
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

async function stopGroup(pid: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50; i++) {
    await new Promise((done) => setTimeout(done, 100));
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
  }
  process.kill(-pid, 'SIGKILL');
}
