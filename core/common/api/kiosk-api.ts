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
  /**
   * Transports that can lose the brain (the web shell's WebSocket) call this the moment they do:
   * the UI then clears the screen at once, since the views it holds may be a previous person's.
   */
  onConnectionLost?(listener: () => void): () => void;
}

/**
 * Messages on the wire (WebSocket and IPC), validated on both ends. `epoch` names the brain
 * instance that sent the view (random per start), so a page can tell a restarted brain from a
 * stale snapshot (view-order.ts).
 */
export const BrainMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('view'), epoch: z.string().min(1).max(64), view: SessionView }),
]);
export type BrainMessage = z.infer<typeof BrainMessage>;

/**
 * What the web shell's WebSocket carries down: the views, and between them a heartbeat every
 * WS_HEARTBEAT_MS, so a page can tell a brain whose event loop stopped (hung, paused) from one
 * with nothing new to show, even while the socket itself still looks open.
 */
export const SocketBrainMessage = z.discriminatedUnion('type', [
  ...BrainMessage.options,
  z.object({ type: z.literal('alive'), epoch: z.string().min(1).max(64) }),
]);
export type SocketBrainMessage = z.infer<typeof SocketBrainMessage>;

export const UiMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('intent'), intent: Intent }),
]);
export type UiMessage = z.infer<typeof UiMessage>;

export * from './channels';
export * from './view-order';
