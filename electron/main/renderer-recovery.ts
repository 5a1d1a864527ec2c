import type { WebContents } from 'electron';
import type { KioskApi } from '../../core/common/api';
import type { Logger } from '../../core/log/logger';

/**
 * The window's page died (a renderer crash, killed for memory) or hangs: the session it showed
 * ends at once (nobody can see or finish it, and nothing of it may come back), and a fresh page
 * loads the start screen. A hang gets a few seconds to recover on its own first.
 */
export function recoverRenderer(
  contents: WebContents,
  api: KioskApi,
  logger: Logger,
  options: { unresponsiveGraceMs?: number } = {},
): () => void {
  const graceMs = options.unresponsiveGraceMs ?? 5_000;
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  const restart = (why: string, detail: object, hung = false) => {
    logger.error(detail, `${why}: the session ends and the start screen loads again`);
    api.send({ type: 'cancel' });
    if (contents.isDestroyed()) return;
    // A reload can stay stuck in a hung renderer: a new renderer process is needed.
    if (hung) contents.forcefullyCrashRenderer();
    contents.reload();
  };
  const onGone = (_event: unknown, details: { reason: string; exitCode: number }) => {
    // `clean-exit` is a page that closed itself (the window is closing): nothing to recover.
    if (details.reason === 'clean-exit') return;
    restart('renderer gone', { reason: details.reason, exitCode: details.exitCode });
  };
  const onUnresponsive = () => {
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      restart('renderer unresponsive', { graceMs }, true);
    }, graceMs);
  };
  const onResponsive = () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  };
  contents.on('render-process-gone', onGone);
  contents.on('unresponsive', onUnresponsive);
  contents.on('responsive', onResponsive);
  return () => {
    onResponsive();
    contents.off('render-process-gone', onGone);
    contents.off('unresponsive', onUnresponsive);
    contents.off('responsive', onResponsive);
  };
}
