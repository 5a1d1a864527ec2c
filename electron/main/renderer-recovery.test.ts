import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi } from '../../core/common/api';
import { FakeWebContents, spyLogger } from '../testing/fakes';
import { recoverRenderer } from './renderer-recovery';

function setUp() {
  const contents = new FakeWebContents();
  const api = { send: vi.fn(), subscribe: vi.fn() } as unknown as KioskApi & {
    send: ReturnType<typeof vi.fn>;
  };
  const logger = spyLogger();
  const stop = recoverRenderer(contents as unknown as WebContents, api, logger, {
    unresponsiveGraceMs: 5_000,
  });
  return { contents, api, logger, stop };
}

describe('recoverRenderer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a crashed page ends the session and loads the start screen again at once', () => {
    const { contents, api, logger } = setUp();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(api.send).toHaveBeenCalledWith({ type: 'cancel' });
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(contents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(logger.error).toHaveBeenCalled();
  });

  it('a page that closed itself is left alone', () => {
    const { contents, api } = setUp();
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(api.send).not.toHaveBeenCalled();
    expect(contents.reload).not.toHaveBeenCalled();
  });

  it('a hung page gets its grace, then is reloaded; one that recovers in time is not', () => {
    const { contents, api } = setUp();
    contents.emit('unresponsive');
    vi.advanceTimersByTime(4_000);
    contents.emit('responsive');
    vi.advanceTimersByTime(10_000);
    expect(contents.reload).not.toHaveBeenCalled();

    contents.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    expect(api.send).toHaveBeenCalledWith({ type: 'cancel' });
    // The hung renderer is replaced first: a reload alone could stay stuck in it.
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(contents.reload).toHaveBeenCalledTimes(1);
  });

  it('stops listening once unbound', () => {
    const { contents, stop } = setUp();
    stop();
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(contents.reload).not.toHaveBeenCalled();
  });
});
