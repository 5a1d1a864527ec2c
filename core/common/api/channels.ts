/** Transport names shared by the shells and the renderer (no schema code, safe for the UI bundle). */
export const IPC_CHANNELS = {
  intent: 'kiosk:intent',
  view: 'kiosk:view',
  ready: 'kiosk:ready',
} as const;

export const WS_PATH = '/kiosk';

/** The one subprotocol the web shell speaks; it answers the handshake with this name. */
export const WS_PROTOCOL = 'bpjs-kiosk.v1';

/** The page offers the per-launch UI secret as a second subprotocol, `bpjs-ui.<secret>`. */
export const UI_SECRET_PROTOCOL_PREFIX = 'bpjs-ui.';

/**
 * The web shell's page URL carries the secret in its fragment, `#ui=<secret>`: a fragment is
 * never sent to the server, so a program that fetches the page learns nothing from it.
 */
export const UI_SECRET_FRAGMENT_KEY = 'ui';

/** The subprotocols a UI offers when it opens the kiosk WebSocket. */
export function uiSocketProtocols(uiSecret: string): string[] {
  return [WS_PROTOCOL, UI_SECRET_PROTOCOL_PREFIX + uiSecret];
}

/**
 * Close code for a UI connection another one (with the secret) took over: the page that gets it
 * does not reconnect, so two pages never take the screen from each other in turn.
 */
export const WS_CLOSE_REPLACED = 4001;

/**
 * Close code for a UI connection whose page had already given it up (the brain stalled past
 * WS_SILENCE_LIMIT_MS): what it sent meanwhile is dropped and its session ends.
 */
export const WS_CLOSE_GIVEN_UP = 4002;

/** The web shell sends the page a heartbeat (SocketBrainMessage `alive`) this often. */
export const WS_HEARTBEAT_MS = 1_000;

/**
 * A page that has heard nothing from the brain for this long (three heartbeats missed, or a
 * handshake not answered) takes it as gone: it clears the screen and connects again.
 */
export const WS_SILENCE_LIMIT_MS = 4_000;
