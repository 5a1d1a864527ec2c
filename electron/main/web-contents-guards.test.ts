import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeWebContents, fakeEvent, spyLogger } from '../testing/fakes';
import { guardWebContents } from './web-contents-guards';

function guarded() {
  const contents = new FakeWebContents();
  const logger = spyLogger();
  guardWebContents(contents as unknown as WebContents, logger);
  return { contents, logger };
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: blocks any page outside app://kiosk',
    (eventName) => {
      const { contents, logger } = guarded();
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html']) {
        const event = fakeEvent({ url });
        contents.emit(eventName, event);
        expect(event.defaultPrevented, url).toBe(true);
      }
      expect(logger.warn).toHaveBeenCalled();
    },
  );

  it('lets the page move within app://kiosk', () => {
    const { contents } = guarded();
    const event = fakeEvent({ url: 'app://kiosk/index.html' });
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('denies every new window', () => {
    const { contents } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
  });

  it('prevents attaching a webview', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('swallows kiosk-escaping shortcuts and passes the keypad keys', () => {
    const { contents } = guarded();
    const reload = fakeEvent();
    contents.emit('before-input-event', reload, {
      type: 'keyDown',
      key: 'r',
      control: true,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(reload.defaultPrevented).toBe(true);
    const digit = fakeEvent();
    contents.emit('before-input-event', digit, {
      type: 'keyDown',
      key: '7',
      control: false,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(digit.defaultPrevented).toBe(false);
  });
});
