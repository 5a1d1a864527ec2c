import { isAbsolute, join, resolve } from 'node:path';

export interface ShellPaths {
  /** The built renderer served on app://kiosk. */
  rendererDir: string;
  /** The bundled preload next to the bundled main. */
  preloadPath: string;
}

/**
 * `appRoot` is the folder holding package.json (app.getAppPath()); `mainDir` the folder of the
 * running main bundle. KIOSK_RENDERER_DIR overrides the renderer folder.
 */
export function resolveShellPaths(
  appRoot: string,
  mainDir: string,
  env: Readonly<Record<string, string | undefined>>,
): ShellPaths {
  const override = env.KIOSK_RENDERER_DIR;
  const rendererDir = override
    ? isAbsolute(override)
      ? override
      : resolve(appRoot, override)
    : join(appRoot, 'dist', 'renderer');
  return { rendererDir, preloadPath: join(mainDir, 'preload.cjs') };
}
