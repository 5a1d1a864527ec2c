import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';

export interface KioskStack {
  url: string;
  hostUrl: string;
  /** Injects host faults through the simulator's control API. */
  setHostFaults(faults: Record<string, unknown>): Promise<void>;
}

async function startStack(
  overrides: Record<string, unknown>,
): Promise<{ stack: KioskStack; child: ChildProcess }> {
  const child = spawn('npx', ['tsx', 'e2e/support/serve-kiosk.ts', JSON.stringify(overrides)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
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
  const { url, hostUrl } = JSON.parse(first) as { url: string; hostUrl: string };
  return {
    child,
    stack: {
      url,
      hostUrl,
      async setHostFaults(faults) {
        const response = await fetch(`${hostUrl}sim/faults`.replace(/([^:])\/\//, '$1/'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(faults),
        });
        if (!response.ok) throw new Error(`setting host faults failed: ${response.status}`);
      },
    },
  };
}

export const test = base.extend<{ kioskConfig: Record<string, unknown>; kiosk: KioskStack }>({
  kioskConfig: [{}, { option: true }],
  kiosk: async ({ kioskConfig, page }, use) => {
    const { stack, child } = await startStack(kioskConfig);
    await page.goto(stack.url);
    await expect(page.getByRole('button', { name: /Mulai|Start/ })).toBeVisible();
    await use(stack);
    child.stdin?.end();
    child.kill('SIGTERM');
  },
});

export { expect };

/** Types digits on the on-screen keypad, as a person would. */
export async function tapDigits(page: Page, digits: string): Promise<void> {
  const keypad = page.getByRole('group', { name: 'Keypad' });
  for (const digit of digits)
    await keypad.getByRole('button', { name: digit, exact: true }).click();
}
