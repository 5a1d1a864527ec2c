import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/support/chromium.ts';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // Bundles the kiosk stack every test starts (dist/e2e/serve-kiosk.mjs).
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 1024 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
