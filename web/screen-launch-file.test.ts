import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeScreenLaunchFile } from './screen-launch-file';

const PAGE = 'http://127.0.0.1:8080/#ui=Zm9vYmFyLXNlY3JldC1vZi10aGlzLWxhdW5jaA';

describe('screen launch file', () => {
  it('gives the browser a file URL without the secret, in a file only the kiosk user can read', () => {
    const previous = process.umask(0);
    const launch = writeScreenLaunchFile(PAGE);
    process.umask(previous);
    try {
      expect(launch.url).toMatch(/^file:\/\//);
      expect(launch.url).not.toContain('Zm9vYmFy');
      expect(statSync(launch.path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(launch.path)).mode & 0o777).toBe(0o700);
      expect(readFileSync(launch.path, 'utf8')).toContain(
        `<meta http-equiv="refresh" content="0; url=${PAGE}">`,
      );
    } finally {
      launch.remove();
    }
    expect(() => statSync(launch.path)).toThrow();
  });
});
