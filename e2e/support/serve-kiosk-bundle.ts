import { resolve } from 'node:path';

/** Where the Playwright global setup bundles serve-kiosk.ts, for `node` to run it. */
export const SERVE_KIOSK_BUNDLE = resolve(import.meta.dirname, '../../dist/e2e/serve-kiosk.mjs');
