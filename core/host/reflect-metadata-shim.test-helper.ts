/**
 * @peculiar/x509 (test CAs) loads tsyringe, which demands a Reflect metadata polyfill; the
 * reflect-metadata package is not installed, and tsyringe only needs these three functions.
 * Test-only: imported before @peculiar/x509.
 */
type MetadataTarget = object;
const store = new WeakMap<MetadataTarget, Map<unknown, unknown>>();
const reflect = Reflect as typeof Reflect & Record<string, unknown>;

if (typeof reflect.getMetadata !== 'function') {
  const own = (key: unknown, target: MetadataTarget) => store.get(target)?.get(key);
  reflect.getOwnMetadata = own;
  reflect.getMetadata = (key: unknown, target: MetadataTarget) => {
    for (let at: MetadataTarget | null = target; at; at = Object.getPrototypeOf(at) as object) {
      const value = own(key, at);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  reflect.defineMetadata = (key: unknown, value: unknown, target: MetadataTarget) => {
    const entries = store.get(target) ?? new Map<unknown, unknown>();
    entries.set(key, value);
    store.set(target, entries);
  };
}
