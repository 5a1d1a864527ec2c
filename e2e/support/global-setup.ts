import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { SERVE_KIOSK_BUNDLE } from './serve-kiosk-bundle.ts';

/**
 * Bundled code runs from dist/e2e/, not where it was written: each source file's own
 * import.meta.dirname, filename and url are written into it, so paths it builds from them
 * still point where they would under tsx.
 */
const importMetaOfSource: Plugin = {
  name: 'import-meta-of-source',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return {
        loader: 'ts',
        contents: source
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
          .replaceAll('import.meta.filename', JSON.stringify(path))
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      };
    });
  },
};

/**
 * Bundles e2e/support/serve-kiosk.ts once per run: every test starts one or more kiosk stacks,
 * and `node` on one file starts in about a third of the CPU time tsx needs to compile the
 * sources again for each (1.2 against 3.9 CPU-seconds). Packages stay outside the bundle
 * (native modules such as serialport and node-hid load from node_modules as usual).
 */
export default async function globalSetup(): Promise<void> {
  await build({
    entryPoints: [join(import.meta.dirname, 'serve-kiosk.ts')],
    outfile: SERVE_KIOSK_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [importMetaOfSource],
  });
}
