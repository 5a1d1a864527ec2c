import { describe, expect, it } from 'vitest';
import { resolveShellPaths } from './shell-paths';

describe('resolveShellPaths', () => {
  it('serves dist/renderer of the app and loads the preload next to main.js', () => {
    expect(resolveShellPaths('/opt/kiosk', '/opt/kiosk/dist-electron', {})).toEqual({
      rendererDir: '/opt/kiosk/dist/renderer',
      preloadPath: '/opt/kiosk/dist-electron/preload.cjs',
    });
  });

  it('lets KIOSK_RENDERER_DIR choose the renderer folder, relative to the app', () => {
    const env = { KIOSK_RENDERER_DIR: 'build/ui' };
    expect(resolveShellPaths('/opt/kiosk', '/x', env).rendererDir).toBe('/opt/kiosk/build/ui');
    expect(
      resolveShellPaths('/opt/kiosk', '/x', { KIOSK_RENDERER_DIR: '/srv/ui' }).rendererDir,
    ).toBe('/srv/ui');
  });
});
