import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import { SERVE_KIOSK_BUNDLE } from './serve-kiosk-bundle.ts';

export interface Participant {
  kpj: string;
  /** DD-MM-YYYY */
  birthDate: string;
  name: string;
  status: 'active' | 'inactive';
  closingBalance: number;
}

export interface KioskStack {
  /** The page, with this stack's UI secret in the fragment. */
  url: string;
  hostUrl: string;
  /** The stack's own electronic journal folder. */
  journalDir: string;
  /** The stack's config file (technicians save device ports into it). */
  configFile: string;
  /** The stack's diagnostics socket (kiosk-diag kiosk status / run). */
  diagSocket: string;
  /** The host simulator's documented test participants (simulators/host/README.md). */
  fixtures: {
    active: Participant;
    inactive: Participant;
    highWage: Participant;
    unknownKpj: string;
  };
  /** Injects host faults through the simulator's control API. */
  setHostFaults(faults: Record<string, unknown>): Promise<void>;
  clearHostFaults(): Promise<void>;
  /**
   * The simulator panel, when the stack was started with `simulateDevices: true` (or `'usb'`:
   * a USB printer and a keyboard-wedge scanner on device-file stand-ins; `'xfs4iot'`: every
   * device an XFS4IoT service, as in an ATM) in kioskConfig; `devices(method, path, body)` calls its JSON API (simulators/panel).
   */
  panelUrl: string | null;
  devices<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** Kills the stack's brain process with SIGKILL (as a crash would) and waits for it to be gone. */
  killBrain(): Promise<void>;
  /** Starts a new brain on the same web port with the same UI secret (the open page reconnects). */
  restartBrain(): Promise<void>;
  /** Stops the brain process with SIGSTOP: it keeps its sockets and its session but says nothing. */
  pauseBrain(): void;
  /** Lets a paused brain run on (SIGCONT), with the session it had. */
  resumeBrain(): void;
}

interface StackInfo {
  url: string;
  port: number;
  pid: number;
  hostUrl: string;
  fixtures: KioskStack['fixtures'];
  journalDir: string;
  configFile: string;
  diagSocket: string;
  panelUrl: string | null;
}

/**
 * Runs e2e/support/serve-kiosk.ts (as bundled by the global setup) and reads the JSON line it
 * prints once it listens.
 */
async function launch(
  overrides: Record<string, unknown>,
): Promise<{ info: StackInfo; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', SERVE_KIOSK_BUNDLE, JSON.stringify(overrides)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('kiosk stack did not start within 20 s')),
      20_000,
    );
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`kiosk stack exited early (${code})`)));
  });
  return { info: JSON.parse(first) as StackInfo, child };
}

/** A kiosk stack of a test's own beside the `kiosk` fixture's (e.g. with other settings). */
export async function startStack(
  overrides: Record<string, unknown>,
): Promise<{ stack: KioskStack; stop: () => void }> {
  // The page's UI secret lives in a 0600 file in a folder of this test's own, so a restarted
  // brain can be given the same one.
  const uiSecretFile = join(mkdtempSync(join(tmpdir(), 'kiosk-e2e-ui-')), 'ui-secret');
  let { info, child } = await launch({ ...overrides, uiSecretFile });
  let paused = false;
  const { url, hostUrl, fixtures, journalDir, configFile, diagSocket, panelUrl } = info;
  const control = async (method: string, body?: unknown) => {
    const response = await fetch(`${hostUrl}/sim/faults`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`host simulator control failed: ${response.status}`);
  };
  return {
    stop: () => {
      // A stopped process would not act on SIGTERM.
      if (paused) process.kill(info.pid, 'SIGCONT');
      child.stdin?.end();
      child.kill('SIGTERM');
    },
    stack: {
      url,
      hostUrl,
      journalDir,
      configFile,
      diagSocket,
      fixtures,
      setHostFaults: (faults) => control('POST', faults),
      clearHostFaults: () => control('DELETE'),
      panelUrl,
      async devices<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
        if (!panelUrl)
          throw new Error('start the stack with kioskConfig { simulateDevices: true }');
        const response = await fetch(new URL(path, panelUrl), {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const answer = (await response.json()) as T & { message?: string };
        if (!response.ok)
          throw new Error(`device panel ${path}: ${answer.message ?? response.status}`);
        return answer;
      },
      async killBrain() {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        process.kill(info.pid, 'SIGKILL');
        await gone;
      },
      async restartBrain() {
        ({ info, child } = await launch({ ...overrides, uiSecretFile, webPort: info.port }));
      },
      pauseBrain() {
        process.kill(info.pid, 'SIGSTOP');
        paused = true;
      },
      resumeBrain() {
        process.kill(info.pid, 'SIGCONT');
        paused = false;
      },
    },
  };
}

export const test = base.extend<{ kioskConfig: Record<string, unknown>; kiosk: KioskStack }>({
  kioskConfig: [{}, { option: true }],
  kiosk: async ({ kioskConfig, page }, use) => {
    const { stack, stop } = await startStack(kioskConfig);
    await page.goto(stack.url);
    await expect(
      page
        .getByRole('button', { name: /Mulai|Start/ })
        // The ATM profile's start screen: the card starts the visit, there is no button.
        .or(page.getByRole('heading', { name: /Masukkan kartu ATM|Insert your bank card/ }))
        .or(page.locator('[data-screen="outOfService"]'))
        .or(page.locator('[data-screen="screenOff"]')),
    ).toBeVisible();
    await use(stack);
    stop();
  },
});

export { expect };

/** Types digits on the on-screen keypad, as a person would. */
export async function tapDigits(page: Page, digits: string): Promise<void> {
  const keypad = page.getByRole('group', { name: 'Keypad' });
  for (const digit of digits)
    await keypad.getByRole('button', { name: digit, exact: true }).click();
}

/**
 * From the KPJ screen to the balance with the on-screen keypad: the KPJ, Next, the birth date,
 * Next. `next` is the Next button's label in the language on screen.
 */
export async function toBalanceByTouch(
  page: Page,
  person: Pick<Participant, 'kpj' | 'birthDate'>,
  next: 'Lanjut' | 'Continue' = 'Lanjut',
): Promise<void> {
  await tapDigits(page, person.kpj);
  await page.getByRole('button', { name: next }).click();
  await expect(page.getByTestId('entry-value')).toHaveText('__-__-____');
  await tapDigits(page, person.birthDate.replace(/-/g, ''));
  await page.getByRole('button', { name: next }).click();
  await expect(page.getByTestId('jht-closing')).toBeVisible();
}
