/**
 * `npm run build:electron` (vite build -c electron/vite.config.ts): two library builds in one
 * run, through Vite's app builder (one environment each):
 * - main:    dist-electron/main.js, ESM for Node, electron + node built-ins + every dependency
 *            external (loaded from node_modules at run time);
 * - preload: dist-electron/preload.cjs, one CommonJS file with zod bundled in, only `electron`
 *            external, because a sandboxed preload cannot load modules at run time.
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist-electron', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const dependencies = Object.keys(pkg.dependencies ?? {});
/** A dependency or one of its subpaths (`pino/file`, `zod/v4`). */
const isDependency = (id: string) =>
  dependencies.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  builder: {
    async buildApp(builder) {
      const { main, preload } = builder.environments;
      if (!main || !preload) throw new Error('electron build: environments missing');
      await builder.build(main);
      await builder.build(preload);
    },
  },
  environments: {
    main: {
      consumer: 'server',
      build: {
        outDir,
        emptyOutDir: true,
        target: 'node22',
        minify: false,
        sourcemap: true,
        reportCompressedSize: false,
        lib: {
          entry: fileURLToPath(new URL('./main.ts', import.meta.url)),
          formats: ['es'],
          fileName: () => 'main.js',
        },
        rolldownOptions: {
          external: (id) => id === 'electron' || nodeBuiltins.includes(id) || isDependency(id),
        },
      },
    },
    preload: {
      consumer: 'client',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'chrome140',
        minify: false,
        sourcemap: false,
        reportCompressedSize: false,
        lib: {
          entry: fileURLToPath(new URL('./preload.ts', import.meta.url)),
          formats: ['cjs'],
          fileName: () => 'preload.cjs',
        },
        rolldownOptions: {
          external: ['electron'],
          output: { codeSplitting: false },
        },
      },
    },
  },
});
