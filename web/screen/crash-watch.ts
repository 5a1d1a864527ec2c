import type { CdpMessage, CdpPipe } from './cdp-pipe';

/**
 * Reloads every page of the browser whose renderer crashed (killed, out of memory): Chromium
 * itself would leave its "Aw, Snap!" page on the kiosk's screen. The brain has already ended
 * the session that page showed (its connection closed), so the reload shows the start screen.
 * Crashes come from target discovery (Target.targetCrashed), so one that happens before the page
 * is attached is not missed: the reload waits for the attach.
 */
export function watchForCrashes(
  cdp: CdpPipe,
  log: (line: string) => void,
): { crashes(): number; stop(): void } {
  /** The page targets attached, and the session each is driven through (null: attaching). */
  const sessions = new Map<string, string | null>();
  const reloadOnAttach = new Set<string>();
  let crashes = 0;
  /** Crashes that came soon after the one before: a page that crashes as it loads. */
  let quickCrashes = 0;
  let lastCrashAt = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const reloadNow = (sessionId: string) => cdp.send('Page.reload', {}, sessionId);
  // The first reloads are at once; a page that keeps crashing is reloaded less and less often
  // (up to every 30 s), so the kiosk does not spin.
  const reload = (sessionId: string) => {
    const delayMs = quickCrashes < 3 ? 0 : Math.min(30_000, 1000 * 2 ** (quickCrashes - 3));
    if (delayMs === 0) return void reloadNow(sessionId);
    const timer = setTimeout(() => {
      timers.delete(timer);
      reloadNow(sessionId);
    }, delayMs);
    timers.add(timer);
  };
  const stop = cdp.onMessage((message: CdpMessage) => {
    const params = message.params ?? {};
    switch (message.method) {
      case 'Target.targetCreated':
      case 'Target.targetInfoChanged': {
        const info = params.targetInfo as { targetId: string; type: string } | undefined;
        if (info?.type !== 'page' || sessions.has(info.targetId)) return;
        sessions.set(info.targetId, null);
        cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: true });
        return;
      }
      case 'Target.attachedToTarget': {
        const targetId = (params.targetInfo as { targetId: string } | undefined)?.targetId;
        const sessionId = params.sessionId as string | undefined;
        if (!targetId || !sessionId) return;
        sessions.set(targetId, sessionId);
        if (reloadOnAttach.delete(targetId)) reload(sessionId);
        return;
      }
      case 'Target.targetDestroyed':
        sessions.delete(params.targetId as string);
        reloadOnAttach.delete(params.targetId as string);
        return;
      case 'Target.targetCrashed': {
        const targetId = params.targetId as string;
        if (!sessions.has(targetId)) return; // not a page (a worker, an extension)
        crashes += 1;
        const at = Date.now();
        quickCrashes = at - lastCrashAt < 60_000 ? quickCrashes + 1 : 0;
        lastCrashAt = at;
        log(`kiosk page crashed (${String(params.status)}; ${crashes} so far): reloading it`);
        const sessionId = sessions.get(targetId);
        if (sessionId) reload(sessionId);
        else reloadOnAttach.add(targetId);
        return;
      }
    }
  });
  cdp.send('Target.setDiscoverTargets', { discover: true });
  return {
    crashes: () => crashes,
    stop: () => {
      stop();
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
