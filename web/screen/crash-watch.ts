import type { CdpMessage, CdpPipe } from './cdp-pipe';

/**
 * Reloads every page of the browser whose renderer crashed (killed, out of memory): Chromium
 * itself would leave its "Aw, Snap!" page on the kiosk's screen. The brain has already ended
 * the session that page showed (its connection closed), so the reload shows the start screen.
 */
export function watchForCrashes(
  cdp: CdpPipe,
  log: (line: string) => void,
): { crashes(): number; stop(): void } {
  const attached = new Set<string>();
  let crashes = 0;
  const stop = cdp.onMessage((message: CdpMessage) => {
    const params = message.params ?? {};
    if (
      message.method === 'Target.targetCreated' ||
      message.method === 'Target.targetInfoChanged'
    ) {
      const info = params.targetInfo as { targetId: string; type: string } | undefined;
      if (info?.type === 'page' && !attached.has(info.targetId)) {
        attached.add(info.targetId);
        cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: true });
      }
    } else if (message.method === 'Target.attachedToTarget') {
      cdp.send('Inspector.enable', {}, params.sessionId as string);
    } else if (message.method === 'Target.targetDestroyed') {
      attached.delete(params.targetId as string);
    } else if (message.method === 'Inspector.targetCrashed' && message.sessionId) {
      crashes += 1;
      log(`kiosk page crashed (${crashes} so far): reloading it`);
      cdp.send('Page.reload', { ignoreCache: false }, message.sessionId);
    }
  });
  cdp.send('Target.setDiscoverTargets', { discover: true });
  return { crashes: () => crashes, stop };
}
