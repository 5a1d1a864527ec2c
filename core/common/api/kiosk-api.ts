import { z } from 'zod';
import { Intent } from './intents';
import { SessionView } from './view';

/**
 * The one interface the renderer knows. Exposed by electron/preload over IPC and by web/ over a
 * WebSocket; a headless integrator can implement it directly on the brain.
 */
export interface KioskApi {
  send(intent: Intent): void;
  /** Calls the listener with the current view at once, then with every new one. */
  subscribe(listener: (view: SessionView) => void): () => void;
}

/** Messages on the wire (WebSocket and IPC), validated on both ends. */
export const BrainMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), view: SessionView }),
]);
export type BrainMessage = z.infer<typeof BrainMessage>;

export const UiMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('intent'), intent: Intent }),
]);
export type UiMessage = z.infer<typeof UiMessage>;

export { IPC_CHANNELS, WS_PATH } from './channels';
