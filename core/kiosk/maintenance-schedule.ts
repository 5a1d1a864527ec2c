import type { KioskConfig } from '../config/kiosk-config';

/** What the schedule acts on: the brain's rest and its screen. */
export interface MaintainedKiosk {
  /** Nobody is being served (start screen, thank-you, out of service, dark). */
  resting(): boolean;
  /** Called whenever the brain publishes a view (the schedule waits for a visit to end). */
  onViewChange(listener: () => void): () => void;
  setOffHours(offHours: boolean): void;
}

export interface MaintenanceOptions {
  maintenance: KioskConfig['maintenance'];
  timeZone: string;
  kiosk: MaintainedKiosk;
  /** The daily restart is due and nobody is served: stop cleanly so the service manager restarts. */
  restart: () => void;
  now?: () => Date;
  /** How often the clock is read (default 20 s: a restart or display change is at most that late). */
  tickMs?: number;
  logger?: { info(o: object, m: string): void };
}

/** `YYYY-MM-DDTHH:MM` in the time zone: compared as strings, in order. */
export function localMinute(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Inside [from, to) on the local clock; a window past midnight (22:00-06:00) wraps. */
export function withinWindow(hhmm: string, from: string, to: string): boolean {
  return from < to ? hhmm >= from && hhmm < to : hhmm >= from || hhmm < to;
}

/**
 * Idle-only maintenance: the daily restart once its time has come and no session is open (never
 * during one: it waits for the visit to end), and the dark screen outside opening hours.
 */
export function startMaintenance(options: MaintenanceOptions): () => void {
  const { maintenance, timeZone, kiosk } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = localMinute(now(), timeZone);
  let restarting = false;

  // Due once a restart time has passed since the start: today's, or yesterday's when a visit held
  // it past midnight. Started after today's time, the first is tomorrow's.
  const restartDue = (minute: string): boolean => {
    const at = maintenance.dailyRestartAt;
    if (!at) return false;
    const yesterday = localMinute(new Date(now().getTime() - 86_400_000), timeZone).slice(0, 10);
    return [`${minute.slice(0, 10)}T${at}`, `${yesterday}T${at}`].some(
      (due) => due > startedAt && minute >= due,
    );
  };

  const check = () => {
    const minute = localMinute(now(), timeZone);
    if (maintenance.displayOff) {
      const { from, to } = maintenance.displayOff;
      kiosk.setOffHours(withinWindow(minute.slice(11), from, to));
    }
    if (!restarting && restartDue(minute) && kiosk.resting()) {
      restarting = true;
      options.logger?.info({ at: maintenance.dailyRestartAt }, 'daily restart (nobody served)');
      options.restart();
    }
  };

  if (!maintenance.dailyRestartAt && !maintenance.displayOff) return () => {};
  const timer = setInterval(check, options.tickMs ?? 20_000);
  timer.unref?.();
  // A visit that held the restart back ends: restart then, not at the next tick.
  const unwatch = kiosk.onViewChange(() => {
    if (!restarting && kiosk.resting() && restartDue(localMinute(now(), timeZone))) check();
  });
  check();
  return () => {
    clearInterval(timer);
    unwatch();
  };
}
