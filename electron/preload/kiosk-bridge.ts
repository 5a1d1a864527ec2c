import {
  BrainMessage,
  IPC_CHANNELS,
  Intent,
  isNewerView,
  type KioskApi,
  type SessionView,
  type UiMessage,
  type ViewStamp,
} from '../../core/common/api';

/** The part of ipcRenderer the bridge uses; the page never gets ipcRenderer itself. */
export interface IpcRendererLike {
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The kiosk API as the preload exposes it: `send` and `subscribe`, nothing else. Intents are
 * validated before they leave the page, views before they reach it; the IPC event object never
 * reaches the page.
 */
export function createKioskBridge(ipc: IpcRendererLike): KioskApi {
  const listeners = new Set<(view: SessionView) => void>();
  let current: SessionView | null = null;
  let stamp: ViewStamp | null = null;

  const onView = (_event: unknown, payload: unknown) => {
    const parsed = BrainMessage.safeParse(payload);
    if (!parsed.success) {
      console.warn('kiosk: invalid message from the brain dropped');
      return;
    }
    const { epoch, view } = parsed.data;
    // A view of another brain instance always wins; within one, an older snapshot is stale.
    const next = { epoch, seq: view.seq };
    if (!isNewerView(stamp, next)) return;
    stamp = next;
    current = view;
    for (const listener of [...listeners]) listener(view);
  };

  return Object.freeze({
    send(intent: Intent): void {
      const parsed = Intent.safeParse(intent);
      if (!parsed.success) {
        console.warn('kiosk: invalid intent not sent');
        return;
      }
      const message: UiMessage = { type: 'intent', intent: parsed.data };
      ipc.send(IPC_CHANNELS.intent, message);
    },
    subscribe(listener: (view: SessionView) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('kiosk.subscribe needs a function');
      if (listeners.size === 0) ipc.on(IPC_CHANNELS.view, onView);
      listeners.add(listener);
      if (current) listener(current);
      ipc.send(IPC_CHANNELS.ready);
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) ipc.removeListener(IPC_CHANNELS.view, onView);
      };
    },
  });
}
