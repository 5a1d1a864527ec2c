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
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/load-config';
import { startHostSimulator } from '../../simulators/host';
import { startWebKiosk } from '../../web/entry/web-kiosk';
import { PNG } from 'pngjs';
import { buildForTest } from '../build/production-build.test-helper';
import { colourIn, screenUser, spawnAs } from './screen-session.test-helper';

const ROOT = resolve(import.meta.dirname, '../..');
const KIOSK_SCREEN = join(ROOT, 'deploy/kiosk-screen');
/** The start screen's page and brand colours (renderer/src/styles/tokens.css). */
const PAGE = '#f3f6f4';
const BRAND = '#00703c';
const SHOT = join(ROOT, 'test-results/cage-start-screen.png');

const missing = ['/usr/bin/cage', '/usr/bin/grim', '/usr/bin/chromium'].filter(
  (p) => !existsSync(p),
);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Painting the page is not reliable in cage's headless backend here: Chromium in --kiosk mostly
 * stays a blank 532x129 window (its fullscreen request gets no size from the headless output);
 * it painted the whole start screen in 1 of about 12 runs (docs/deploy.md, "The screen test").
 * So the start screen check runs when asked for, and the session check always.
 */
const PAINT = process.env.KIOSK_CAGE_PAINT_TEST === '1';

describe('the screen session (deploy/kiosk-screen)', () => {
  it('comes up headless in cage as a normal user, with the browser window on the output', async (context) => {
    if (missing.length) {
      console.warn(`skipped: ${missing.join(', ')} missing (apt-get install cage grim chromium)`);
      context.skip();
    }
    const session = await startSession();
    await expect
      .poll(
        () =>
          session.look((shot) =>
            colourIn(shot, '#ffffff', 0).pixels > 10_000 || colourIn(shot, PAGE).pixels > 10_000
              ? 'window'
              : 'nothing yet',
          ),
        {
          timeout: 60_000,
          interval: 1_000,
        },
      )
      .toBe('window');
    expect(session.size()).toEqual({ width: 1280, height: 720 });
    expect(session.log()).not.toMatch(/Running as root without --no-sandbox/);
  }, 180_000);

  it('shows the start screen in that session (KIOSK_CAGE_PAINT_TEST=1)', async (context) => {
    if (missing.length || !PAINT) {
      console.warn(
        missing.length
          ? `skipped: ${missing.join(', ')} missing`
          : 'skipped: Chromium rarely paints in headless cage here (see the comment above); KIOSK_CAGE_PAINT_TEST=1 runs it',
      );
      context.skip();
    }
    const session = await startSession();
    await expect
      .poll(
        () =>
          session.look((shot) => {
            const page = colourIn(shot, PAGE);
            const brand = colourIn(shot, BRAND);
            return page.share > 0.05 && brand.pixels > 200
              ? 'start screen'
              : `page ${page.share.toFixed(3)}, brand ${brand.pixels}`;
          }),
        { timeout: 120_000, interval: 2_000 },
      )
      .toBe('start screen');
  }, 180_000);
});

/** The kiosk (web shell on the host simulator) and deploy/kiosk-screen on it, as the test user. */
async function startSession() {
  mkdirSync(dirname(SHOT), { recursive: true });
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
    /** A grim shot of the session, judged by `judge`; kept in test-results for a look. */
    look: async (judge: (shot: Buffer) => string) => {
      const name = display();
      if (!name) return `no Wayland display yet; the session said: ${log.slice(-600)}`;
      last = await grab(user, { ...env, WAYLAND_DISPLAY: name });
      writeFileSync(SHOT, last);
      writeFileSync(SHOT.replace(/\.png$/, '.log'), log);
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
