import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Intent, UiMessage } from '../core/common/api';
import { fuzzParameters, reportFuzzCounts } from '../test-support/fuzz';
import { HEADERS_TIMEOUT_MS, type WebShell } from './web-shell';
import {
  connectUi,
  rawRequest,
  startRecordingShell,
  type RecordingApi,
} from './web-shell.test-helper';

let shell: WebShell;
let api: RecordingApi;

beforeAll(async () => {
  ({ shell, api } = await startRecordingShell());
});

afterAll(() => shell.close());

const TOKEN_CHARS = "!#$%&'*+.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-";
/** An HTTP token (method, header name). */
const token = fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 12 });
const anyText = fc
  .string({ maxLength: 40, unit: 'binary-ascii' })
  .map((text) => text.replace(/\r|\n/g, ''));

/** Mostly printable, sometimes any ASCII (control characters included): a value Node may refuse. */
const headerText = fc.oneof({ weight: 9, arbitrary: fc.string({ maxLength: 40 }) }, anyText);

function requestArbitrary(port: number) {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  const method = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('GET', 'HEAD') },
    fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE', 'PATCH'),
    token,
    anyText,
  );
  const target = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('/', '/index.html', '/kiosk', '/missing.js') },
    fc.constantFrom(
      '/',
      '/index.html',
      '/kiosk',
      'http://[::1',
      '*',
      '//evil/x',
      '/%',
      '/..%2f..%2fetc/passwd',
      '/%00',
      `http://127.0.0.1:${port}/`,
    ),
    fc.webUrl(),
    headerText.map((text) => '/' + text),
    anyText,
  );
  const version = fc.oneof(
    { weight: 6, arbitrary: fc.constant('HTTP/1.1') },
    fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', ''),
  );
  const host = fc.option(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...own) },
      fc.constantFrom(...own, `evil.example:${port}`, '127.0.0.1', '[::1]:80'),
      headerText,
    ),
  );
  const origin = fc.option(
    fc.oneof(
      fc.constantFrom(...own.map((name) => `http://${name}`), 'null', 'http://evil.example'),
      headerText,
    ),
  );
  const extra = fc.array(fc.tuple(fc.oneof({ weight: 9, arbitrary: token }, anyText), headerText), {
    maxLength: 4,
  });
  const structured = fc
    .record({ method, target, version, host, origin, upgrade: fc.boolean(), extra })
    .map(({ method, target, version, host, origin, upgrade, extra }) => {
      const lines = [`${method} ${target} ${version}`];
      if (host !== null) lines.push(`Host: ${host}`);
      if (origin !== null) lines.push(`Origin: ${origin}`);
      if (upgrade)
        lines.push(
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Protocol: bpjs-kiosk.v1, bpjs-ui.guess',
        );
      for (const [name, value] of extra) lines.push(`${name}: ${value}`);
      return Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1');
    });
  // A request line of raw bytes: whatever Node's parser makes of it.
  const garbage = fc
    .uint8Array({ minLength: 1, maxLength: 200 })
    .map((bytes) => Buffer.concat([Buffer.from(bytes), Buffer.from('\r\n\r\n')]));
  return fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: garbage });
}

describe('web shell HTTP fuzz', () => {
  it('answers every request on a raw socket with a 2xx or 4xx carrying the security headers, and keeps serving', async () => {
    const counts: Record<string, number> = { cases: 0, '2xx': 0, '4xx': 0 };
    await fc.assert(
      fc.asyncProperty(requestArbitrary(shell.port), async (request) => {
        counts.cases! += 1;
        // An unfinished request (blank lines only) is answered 408 once the headers time out.
        const answer = await rawRequest(shell.port, request, HEADERS_TIMEOUT_MS + 3_000);
        expect(answer, 'an answer').not.toBeNull();
        const status = answer!.status;
        expect(
          (status >= 200 && status < 300) || (status >= 400 && status < 500),
          `status ${status}`,
        ).toBe(true);
        expect(answer!.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(answer!.headers['x-content-type-options']).toBe('nosniff');
        counts[`${Math.floor(status / 100)}xx`]! += 1;
        counts[String(status)] = (counts[String(status)] ?? 0) + 1;
      }),
      fuzzParameters(),
    );
    reportFuzzCounts('web shell http', counts);
    const page = await fetch(`http://127.0.0.1:${shell.port}/`);
    expect(page.status).toBe(200);
    expect(api.received).toEqual([]);
  });
});

const validIntent: fc.Arbitrary<Intent> = fc.oneof(
  fc.constantFrom<Intent>(
    { type: 'start' },
    { type: 'cancel' },
    { type: 'activity' },
    { type: 'enter' },
    { type: 'technicianAction', action: 'refresh' },
  ),
  fc.integer({ min: 0, max: 9 }).map((digit): Intent => ({ type: 'digit', digit: String(digit) })),
  fc.string({ maxLength: 32 }).map((kpj): Intent => ({ type: 'submitKpj', kpj })),
);

type Frame =
  | { kind: 'valid'; intent: Intent }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: Uint8Array };

