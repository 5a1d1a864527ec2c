import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSystemdNotify } from './fake-systemd-notify.test-helper';
import { startSystemdNotifier, watchdogIntervalMs } from './systemd-notifier';

const SYSTEMD = { NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '2000000' };

afterEach(() => {
  vi.useRealTimers();
});

describe('startSystemdNotifier', () => {
  it('says READY=1 with a status once ready, then WATCHDOG=1 every half WatchdogSec', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const notifier = startSystemdNotifier(SYSTEMD, { send: (m) => sent.push(m) });
    expect(sent).toEqual([]);
    notifier.ready('Kiosk ready in 900 ms\non port 8080');
    expect(sent).toEqual(['READY=1\nSTATUS=Kiosk ready in 900 ms on port 8080']);
    vi.advanceTimersByTime(999);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.at(-1)).toBe('WATCHDOG=1');
    vi.advanceTimersByTime(3000);
    expect(sent.filter((m) => m === 'WATCHDOG=1')).toHaveLength(4);
    notifier.stopping();
    vi.advanceTimersByTime(10_000);
    expect(sent.slice(5)).toEqual(['STOPPING=1']);
  });

  it('sends nothing at all when not started by systemd (no NOTIFY_SOCKET)', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const notifier = startSystemdNotifier(
      { WATCHDOG_USEC: '2000000' },
      { send: (m) => sent.push(m) },
    );
    notifier.ready('ready');
    vi.advanceTimersByTime(60_000);
    notifier.stopping();
    expect(notifier.active).toBe(false);
    expect(sent).toEqual([]);
  });

  it('sends no keep-alives without a watchdog, or when the watchdog is for another process', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    startSystemdNotifier({ NOTIFY_SOCKET: '/s' }, { send: (m) => sent.push(m) }).ready();
    startSystemdNotifier(
      { ...SYSTEMD, WATCHDOG_PID: '1' },
      { send: (m) => sent.push(m), pid: 4242 },
    ).ready();
    vi.advanceTimersByTime(60_000);
    expect(sent).toEqual(['READY=1', 'READY=1']);
  });

  it('reads WATCHDOG_USEC as sd_watchdog_enabled(3) does', () => {
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000' })).toBe(15_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '7' }, 7)).toBe(15_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: 'soon' })).toBeNull();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '0' })).toBeNull();
    expect(watchdogIntervalMs({})).toBeNull();
  });
});

// A child that waits for two keep-alives, blocks its event loop for 1.2 s, and ends after two
// more: the keep-alives come from the loop, so none is sent while it is stuck.
const BLOCKING_CHILD = `
import { appendFileSync, readFileSync } from 'node:fs';
import { startSystemdNotifier } from './web/entry/systemd-notifier.ts';
const log = process.env.FAKE_LOG;
const mark = (what) => appendFileSync(log, \`\${Date.now()}000000 \${what}\\n\`);
const count = () => { try { return readFileSync(log, 'utf8').split('WATCHDOG=1').length - 1; } catch { return 0; } };
const notifier = startSystemdNotifier(process.env);
notifier.ready();
let phase = 'before';
let after = 0;
const poll = setInterval(() => {
  if (phase === 'before' && count() >= 2) {
    phase = 'after';
    mark('BLOCK-START');
    const until = Date.now() + 1200;
    while (Date.now() < until);
    mark('BLOCK-END');
    after = count();
  } else if (phase === 'after' && count() >= after + 2) {
    clearInterval(poll);
    notifier.close();
    process.exit(0);
  }
}, 20);
`;

describe('systemd keep-alives in a real process', () => {
  it('stop while the event loop is blocked and resume after', async () => {
    const fake = fakeSystemdNotify();
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', BLOCKING_CHILD],
        {
          cwd: process.cwd(),
          env: fake.env({ WATCHDOG_USEC: '200000', FAKE_LOG: fake.log }),
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const records = fake.records();
      const at = (message: string) => records.find((r) => r.message === message)!.atMs;
      const [start, end] = [at('BLOCK-START'), at('BLOCK-END')];
      expect(end - start).toBeGreaterThanOrEqual(1200);
      const watchdogs = records.filter((r) => r.message === 'WATCHDOG=1');
      // One spawned just before the block may still land inside it; a timer off the loop
      // would have sent about twelve.
      expect(watchdogs.filter((r) => r.atMs > start && r.atMs < end).length).toBeLessThanOrEqual(1);
      expect(watchdogs.filter((r) => r.atMs >= end).length).toBeGreaterThanOrEqual(2);
      expect(records[0]!.message).toBe('READY=1');
    } finally {
      fake.remove();
    }
  }, 30_000);
});
