import { chromium, type Browser, type Page } from '@playwright/test';
import { PAGE_PROBES } from './page-probes';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A 17-inch 5:4 kiosk panel, the size the e2e tests use. */
export const VIEWPORT = { width: 1280, height: 1024 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/** A fresh context (empty cache, like a kiosk after boot) with the probes installed. */
export async function newProbedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript({ content: PAGE_PROBES });
  return page;
}

export const startButton = (page: Page) => page.getByRole('button', { name: 'Mulai' });

/** Loads the kiosk and waits until the attract screen's start button can be touched. */
export async function openKiosk(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  await page.goto(url);
  const button = startButton(page);
  await button.waitFor({ state: 'visible', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  while (!(await button.isEnabled())) {
    if (Date.now() > deadline) throw new Error('start button never became enabled');
    await page.waitForTimeout(5);
  }
}
