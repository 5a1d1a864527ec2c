import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localMinute, startMaintenance, withinWindow } from './maintenance-schedule';

/** The brain as the schedule sees it: at rest or serving someone, and its screen's hours. */
class Kiosk {
  busy = false;
  offHours: boolean[] = [];
  private listener: (() => void) | null = null;
  resting() {
    return !this.busy;
  }
  onViewChange(listener: () => void) {
    this.listener = listener;
    return () => (this.listener = null);
  }
  setOffHours(offHours: boolean) {
    if (this.offHours.at(-1) !== offHours) this.offHours.push(offHours);
  }
  visitEnds() {
    this.busy = false;
    this.listener?.();
  }
}

const JAKARTA = 'Asia/Jakarta'; // UTC+7, no daylight saving

describe('maintenance schedule', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-04T21:50:00Z') })); // 04:50 in Jakarta
  afterEach(() => vi.useRealTimers());

  it('reads the local clock of the kiosk, and windows that pass midnight', () => {
    expect(localMinute(new Date('2026-12-04T21:50:00Z'), JAKARTA)).toBe('2026-12-05T04:50');
    expect(withinWindow('23:30', '22:00', '06:00')).toBe(true);
    expect(withinWindow('05:59', '22:00', '06:00')).toBe(true);
    expect(withinWindow('06:00', '22:00', '06:00')).toBe(false);
    expect(withinWindow('12:00', '08:00', '17:00')).toBe(true);
    expect(withinWindow('17:00', '08:00', '17:00')).toBe(false);
  });

  it('restarts once its time has come, never during a visit: it waits for the visit to end', async () => {
    const kiosk = new Kiosk();
    const restart = vi.fn();
    const stop = startMaintenance({
      maintenance: { dailyRestartAt: '05:00', displayOff: null },
      timeZone: JAKARTA,
      kiosk,
      restart,
    });
    await vi.advanceTimersByTimeAsync(9 * 60_000);
    expect(restart).not.toHaveBeenCalled(); // 04:59
    kiosk.busy = true;
    await vi.advanceTimersByTimeAsync(5 * 60_000); // 05:04, someone is being served
    expect(restart).not.toHaveBeenCalled();
    kiosk.visitEnds();
    expect(restart).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(restart).toHaveBeenCalledOnce();
    stop();
  });

  it("a kiosk started after today's restart time restarts tomorrow, not at once", async () => {
    const kiosk = new Kiosk();
    const restart = vi.fn();
    startMaintenance({
      maintenance: { dailyRestartAt: '04:00', displayOff: null },
      timeZone: JAKARTA,
      kiosk,
      restart,
    });
    await vi.advanceTimersByTimeAsync(22 * 60 * 60_000); // 02:50 the next day
    expect(restart).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(80 * 60_000); // 04:10
    expect(restart).toHaveBeenCalledOnce();
  });

  it('darkens the screen outside opening hours and lights it when they begin', async () => {
    const kiosk = new Kiosk();
    const stop = startMaintenance({
      maintenance: { dailyRestartAt: null, displayOff: { from: '20:00', to: '06:30' } },
      timeZone: JAKARTA,
      kiosk,
      restart: () => {},
    });
    expect(kiosk.offHours).toEqual([true]); // 04:50
    await vi.advanceTimersByTimeAsync(100 * 60_000); // 06:30
    expect(kiosk.offHours).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync((13 * 60 + 30) * 60_000); // 20:00
    expect(kiosk.offHours).toEqual([true, false, true]);
    stop();
  });

  it('a restart held back by a visit past midnight happens when it ends, not a day later', async () => {
    const kiosk = new Kiosk();
    const restart = vi.fn();
    startMaintenance({
      maintenance: { dailyRestartAt: '23:50', displayOff: null },
      timeZone: JAKARTA,
      kiosk,
      restart,
    });
    await vi.advanceTimersByTimeAsync((18 * 60 + 55) * 60_000); // 23:45
    kiosk.busy = true;
    await vi.advanceTimersByTimeAsync(30 * 60_000); // 00:15 the next day, still serving
    expect(restart).not.toHaveBeenCalled();
    kiosk.visitEnds();
    expect(restart).toHaveBeenCalledOnce();
  });
});
