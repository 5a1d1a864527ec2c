import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from './disposable-store';

describe('DisposableStore', () => {
  it('disposes in reverse order of adding, waiting for each one', async () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.defer(() => order.push('devices'));
    store.add(
      toDisposable(async () => {
        await Promise.resolve();
        order.push('brain');
      }),
    );
    store.defer(() => order.push('shell'));
    await store.dispose();
    expect(order).toEqual(['shell', 'brain', 'devices']);
  });

  it('a disposer that throws or rejects is reported by name and the rest still run', async () => {
    const order: string[] = [];
    const failures: Array<[string, string]> = [];
    const store = new DisposableStore((error, name) =>
      failures.push([name, (error as Error).message]),
    );
    store.defer(() => order.push('first'));
    store.defer(() => Promise.reject(new Error('socket gone')), 'diagnostics socket');
    store.defer(() => {
      throw new Error('port busy');
    }, 'web shell');
    store.defer(() => order.push('last'));
    await store.dispose();
    expect(order).toEqual(['last', 'first']);
    expect(failures).toEqual([
      ['web shell', 'port busy'],
      ['diagnostics socket', 'socket gone'],
    ]);
  });

  it('disposing twice runs every disposer once and both calls wait for the same teardown', async () => {
    let runs = 0;
    const store = new DisposableStore();
    store.defer(async () => {
      await Promise.resolve();
      runs += 1;
    });
    const first = store.dispose();
    const second = store.dispose();
    expect(second).toBe(first);
    await Promise.all([first, second, store[Symbol.asyncDispose]()]);
    expect(runs).toBe(1);
    expect(store.isDisposed).toBe(true);
  });

  it('something added after the store was disposed is disposed at once', async () => {
    const store = new DisposableStore();
    await store.dispose();
    let disposed = false;
    const item = store.add(toDisposable(() => (disposed = true)));
    expect(item).toBeDefined();
    expect(disposed).toBe(true);
  });

  it('works with await using', async () => {
    const order: string[] = [];
    {
      await using store = new DisposableStore();
      store.defer(() => order.push('closed'));
      order.push('used');
    }
    expect(order).toEqual(['used', 'closed']);
  });
});
