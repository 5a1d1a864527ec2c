import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzParameters, reportFuzzCounts } from '../../test-support/fuzz';
import { formatDateTime } from '../common/domain/format';
import { dayInTimeZone } from '../journal/journal-files';
import type { KioskConfigInput } from './kiosk-config';
import { ConfigError, parseConfig, parseConfigText } from './load-config';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const SERIAL = {
  type: 'serial',
  path: '/dev/ttyUSB0',
  baudRate: 9600,
  dataBits: 8,
  parity: 'none',
};

/** Every section and every device filled in: a mutation can land on any field the kiosk reads. */
const SERIAL_KIOSK = {
  terminalId: 'KSK-JKT-01',
  language: 'id',
  timeZone: 'Asia/Jakarta',
  host: { url: 'https://gateway.example/bpjs', timeoutMs: 8000 },
  verification: { otp: true },
  session: {
    idleTimeoutSeconds: 60,
    idleWarningSeconds: 20,
    maxBirthDateAttempts: 3,
    lockMinutes: 15,
    thankYouSeconds: 5,
  },
  technician: {
    pinHash:
      'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
    tapSequence: ['tl', 'tr', 'br', 'bl'],
    maxPinAttempts: 3,
    lockMinutes: 15,
    idleTimeoutSeconds: 120,
    cardPrefix: '99900',
    diagSocket: '/run/bpjs-kiosk/kiosk-diag.sock',
  },
  journal: {
    dir: '/var/lib/bpjs-kiosk/journal',
    capMegabytes: 512,
    enabled: true,
    anchorSeconds: 0,
  },
  web: { host: '127.0.0.1', port: 8080 },
  log: { level: 'warn' },
  devices: {
    printer: {
      driver: 'escpos',
      transport: { type: 'tcp', host: '192.0.2.10', port: 9100 },
      options: { columns: 42, printerModel: 'epson-tm-t88vi' },
    },
    cardReader: { driver: 'magstripe', mode: 'serial', transport: { ...SERIAL, rtscts: false } },
    pinPad: { driver: 'serial-pinpad', transport: SERIAL },
    scanner: { driver: 'serial', transport: { type: 'serial', path: 'COM3', baudRate: 115200 } },
    reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
  },
} satisfies KioskConfigInput;

const HID_KIOSK = {
  ...SERIAL_KIOSK,
  devices: {
    cardReader: {
      driver: 'magstripe',
      mode: 'hid',
      transport: { type: 'hid', vendorId: 0x0801, productId: 0x0002 },
    },
    scanner: { driver: 'hid', transport: { type: 'hid', path: '/dev/hidraw0' } },
  },
} satisfies KioskConfigInput;

const BASES: Json[] = [SERIAL_KIOSK, HID_KIOSK];

/** Every path in a JSON value that holds a value (objects, arrays and leaves alike). */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [
    [...prefix, key],
    ...pathsOf(child, [...prefix, key]),
  ]);
}

function withChange(base: Json, path: Path, change: { remove: true } | { value: Json }): Json {
  const copy = structuredClone(base) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (!('remove' in change)) parent[last] = change.value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/** A value of the same kind as the one it replaces, nudged: near a limit, empty, odd text. */
function nearby(value: Json): fc.Arbitrary<Json> {
  if (typeof value === 'number')
    return fc.oneof(
      fc.integer({ min: -2 * Math.abs(value) - 10, max: 2 * Math.abs(value) + 10 }),
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -1, value + 0.5, 2 ** 31, Number.MAX_SAFE_INTEGER),
    );
  if (typeof value === 'string')
    return fc.oneof(
      fc.string(),
      fc.constant(''),
      fc.constant(value.slice(0, -1)),
      fc.constant(`${value}x`),
      fc.constant(value.toLowerCase()),
      fc.constant(value.replaceAll(/\d/g, '9')),
    );
  if (typeof value === 'boolean') return fc.constant(!value);
  return fc.jsonValue() as fc.Arbitrary<Json>;
}

type Mutation = { base: Json; path: Path; kind: 'removed' | 'retyped' | 'nudged'; config: Json };

