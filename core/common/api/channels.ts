/** Transport names shared by the shells and the renderer (no schema code, safe for the UI bundle). */
export const IPC_CHANNELS = {
  intent: 'kiosk:intent',
  view: 'kiosk:view',
  ready: 'kiosk:ready',
} as const;

export const WS_PATH = '/kiosk';
