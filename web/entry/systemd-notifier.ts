import { execFile } from 'node:child_process';

/**
 * sd_notify for the kiosk's service unit (`Type=notify`, `WatchdogSec=`): READY=1 once the kiosk
 * serves, WATCHDOG=1 from a timer on the event loop (a stuck loop sends none, and systemd restarts
 * the service), STOPPING=1 on a clean stop.
 *
 * Node has no Unix datagram sockets, so each message is sent by Debian's own `systemd-notify`
 * (package systemd, always on a systemd machine): no native module to build or ship. It waits
 * until PID 1 has read the message (no `--no-block`), so the message is attributed to the unit
 * although it comes from a child process: the unit needs `NotifyAccess=all`. See docs/deploy.md.
 */
export interface SystemdNotifier {
  /** Whether systemd listens (NOTIFY_SOCKET set). */
  readonly active: boolean;
  /** The keep-alive period in ms (half of WatchdogSec), or null when no watchdog is asked for. */
  readonly watchdogIntervalMs: number | null;
  ready(status?: string): void;
  stopping(): void;
  /** Stops the keep-alives. */
  close(): void;
}

/** Sends one sd_notify message (`KEY=value` lines). */
export type NotifySend = (message: string) => void;

type Env = Readonly<Record<string, string | undefined>>;

export interface NotifierOptions {
  send?: NotifySend;
  /** Where a failed send is said (e.g. the logger). */
  onError?: (error: Error) => void;
  pid?: number;
}

/** The watchdog period systemd asks for (WATCHDOG_USEC, for this PID), halved as sd_notify(3) advises. */
export function watchdogIntervalMs(env: Env, pid: number = process.pid): number | null {
  const usec = Number(env.WATCHDOG_USEC);
  if (!env.WATCHDOG_USEC || !Number.isFinite(usec) || usec <= 0) return null;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return null;
  return Math.max(1, Math.floor(usec / 2000));
}

export function startSystemdNotifier(env: Env, options: NotifierOptions = {}): SystemdNotifier {
  const active = Boolean(env.NOTIFY_SOCKET);
  const onError = options.onError ?? (() => {});
  const send = options.send ?? spawnSystemdNotify(env, onError);
  const interval = active ? watchdogIntervalMs(env, options.pid) : null;
  const say = (message: string) => {
    if (active) send(message);
  };
  let timer: NodeJS.Timeout | null = null;
  if (interval !== null) {
    timer = setInterval(() => say('WATCHDOG=1'), interval);
    timer.unref(); // the keep-alive never keeps a stopping kiosk alive
  }
  const close = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  return {
    active,
    watchdogIntervalMs: interval,
    ready: (status) => say(status ? `READY=1\nSTATUS=${oneLine(status)}` : 'READY=1'),
    stopping: () => {
      close();
      say('STOPPING=1');
    },
    close,
  };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** `systemd-notify KEY=value…` with the service's NOTIFY_SOCKET. */
export function spawnSystemdNotify(env: Env, onError: (error: Error) => void): NotifySend {
  return (message) => {
    execFile(
      'systemd-notify',
      message.split('\n'),
      { env: { ...env }, timeout: 10_000 },
      (error) => {
        if (error) onError(error);
      },
    );
  };
}
