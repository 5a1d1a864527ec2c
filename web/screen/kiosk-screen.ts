/**
 * `kiosk-screen [--chromium PATH] <url> [-- chromium flags…]`: the kiosk's screen. Runs Chromium
 * on the kiosk page (the launch file's file:// URL, which names no secret) and reloads the page
 * whenever its renderer crashes. Ends when Chromium ends, with its exit code, so the service
 * manager (the cage session unit) starts the screen again.
 */
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { CdpPipe } from './cdp-pipe';
import { watchForCrashes } from './crash-watch';

export const KIOSK_SCREEN_USAGE =
  'Usage: kiosk-screen [--chromium /usr/bin/chromium] <url> [-- extra Chromium flags]';

export interface KioskScreenIo {
  err(line: string): void;
}

export interface KioskScreen {
  /** Chromium's exit code once it has ended. */
  exited: Promise<number>;
  /** Page crashes reloaded so far. */
  crashes(): number;
  /** Chromium's browser process. */
  pid: number | undefined;
  stop(): void;
}

/** Starts Chromium on the page, or returns the usage error's exit code. */
export function startKioskScreen(argv: readonly string[], io: KioskScreenIo): KioskScreen | number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { chromium: { type: 'string', default: '/usr/bin/chromium' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${KIOSK_SCREEN_USAGE}`);
    return 2;
  }
  const [url, ...flags] = parsed.positionals;
  if (!url || !/^(file|http):\/\//.test(url)) {
    io.err(`kiosk-screen needs the kiosk's file:// or http:// URL.\n${KIOSK_SCREEN_USAGE}`);
    return 2;
  }
  const chromium = parsed.values.chromium!;
  const browser = spawn(chromium, ['--remote-debugging-pipe', ...flags, url], {
    stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'pipe'],
  });
  const toBrowser = browser.stdio[3] as Writable;
  // The pipe to a Chromium that is gone reports EPIPE: the exit below says it all.
  toBrowser.on('error', () => {});
  const cdp = new CdpPipe(toBrowser, browser.stdio[4] as Readable);
  const watch = watchForCrashes(cdp, io.err);
  let stopping = false;
  const exited = new Promise<number>((resolve) => {
    browser.once('error', (error) => {
      io.err(`kiosk-screen: cannot start ${chromium}: ${error.message}`);
      resolve(1);
    });
    browser.once('exit', (code, signal) => {
      watch.stop();
      // Stopped on purpose (the unit's stop): a clean end, not a failure.
      if (stopping) return resolve(0);
      io.err(`kiosk-screen: Chromium ended (${signal ?? code}); the screen session restarts it`);
      resolve(code ?? 1);
    });
  });
  return {
    exited,
    crashes: () => watch.crashes(),
    pid: browser.pid,
    stop: () => {
      stopping = true;
      browser.kill('SIGTERM');
    },
  };
}
