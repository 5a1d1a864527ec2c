import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Thrown when a part of the kiosk the benchmark needs is not in the tree (yet). */
export class MissingPart extends Error {
  constructor(readonly part: string) {
    super(`${part} is not in the tree`);
    this.name = 'MissingPart';
  }
}

/** `core/receipt` -> the file that module specifier would load, or null when it is absent. */
export function findModule(specifier: string): string | null {
  const base = join(ROOT, specifier);
  const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
  return candidates.find((path) => existsSync(path) && !path.endsWith('/')) ?? null;
}

/**
 * Loads a module other engineers may still be writing. The benchmark types what it uses
 * itself (T), so it compiles and runs before that module exists and reports the figures that
 * depend on it as not available instead of failing.
 */
export async function importPart<T>(specifier: string): Promise<T> {
  const file = findModule(specifier);
  if (!file || !/\.ts$/.test(file)) throw new MissingPart(specifier);
  try {
    return (await import(pathToFileURL(file).href)) as T;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const missing = /Cannot find module '([^']+)'/.exec(message)?.[1];
    if (missing) throw new MissingPart(`${specifier} (needs ${missing.replace(ROOT + '/', '')})`);
    throw error;
  }
}
