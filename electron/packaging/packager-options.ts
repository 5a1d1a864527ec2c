import { join } from 'node:path';
import type { HookFunction, Options } from '@electron/packager';
import { flipKioskFuses, packagedBinaryPath } from './flip-kiosk-fuses';

export const EXECUTABLE_NAME = 'bpjs-kiosk';
/** Under dist/ (git-ignored), and outside what goes into the app. */
export const PACKAGE_OUT_DIR = 'dist/electron-package';

/**
 * What goes into app.asar, relative to the repository root as packager passes it (`/...`):
 * package.json, the bundled main + preload, the built renderer and the production
 * node_modules (packager prunes devDependencies itself). Everything else stays out.
 */
const APP_CONTENTS = ['/package.json', '/dist-electron', '/dist/renderer', '/node_modules'];

export function isLeftOutOfApp(path: string): boolean {
  if (path === '' || path === '/dist') return false;
  return !APP_CONTENTS.some((kept) => path === kept || path.startsWith(`${kept}/`));
}

/** Packager hook: flips the fuses on the finished app's binary before it is used anywhere. */
export const flipFusesAfterComplete: HookFunction = (appDir, _version, _platform, _arch, done) => {
  flipKioskFuses(packagedBinaryPath(appDir, EXECUTABLE_NAME)).then(() => done(), done);
};

export interface KioskPackageRequest {
  /** The repository root (holds package.json). */
  root: string;
  arch?: string;
}

/** @electron/packager options for the Linux kiosk build. */
export function kioskPackagerOptions(request: KioskPackageRequest): Options {
  return {
    dir: request.root,
    out: join(request.root, PACKAGE_OUT_DIR),
    platform: 'linux',
    ...(request.arch ? { arch: request.arch } : {}),
    executableName: EXECUTABLE_NAME,
    overwrite: true,
    prune: true,
    ignore: isLeftOutOfApp,
    // OnlyLoadAppFromAsar is on, so the app must be an asar; native addons cannot load from
    // inside one and are unpacked next to it.
    asar: { unpack: '**/*.node' },
    afterComplete: [flipFusesAfterComplete],
  };
}
