/**
 * Canonical JSON: object keys sorted by UTF-16 code units (as RFC 8785 JCS), no whitespace,
 * `undefined` members left out. Journal records hold only strings, integers, booleans and
 * objects, for which this matches JCS, so a hash computed here can be recomputed anywhere.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('canonical JSON has no representation for a non-finite number');
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
      throw new TypeError(`canonical JSON cannot represent ${typeof value}`);
    if (typeof value === 'bigint') throw new TypeError('canonical JSON cannot represent bigint');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}
