/**
 * Teardown in one ordered place, after VS Code's DisposableStore: what is added is disposed in
 * reverse order (last started, first stopped), once; a disposer that throws is reported and the
 * rest still run. Pure (no node:), so every layer may use it.
 */

/** Something that must be stopped, closed or removed. */
export interface Disposable {
  dispose(): unknown;
}

/** A named disposer, so a failure says what did not stop. */
export interface NamedDisposable extends Disposable {
  readonly name?: string;
}

export function toDisposable(dispose: () => unknown, name?: string): NamedDisposable {
  return name === undefined ? { dispose } : { dispose, name };
}

/** Told of each disposer that threw or rejected; the store goes on with the next one. */
export type DisposeErrorHandler = (error: unknown, name: string) => void;

export class DisposableStore implements Disposable, AsyncDisposable {
  private readonly items: NamedDisposable[] = [];
  private disposing: Promise<void> | null = null;

  constructor(private readonly onError: DisposeErrorHandler = () => {}) {}

  get isDisposed(): boolean {
    return this.disposing !== null;
  }

  /**
   * Adds a disposable and returns it. Added to a store already disposed, it is disposed at once
   * (a late start must not outlive the stop that raced it).
   */
  add<T extends Disposable>(item: T): T {
    if (this.disposing) void this.disposeOne(item);
    else this.items.push(item);
    return item;
  }

  /** Adds a plain function as a disposer. */
  defer(dispose: () => unknown, name?: string): void {
    this.add(toDisposable(dispose, name));
  }

  /** Disposes everything in reverse order of adding; a second call gets the same promise. */
  dispose(): Promise<void> {
    this.disposing ??= this.disposeAll();
    return this.disposing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  private async disposeAll(): Promise<void> {
    while (this.items.length > 0) await this.disposeOne(this.items.pop()!);
  }

  private async disposeOne(item: NamedDisposable): Promise<void> {
    try {
      await item.dispose();
    } catch (error) {
      try {
        this.onError(error, item.name ?? item.constructor?.name ?? 'disposable');
      } catch {
        // a broken error handler must not stop the teardown either
      }
    }
  }
}