const mutation: fc.Arbitrary<Mutation> = fc
  .constantFrom(...BASES)
  .chain((base) => fc.constantFrom(...pathsOf(base)).map((path) => ({ base, path })))
  .chain(({ base, path }) => {
    const old = path.reduce<Json>((node, key) => (node as Record<string, Json>)[key]!, base);
    return fc.oneof(
      fc.constant<Mutation>({
        base,
        path,
        kind: 'removed',
        config: withChange(base, path, { remove: true }),
      }),
      (fc.jsonValue() as fc.Arbitrary<Json>).map<Mutation>((value) => ({
        base,
        path,
        kind: 'retyped',
        config: withChange(base, path, { value }),
      })),
      nearby(old).map<Mutation>((value) => ({
        base,
        path,
        kind: 'nudged',
        config: withChange(base, path, { value }),
      })),
    );
  });

const ERROR_LINE = /^ {2}- (\(root\)|[^\s:]+): \S.*$/;

/** The loader's only two outcomes: a config, or a ConfigError whose lines each name a field. */
function outcome(load: () => unknown): { accepted: true } | { accepted: false; paths: string[] } {
  let error: unknown;
  try {
    load();
    return { accepted: true };
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const [, ...lines] = (error as ConfigError).message.split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(ERROR_LINE);
  return { accepted: false, paths: lines.map((line) => ERROR_LINE.exec(line)![1]!) };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The error is about the changed field: it, a field inside it, its parent or a sibling rule. */
function relatedTo(changed: Path, named: string): boolean {
  const path = changed.join('.');
  const parent = changed.slice(0, -1).join('.');
  return (
    named === path ||
    named.startsWith(`${path}.`) ||
    named === (parent || '(root)') ||
    (parent !== '' && named.startsWith(`${parent}.`))
  );
}

const counts = { cases: 0, accepted: 0, refused: 0, notJson: 0, removed: 0, retyped: 0, nudged: 0 };
afterAll(() => reportFuzzCounts('config loader', counts));

describe('fuzz: the config loader returns a config or a ConfigError naming the field', () => {
  it('accepts both base configs as they are', () => {
    for (const base of BASES) expect(outcome(() => parseConfig(base)).accepted).toBe(true);
  });

  it('any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        counts.cases++;
        const result = outcome(() => parseConfig(raw));
        counts[result.accepted ? 'accepted' : 'refused']++;
      }),
      fuzzParameters(),
    );
  });

  it('any text in the file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        counts.cases++;
        if (!isJson(text)) {
          counts.notJson++;
          const load = () => parseConfigText(text, 'kiosk.json');
          expect(load).toThrow(ConfigError);
          expect(load).toThrow(/^Kiosk configuration kiosk.json is not valid JSON/);
          return;
        }
        const result = outcome(() => parseConfigText(text, 'kiosk.json'));
        counts[result.accepted ? 'accepted' : 'refused']++;
      }),
      fuzzParameters(),
    );
  });

  it('a time zone the loader accepts is one the journal and receipt can format in', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const zone = fc.oneof(
      fc.constantFrom(...zones),
      fc.constantFrom(...zones).chain((name) => nearby(name)),
      fc.string(),
    );
    fc.assert(
      fc.property(zone, (timeZone) => {
        counts.cases++;
        const result = outcome(() => parseConfig({ timeZone }));
        counts[result.accepted ? 'accepted' : 'refused']++;
        if (!result.accepted) {
          expect(result.paths).toEqual(['timeZone']);
          return;
        }
        const config = parseConfig({ timeZone });
        expect(dayInTimeZone(new Date(0), config.timeZone)).toMatch(/^19(69|70)-\d\d-\d\d$/);
        expect(formatDateTime(new Date(0), config.timeZone)).toBeTruthy();
      }),
      fuzzParameters(),
    );
  });

  it('a full config with one field removed, retyped or nudged', () => {
    fc.assert(
      fc.property(mutation, ({ path, kind, config }) => {
        counts.cases++;
        counts[kind]++;
        const result = outcome(() => parseConfig(config));
        counts[result.accepted ? 'accepted' : 'refused']++;
        if (!result.accepted)
          expect(
            result.paths.some((named) => relatedTo(path, named)),
            `${kind} ${path.join('.')}: error names ${result.paths.join(', ')}`,
          ).toBe(true);
      }),
      fuzzParameters(),
    );
  });
});
