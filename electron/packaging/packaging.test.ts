import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import type { HookFunction, Options } from '@electron/packager';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary cannot be downloaded here: packager and fuses are mocked, and what is
// checked is that the packaging step hands the one fuse list to the binary it produces.
const mocks = vi.hoisted(() => ({
  packager: vi.fn(),
  flipFuses: vi.fn(),
  getCurrentFuseWire: vi.fn(),
}));
vi.mock('@electron/packager', () => ({ packager: mocks.packager }));
vi.mock(import('@electron/fuses'), async (importOriginal) => ({
  ...(await importOriginal()),
  flipFuses: mocks.flipFuses,
  getCurrentFuseWire: mocks.getCurrentFuseWire,
}));

const { KIOSK_FUSES, KIOSK_FUSE_CONFIG, FUSE_BYTE } = await import('./kiosk-fuses');
const { kioskPackagerOptions, EXECUTABLE_NAME } = await import('./packager-options');
const { packageKiosk, REQUIRED_BUILD_OUTPUTS } = await import('./package-kiosk');

const ON = FUSE_BYTE.on;
const OFF = FUSE_BYTE.off;

/** A binary's wire after the kiosk fuses were flipped; Electron 45 has a ninth fuse (index 8). */
function flippedWire(overrides: Record<number, number> = {}): FuseConfig<number> {
  const wire: Record<string, unknown> = { version: FuseVersion.V1 };
  for (const [index, on] of Object.entries(KIOSK_FUSES)) wire[index] = on ? ON : OFF;
  wire[8] = ON;
  return Object.assign(wire, overrides) as unknown as FuseConfig<number>;
}

function runHook(hook: HookFunction, appDir: string): Promise<void> {
  return new Promise((resolve, reject) =>
    hook(appDir, '45.4.1', 'linux', 'x64', (error) => (error ? reject(error) : resolve())),
  );
}

let root: string;
beforeEach(() => {
  mocks.packager.mockReset().mockResolvedValue(['/out/bpjs-kiosk-linux-x64']);
  mocks.flipFuses.mockReset().mockResolvedValue(1);
  mocks.getCurrentFuseWire.mockReset().mockResolvedValue(flippedWire());
  root = mkdtempSync(join(tmpdir(), 'kiosk-package-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeBuildOutputs() {
  for (const path of REQUIRED_BUILD_OUTPUTS) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  }
}

describe('the kiosk fuse list', () => {
  it('turns off every way to run the binary as Node or debug it, and loads the app only from a checked asar', () => {
    expect(KIOSK_FUSE_CONFIG.version).toBe(FuseVersion.V1);
    expect(KIOSK_FUSE_CONFIG).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
  });

  it('decides every fuse @electron/fuses knows (none is left to the binary default)', () => {
    const known = Object.values(FuseV1Options).filter((value) => typeof value === 'number');
    expect(Object.keys(KIOSK_FUSES).map(Number).sort()).toEqual([...known].sort());
  });
});

describe('kioskPackagerOptions', () => {
  const options: Options = kioskPackagerOptions({ root: '/repo' });

  it('packages for Linux into an asar (OnlyLoadAppFromAsar needs one), native addons unpacked', () => {
    expect(options).toMatchObject({ dir: '/repo', platform: 'linux', prune: true });
    expect(options.asar).toEqual({ unpack: '**/*.node' });
    expect(options.out?.startsWith('/repo/dist/')).toBe(true);
  });

  it('puts only package.json, the bundles, the built renderer and node_modules in the app', () => {
    const ignore = options.ignore as (path: string) => boolean;
    for (const kept of [
      '/package.json',
      '/dist',
      '/dist-electron/main.js',
      '/dist-electron/preload.cjs',
      '/dist/renderer/index.html',
      '/node_modules/zod/package.json',
    ])
      expect(ignore(kept), kept).toBe(false);
    for (const dropped of [
      '/core/config/kiosk-config.ts',
      '/.kiosk-data/embedded-config.json',
      '/.git/config',
      '/dist/electron-package/bpjs-kiosk-linux-x64',
      '/e2e/support/chromium.ts',
      '/electron/main.ts',
      '/package.jsonx',
    ])
      expect(ignore(dropped), dropped).toBe(true);
  });

  it('flips the kiosk fuses on the packaged binary, then checks them on the binary', async () => {
    expect(options.afterComplete).toHaveLength(1);
    await runHook(options.afterComplete![0]!, '/out/bpjs-kiosk-linux-x64');
    const binary = `/out/bpjs-kiosk-linux-x64/${EXECUTABLE_NAME}`;
    expect(mocks.flipFuses).toHaveBeenCalledWith(binary, KIOSK_FUSE_CONFIG);
    expect(mocks.getCurrentFuseWire).toHaveBeenCalledWith(binary);
  });

  it('fails the packaging when a fuse did not take on the binary', async () => {
    mocks.getCurrentFuseWire.mockResolvedValue(flippedWire({ [FuseV1Options.RunAsNode]: ON }));
    await expect(runHook(options.afterComplete![0]!, '/out/app')).rejects.toThrow(
      /RunAsNode is on, expected off/,
    );
  });

  it('fails the packaging on a fuse this list has not decided (a newer Electron)', async () => {
    mocks.getCurrentFuseWire.mockResolvedValue(flippedWire({ 9: ON }));
    await expect(runHook(options.afterComplete![0]!, '/out/app')).rejects.toThrow(/fuse #9/);
  });
});

describe('packageKiosk', () => {
  it('refuses to package before npm run build made the bundles', async () => {
    await expect(packageKiosk(root)).rejects.toThrow(
      /run npm run build first.*dist-electron\/main\.js/,
    );
    expect(mocks.packager).not.toHaveBeenCalled();
  });

  it('runs packager with the kiosk options, fuse hook included', async () => {
    writeBuildOutputs();
    await expect(packageKiosk(root, 'arm64')).resolves.toEqual(['/out/bpjs-kiosk-linux-x64']);
    const options = mocks.packager.mock.calls[0]![0] as Options;
    expect(options).toMatchObject({ dir: root, arch: 'arm64', platform: 'linux' });
    await runHook(options.afterComplete![0]!, '/out/app');
    expect(mocks.flipFuses).toHaveBeenCalledWith(`/out/app/${EXECUTABLE_NAME}`, KIOSK_FUSE_CONFIG);
  });
});
