import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/load-config';
import { createLogger } from '../../core/log/logger';
import { FakeHost } from '../../core/session/fake-host.test-helper';
import { openInstructions, readyLine, startWebKiosk, type WebKiosk } from './web-kiosk';

let dir: string;
let rendererDir: string;
const started: WebKiosk[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-kiosk-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk page</title>');
});
afterEach(async () => {
  for (const kiosk of started.splice(0)) await kiosk.dispose();
  await rm(dir, { recursive: true, force: true });
});

const config = () =>
  parseConfig({
    terminalId: 'KSK-WEB-01',
    web: { port: 0 },
    journal: { dir: join(dir, 'journal'), anchorSeconds: 0 },
    technician: { diagSocket: null },
  });

async function journal(): Promise<string> {
  const files = await readdir(join(dir, 'journal'));
  return (
    await Promise.all(files.map((file) => readFile(join(dir, 'journal', file), 'utf8')))
  ).join('');
}

describe('startWebKiosk', () => {
  it('serves the page for the runtime it started, and one dispose stops page and brain', async () => {
    const host = new FakeHost();
    const kiosk = await startWebKiosk(config(), {
      rendererDir,
      runtime: { host, logger: createLogger({ level: 'silent' }) },
    });
    started.push(kiosk);
    const page = `http://127.0.0.1:${kiosk.shell.port}/`;
    expect(await (await fetch(page)).text()).toContain('kiosk page');
    expect(kiosk.shell.url.startsWith(`${page}#ui=`)).toBe(true);
    // The brain behind the page is the runtime's: a visit started on it reaches the host given.
    kiosk.runtime.api.send({ type: 'start' });
    kiosk.runtime.api.send({ type: 'submitKpj', kpj: '12345672128' });
    await expect.poll(() => host.calls).toContain('lookup');

    const launchPath = kiosk.launch!.path;
    expect(readFileSync(launchPath, 'utf8')).toContain(kiosk.shell.url);
    expect(readyLine(kiosk, 321)).toBe(`Kiosk ready in 321 ms on ${page} (terminal KSK-WEB-01)`);
    expect(openInstructions(kiosk.launch!)[0]).toBe(
      `Open ${kiosk.launch!.url} in Chromium (kiosk or app mode): it carries this launch's`,
    );

    await kiosk.dispose();
    await expect(fetch(page)).rejects.toThrow();
    expect(existsSync(launchPath)).toBe(false);
    expect(await journal()).toContain('"kioskStopped"');
  });

  it('writes no launch file when asked not to (a test stack reads the URL itself)', async () => {
    const kiosk = await startWebKiosk(config(), {
      rendererDir,
      launchFile: false,
      runtime: { host: new FakeHost(), logger: createLogger({ level: 'silent' }) },
    });
    started.push(kiosk);
    expect(kiosk.launch).toBeNull();
  });

  it('stops the runtime again when the page cannot be served', async () => {
    const first = await startWebKiosk(config(), {
      rendererDir,
      runtime: { host: new FakeHost(), logger: createLogger({ level: 'silent' }) },
    });
    started.push(first);
    const second = startWebKiosk(
      { ...config(), journal: { ...config().journal, dir: join(dir, 'journal-2') } },
      {
        rendererDir,
        port: first.shell.port, // taken
        runtime: { host: new FakeHost(), logger: createLogger({ level: 'silent' }) },
      },
    );
    await expect(second).rejects.toThrow(/EADDRINUSE/);
    const files = await readdir(join(dir, 'journal-2'));
    const text = (
      await Promise.all(files.map((file) => readFile(join(dir, 'journal-2', file), 'utf8')))
    ).join('');
    expect(text).toContain('"kioskStopped"');
  });
});
