import { randomUUID } from 'node:crypto';
import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import {
  IPC_CHANNELS,
  UiMessage,
  type BrainMessage,
  type KioskApi,
  type SessionView,
} from '../../core/common/api';
import type { Logger } from '../../core/log/logger';
import { isAppUrl } from './app-origin';

/**
 * Binds the kiosk API to one window over IPC. Only the top frame of that window, on the app
 * origin, may talk to the brain; every payload is validated; anything else is dropped and
 * logged without its contents. Returns the unbind function.
 */
export function bindKioskIpc(api: KioskApi, contents: WebContents, logger: Logger): () => void {
  let current: SessionView | null = null;
  // The brain instance behind this window (BrainMessage.epoch): new at every start.
  const epoch = randomUUID();

  const sendView = (view: SessionView) => {
    if (contents.isDestroyed()) return;
    const message: BrainMessage = { type: 'view', epoch, view };
    contents.send(IPC_CHANNELS.view, message);
  };

  const fromOurPage = (event: IpcMainEvent, channel: string): boolean => {
    const frame = event.senderFrame;
    const ok =
      event.sender === contents && frame !== null && frame.parent === null && isAppUrl(frame.url);
    if (!ok) logger.warn({ channel, reason: 'foreign sender' }, 'IPC message dropped');
    return ok;
  };

  const onIntent = (event: IpcMainEvent, payload: unknown) => {
    if (!fromOurPage(event, IPC_CHANNELS.intent)) return;
    const parsed = UiMessage.safeParse(payload);
    if (!parsed.success) {
      logger.warn(
        { channel: IPC_CHANNELS.intent, reason: 'invalid payload' },
        'IPC message dropped',
      );
      return;
    }
    api.send(parsed.data.intent);
  };

  const onReady = (event: IpcMainEvent) => {
    if (!fromOurPage(event, IPC_CHANNELS.ready)) return;
    if (current) sendView(current);
  };

  ipcMain.on(IPC_CHANNELS.intent, onIntent);
  ipcMain.on(IPC_CHANNELS.ready, onReady);
  const unsubscribe = api.subscribe((view) => {
    current = view;
    sendView(view);
  });

  return () => {
    unsubscribe();
    ipcMain.removeListener(IPC_CHANNELS.intent, onIntent);
    ipcMain.removeListener(IPC_CHANNELS.ready, onReady);
  };
}