const frame: fc.Arbitrary<Frame> = fc.oneof(
  { weight: 25, arbitrary: validIntent.map((intent): Frame => ({ kind: 'valid', intent })) },
  fc.json().map((text): Frame => ({ kind: 'text', text })),
  fc.string({ maxLength: 60 }).map((text): Frame => ({ kind: 'text', text })),
  fc.anything().map((intent): Frame => ({
    kind: 'text',
    text: JSON.stringify({ type: 'intent', intent }) ?? 'undefined',
  })),
  fc.constantFrom<Frame>(
    { kind: 'text', text: '{"type":"intent","intent":{"type":"digit","digit":"12"}}' },
    { kind: 'text', text: '{"type":"intent","intent":{"type":"shell"}}' },
    { kind: 'text', text: '{"__proto__":{"type":"intent"},"intent":{"type":"start"}}' },
    {
      kind: 'text',
      text: JSON.stringify({
        type: 'intent',
        intent: { type: 'submitKpj', kpj: '1'.repeat(5000) },
      }),
    },
  ),
  fc.uint8Array({ maxLength: 40 }).map((bytes): Frame => ({ kind: 'binary', bytes })),
);

/** What the bridge must do with a frame: the schema is the oracle (binary is never an intent). */
function intentOf(item: Frame): Intent | null {
  if (item.kind === 'binary') return null;
  const text =
    item.kind === 'valid' ? JSON.stringify({ type: 'intent', intent: item.intent }) : item.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = UiMessage.safeParse(json);
  return parsed.success && Buffer.byteLength(text) <= 4096 ? parsed.data.intent : null;
}

describe('web shell WebSocket fuzz', () => {
  it('lets only valid intents reach the brain, and none sent after the first invalid frame', async () => {
    const counts = { cases: 0, frames: 0, forwarded: 0, invalid: 0, droppedAfterInvalid: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 12 }), async (frames) => {
        counts.cases += 1;
        counts.frames += frames.length;
        api.received = [];
        const expected: Intent[] = [];
        let invalidAt = -1;
        for (const [index, item] of frames.entries()) {
          const intent = intentOf(item);
          if (intent === null) {
            invalidAt = index;
            break;
          }
          expected.push(intent);
        }
        const ui = await connectUi(shell);
        for (const item of frames) {
          if (item.kind === 'binary') ui.socket.send(item.bytes);
          else
            ui.socket.send(
              item.kind === 'valid'
                ? JSON.stringify({ type: 'intent', intent: item.intent })
                : item.text,
            );
        }
        if (invalidAt >= 0) {
          // The server has read every frame sent before its close reached us.
          expect([1008, 1009, 1006]).toContain(await ui.closed);
          counts.invalid += 1;
          counts.droppedAfterInvalid += frames.length - invalidAt - 1;
        } else {
          await expect.poll(() => api.received.length).toBe(expected.length);
          ui.socket.close();
          await ui.closed;
        }
        expect(api.received).toEqual(expected);
        for (const intent of api.received) expect(Intent.safeParse(intent).success).toBe(true);
        counts.forwarded += api.received.length;
      }),
      fuzzParameters(),
    );
    reportFuzzCounts('web shell websocket', counts);
  });
});
