import type { WebContents } from 'electron';
import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordingApi } from '../../core/common/api/recording-api.test-helper';
import { FakeWebContents, fakeView, loggedText, spyLogger } from '../testing/fakes';

const ipcMain = vi.hoisted(() => ({ current: null as EventEmitter | null }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  ipcMain.current = new Emitter();
  return { ipcMain: ipcMain.current };
});

const { bindKioskIpc } = await import('./ipc-binding');

let api: RecordingApi;
let contents: FakeWebContents;
let logger: ReturnType<typeof spyLogger>;
let unbind: () => void;

beforeEach(() => {
  ipcMain.current?.removeAllListeners();
  api = new RecordingApi(fakeView(1));
  contents = new FakeWebContents();
  logger = spyLogger();
  unbind = bindKioskIpc(api, contents as unknown as WebContents, logger);
});

const fromPage = (overrides: Record<string, unknown> = {}) => ({
  sender: contents,
  senderFrame: contents.mainFrame,
  ...overrides,
});
const intent = (payload: unknown, event = fromPage()) =>
  ipcMain.current?.emit('kiosk:intent', event, payload);

describe('bindKioskIpc: intents', () => {
  it('forwards a valid intent from the kiosk page to the brain', () => {
    intent({ type: 'intent', intent: { type: 'digit', digit: '7' } });
    expect(api.received).toEqual([{ type: 'digit', digit: '7' }]);
  });

  it('drops an intent from a foreign origin, a subframe or another WebContents', () => {
    const other = new FakeWebContents();
    const message = { type: 'intent', intent: { type: 'submitKpj', kpj: '12345678901' } };
    intent(message, fromPage({ senderFrame: { url: 'https://evil.example/', parent: null } }));
    intent(message, fromPage({ senderFrame: { url: 'app://kiosk/index.html', parent: {} } }));
    intent(message, fromPage({ senderFrame: null }));
    intent(message, { sender: other, senderFrame: other.mainFrame });
    expect(api.received).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(4);
    expect(loggedText(logger)).not.toContain('12345678901');
  });

  it('drops an invalid payload without logging its contents', () => {
    for (const payload of [
      { type: 'intent', intent: { type: 'digit', digit: '12' } },
      { type: 'intent', intent: { type: 'submitKpj', kpj: '9'.repeat(40) } },
      { type: 'intent', intent: { type: 'launchMissiles' } },
      { type: 'digit', digit: '1' },
      'start',
      null,
    ]) {
      intent(payload);
    }
    expect(api.received).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(6);
    expect(loggedText(logger)).not.toContain('9999');
  });
});

describe('bindKioskIpc: views', () => {
  it('sends the current view and every new one to the window', () => {
    api.publish(fakeView(2, { screen: 'enterKpj' }));
    const epoch = expect.any(String);
    expect(contents.sent).toEqual([
      ['kiosk:view', { type: 'view', epoch, view: fakeView(1) }],
      ['kiosk:view', { type: 'view', epoch, view: fakeView(2, { screen: 'enterKpj' }) }],
    ]);
  });

  it('names its brain instance: one epoch for all its views, another for the next binding', () => {
    const epochOf = (entry: unknown[] | undefined) => (entry?.[1] as { epoch: string }).epoch;
    api.publish(fakeView(2));
    expect(epochOf(contents.sent[1])).toBe(epochOf(contents.sent[0]));
    const first = epochOf(contents.sent[0]);
    unbind();
    contents.sent.length = 0;
    unbind = bindKioskIpc(api, contents as unknown as WebContents, logger);
    expect(epochOf(contents.sent[0])).not.toBe(first);
  });

  it('answers ready from the kiosk page with the current view, and ignores it from elsewhere', () => {
    api.publish(fakeView(5));
    contents.sent.length = 0;
    ipcMain.current?.emit('kiosk:ready', fromPage());
    expect(contents.sent).toEqual([
      ['kiosk:view', { type: 'view', epoch: expect.any(String), view: fakeView(5) }],
    ]);
    ipcMain.current?.emit(
      'kiosk:ready',
      fromPage({ senderFrame: { url: 'https://evil.example/', parent: null } }),
    );
    expect(contents.sent).toHaveLength(1);
  });

  it('sends nothing to a destroyed window', () => {
    contents.destroyed = true;
    api.publish(fakeView(2));
    expect(contents.sent).toHaveLength(1);
  });

  it('unbinds: no more intents or views', () => {
    unbind();
    intent({ type: 'intent', intent: { type: 'start' } });
    api.publish(fakeView(3));
    expect(api.received).toEqual([]);
    expect(contents.sent).toHaveLength(1);
    expect(api.subscribers).toBe(0);
  });
});
