import WebSocket from 'ws';
import { UI_SECRET_FRAGMENT_KEY, uiSocketProtocols, WS_PATH } from '../../core/common/api/channels';

/**
 * Times the web shell's bridge: a no-op intent ({type:'activity'}) up the WebSocket and the
 * view the brain publishes for it back down, from a Node client with the page's origin and its
 * UI secret (from the page URL's fragment). The shell keeps one UI, so this client takes the
 * screen over from a connected page, which then stays on its "connecting" screen.
 */
export async function bridgeRoundTrips(shellUrl: string, count: number): Promise<number[]> {
  const url = new URL(shellUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get(UI_SECRET_FRAGMENT_KEY) ?? '';
  const socket = new WebSocket(
    `${url.origin.replace(/^http/, 'ws')}${WS_PATH}`,
    uiSocketProtocols(secret),
    { origin: url.origin },
  );
  const messages: Array<() => void> = [];
  socket.on('message', () => messages.shift()?.());
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    // The bridge sends the current view on connect: wait for it so it is not taken for a reply.
    messages.push(resolve);
  });
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const reply = new Promise<void>((resolve) => messages.push(resolve));
      const started = performance.now();
      socket.send(JSON.stringify({ type: 'intent', intent: { type: 'activity' } }));
      await reply;
      samples.push(performance.now() - started);
    }
  } finally {
    socket.close();
  }
  return samples;
}
