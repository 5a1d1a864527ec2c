/**
 * `npm run build:app`: the production build of the brain, run by plain `node` (no tsx, no dev
 * dependencies). Layout, as it is installed (under /usr/lib/bpjs-kiosk/ by the Debian package):
 *
 *   dist/app/kiosk-{web,diag,screen}.mjs              the programs, one bundle each
 *   dist/app/node_modules/                            only the native runtime packages and theirs
 *   dist/app/package.json                             name and version
 *   dist/renderer/                                    `npm run build:renderer`
 *
 * The web shell finds the renderer as `<its folder>/../../dist/renderer` (DEFAULT_RENDERER_DIR in
 * web/entry/web-kiosk.ts), which is dist/renderer from dist/app as from web/entry: so the two
 * folders are shipped side by side under a folder named dist.
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyRuntimePackages } from './runtime-packages';

/** Packages with native bindings (loaded from files next to them): shipped, never bundled. */
export const NATIVE_PACKAGES = ['serialport', 'node-hid'] as const;

/** Optional speed-ups `ws` tries to load and runs without. */
const OPTIONAL_MISSING = ['bufferutil', 'utf-8-validate'];

export const ENTRIES = {
  'kiosk-web': 'bin/kiosk-web.mjs',
  'kiosk-diag': 'bin/kiosk-diag.mjs',
  'kiosk-screen': 'bin/kiosk-screen.mjs',
} as const;

/** The bin scripts register tsx to run TypeScript; a bundle is JavaScript already. */
const tsxNotNeeded: Plugin = {
  name: 'tsx-not-needed',
  setup(b) {
    b.onResolve({ filter: /^tsx\/esm\/api$/ }, () => ({ path: 'tsx', namespace: 'no-tsx' }));
    b.onLoad({ filter: /.*/, namespace: 'no-tsx' }, () => ({
      contents: 'export function register() {}',
      loader: 'js',
    }));
  },
};

export interface ProductionBuildResult {
  appDir: string;
  /** Every module the bundles still import at run time (node: built-ins and the shipped ones). */
  externalImports: string[];
  /** Bytes of each bundle. */
  bundles: Record<keyof typeof ENTRIES, number>;
  packages: string[];
}

/** Builds dist/app of `root` (or `<distDir>/app`); the renderer is built by vite beside it. */
export async function buildProduction(
  root: string,
  distDir: string = join(root, 'dist'),
): Promise<ProductionBuildResult> {
  const appDir = join(distDir, 'app');
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const { metafile } = await build({
    metafile: true,
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([out, src]) => [out, src])),
    outdir: appDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    format: 'esm',
    // Bundled CommonJS packages (pino, ws…) call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __kioskCreateRequire } from 'node:module';\nconst require = __kioskCreateRequire(import.meta.url);",
    },
    external: [...NATIVE_PACKAGES, ...OPTIONAL_MISSING],
    plugins: [tsxNotNeeded],
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(
    join(appDir, 'package.json'),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: 'module' }, null, 2)}\n`,
  );
  const packages = copyRuntimePackages(root, NATIVE_PACKAGES, join(appDir, 'node_modules'));
  const size = (name: string) => readFileSync(join(appDir, `${name}.mjs`)).length;
  const externalImports = new Set<string>();
  for (const output of Object.values(metafile.outputs))
    for (const imported of output.imports)
      if (imported.external) externalImports.add(imported.path);
  return {
    appDir,
    externalImports: [...externalImports].sort(),
    bundles: {
      'kiosk-web': size('kiosk-web'),
      'kiosk-diag': size('kiosk-diag'),
      'kiosk-screen': size('kiosk-screen'),
    },
    packages,
  };
}
