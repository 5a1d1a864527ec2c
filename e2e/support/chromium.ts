import { existsSync } from 'node:fs';

/**
 * Playwright's own browser download does not work on these machines: use Debian's Chromium
 * unless PLAYWRIGHT_CHROMIUM points elsewhere. Undefined lets Playwright use its own build.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [
    process.env.PLAYWRIGHT_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}
