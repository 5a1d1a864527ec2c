import WebSocket from 'ws';
import { UI_SECRET_FRAGMENT_KEY, uiSocketProtocols, WS_PATH } from '../../core/common/api/channels';

/**
 * Times the web shell's bridge: a no-op intent ({type:'activity'}) up the WebSocket and the
 * view the brain publishes for it back down, from a Node client with the page's origin and its
 * UI secret (from the page URL's fragment). The shell keeps one UI, so this client takes the
 * screen over from a connected page, which then stays on its "connecting" screen.
 */
const QUIET_MS = 20;

export async function bridgeRoundTrips(shellUrl: string, count: number): Promise<number[]> {
  const url = new URL(shellUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get(UI_SECRET_FRAGMENT_KEY) ?? '';
  const socket = new WebSocket(
    `${url.origin.replace(/^http/, 'ws')}${WS_PATH}`,
    uiSocketProtocols(secret),
    { origin: url.origin },
  );
  // Replies are told apart by the view's number, and each send waits for the line to be quiet:
  // taking the screen over from the page, and an intent itself, can make the brain publish more
  // than one view, and a late one must not be taken for the next intent's answer.
  let lastSeq = -1;
  let lastMessageAt = performance.now();
  let waiting: { after: number; resolve: () => void } | null = null;
  socket.on('message', (data) => {
    const seq = (JSON.parse(String(data)) as { view?: { seq?: number } }).view?.seq ?? -1;
    lastSeq = Math.max(lastSeq, seq);
    lastMessageAt = performance.now();
    if (waiting && seq > waiting.after) {
      const { resolve } = waiting;
      waiting = null;
      resolve();
    }
  });
  const quiet = async () => {
    while (performance.now() - lastMessageAt < QUIET_MS)
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  };
  const roundTrip = () =>
    new Promise<void>((resolve) => {
      waiting = { after: lastSeq, resolve };
      socket.send(JSON.stringify({ type: 'intent', intent: { type: 'activity' } }));
    });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('message', () => resolve());
  });
  const samples: number[] = [];
  try {
    await roundTrip(); // untimed: lets the take-over's own views pass first
    for (let i = 0; i < count; i++) {
      await quiet();
      const started = performance.now();
      await roundTrip();
      samples.push(performance.now() - started);
    }
  } finally {
    socket.close();
  }
  return samples;
}
