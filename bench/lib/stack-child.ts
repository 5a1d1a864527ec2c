/**
 * A whole kiosk stack in one process for the benchmark: host simulator at 0 ms, brain, web
 * shell, as `npm start` runs them. Forked by the runner with --expose-gc; takes commands over
 * process IPC so sessions run through the brain's API in the kiosk process while a Chromium
 * page stays connected. With an external host (argv[2], JSON) the process holds only brain and
 * web shell, so its memory is theirs alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Screen } from '../../core/common/api';
import {
  BENCH_SESSION,
  loadHostSimulator,
  loadLogger,
  loadParseConfig,
  loadWebKiosk,
} from './kiosk-parts';
import { MissingPart, ROOT } from './optional-module';
import { runSession, waitForScreen, type Participant } from './session-driver';
import type { ChildCommand, ChildEvent, ChildReply } from './stack-protocol';

const emit = (message: ChildEvent | ChildReply) => process.send?.(message);

interface ExternalHost {
  hostUrl: string;
  participant: Participant;
  /** A restarted brain takes the port and UI secret of the one before (the page reconnects). */
  webPort?: number;
  uiSecret?: string;
}

async function embeddedHost() {
  const { startHostSimulator, FIXTURES } = await loadHostSimulator();
  const host = await startHostSimulator({ port: 0, latencyMs: 0 });
  const { kpj, birthDate } = FIXTURES.active;
  return { url: host.url, close: () => host.close(), participant: { kpj, birthDate } };
}

async function main(): Promise<void> {
  const external = process.argv[2] ? (JSON.parse(process.argv[2]) as ExternalHost) : null;
  const { parseConfig } = await loadParseConfig();
  const { createLogger } = await loadLogger();
  const { startWebKiosk } = await loadWebKiosk();

  const host = external
    ? { url: external.hostUrl, close: async () => {}, participant: external.participant }
    : await embeddedHost();
  const config = parseConfig(
    {
      host: { url: host.url, timeoutMs: 5_000 },
      web: { port: external?.webPort ?? 0 },
      session: BENCH_SESSION,
      technician: { diagSocket: null },
      // A journal of its own: a kiosk whose journal is still locked by the stack before it
      // would rightly be out of service.
      journal: { dir: mkdtempSync(join(tmpdir(), 'kiosk-bench-journal-')) },
    },
    'bench',
  );
  const kiosk = await startWebKiosk(config, {
    rendererDir: `${ROOT}/dist/renderer`,
    launchFile: false,
    ...(external?.uiSecret ? { uiSecret: external.uiSecret } : {}),
    runtime: { logger: createLogger({ level: 'silent' }) },
  });
  const { runtime, shell } = kiosk;
  const participant = host.participant;

  const handle = async (command: ChildCommand): Promise<unknown> => {
    switch (command.cmd) {
      case 'send':
        runtime.api.send(command.intent);
        return null;
      case 'waitScreen':
        await waitForScreen(runtime.api, command.screen as Screen, command.timeoutMs);
        return null;
      case 'sessions':
        for (let i = 0; i < command.count; i++) {
          await runSession(runtime.api, participant);
          // Give the connected page a frame to render the last screens before the next session.
          if (command.paceMs) await new Promise((r) => setTimeout(r, command.paceMs));
        }
        return null;
      case 'memory':
        for (let i = 0; i < 3; i++) globalThis.gc?.();
        return { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed };
      case 'stop':
        await kiosk.dispose();
        await host.close();
        setImmediate(() => process.exit(0));
        return null;
    }
  };

  process.on('message', (command: ChildCommand) => {
    handle(command).then(
      (value) => emit({ id: command.id, ok: true, value }),
      (error: unknown) => emit({ id: command.id, ok: false, error: String(error) }),
    );
  });
  emit({
    type: 'ready',
    url: shell.url,
    hostUrl: host.url,
    participant,
    gcExposed: typeof globalThis.gc === 'function',
  });
}

process.on('disconnect', () => process.exit(0));
main().catch((error: unknown) => {
  emit({
    type: 'failed',
    error: error instanceof MissingPart ? `${error.part} missing` : String(error),
  });
  setImmediate(() => process.exit(1));
});
