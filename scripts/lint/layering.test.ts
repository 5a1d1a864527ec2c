import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERING_DOC, renderLayeringDoc } from './layering-doc';
import { REPO_ROOT } from './layering-rule.js';
import { layers, type Layer } from './layers.js';

// Probe sources are linted with the project's own eslint.config.js, placed virtually in a layer
// (lintText with a file path that need not exist), so what is proven here is what `npm run lint` does.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

/** The `local/layering` messages for `code` placed at `file` (relative to the root). */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'local/layering')
    .map((m) => m.message);
}

/** `specifier`, as written in a file at `from`, for a project path `to`. */
function relative(from: string, to: string): string {
  const spec = path.posix.relative(path.posix.dirname(from), to);
  return spec.startsWith('.') ? spec : `./${spec}`;
}

const layer = (name: string): Layer => {
  const found = layers.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no layer ${name}`);
  return found;
};

/** A file inside a layer's folder: `core/session/**` -> `core/session/probe.ts`. */
const probeIn = (l: Layer, name = 'probe.ts') => l.files[0]!.replace(/\*\*$/, name);

/** Forbidden imports: [layer, probe file, import specifier]. */
const FORBIDDEN: Array<[string, string, string]> = [
  ['core/common', 'core/common/domain/probe.ts', 'node:fs'],
  ['core/common', 'core/common/domain/probe.ts', 'fs'],
  ['core/common', 'core/common/domain/probe.ts', '../../session/kiosk-brain'],
  ['core/common', 'core/common/api/probe.ts', '../../host/host-api'],
  ['core/common', 'core/common/api/probe.ts', '../../../devices/scanner'],
  ['core/common', 'core/common/api/probe.ts', 'xstate'],
  ['core/common', 'core/common/api/probe.ts', '../../../../outside-the-repo'],
  ['renderer/src', 'renderer/src/screens/probe.ts', '../../../core/session/kiosk-brain'],
  ['renderer/src', 'renderer/src/screens/probe.ts', '../../../core/host/host-api'],
  ['renderer/src', 'renderer/src/screens/probe.ts', '../../../devices/scanner'],
  ['renderer/src', 'renderer/src/screens/probe.ts', 'node:path'],
  ['renderer/src', 'renderer/src/screens/probe.ts', 'electron'],
  ['renderer/src', 'renderer/src/screens/probe.ts', 'ws'],
  ['devices', 'devices/scanner/probe.ts', '../../core/session/kiosk-brain'],
  ['devices', 'devices/scanner/probe.ts', '../../core/host/host-api'],
  ['devices', 'devices/scanner/probe.ts', '../../core/common/api'],
  ['devices', 'devices/scanner/probe.ts', '../../simulators/scanner/scanner-simulator'],
  ['devices', 'devices/scanner/probe.ts', 'xstate'],
  ['web', 'web/probe.ts', '../core/session/kiosk-brain'],
  ['web', 'web/probe.ts', '../simulators/host'],
  ['electron', 'electron/main/probe.ts', '../../simulators/host'],
  ['electron', 'electron/main/probe.ts', '../../scripts/start'],
  ['simulators', 'simulators/host/probe.ts', '../../core/session/kiosk-brain'],
  ['test-support', 'test-support/probe.ts', '../core/common/domain'],
  ['bin', 'bin/probe.mjs', '../core/kiosk/create-kiosk'],
  // Production code may not use what only tests may.
  ['core/host', 'core/host/probe.ts', '../../test-support/fuzz'],
  ['core/host', 'core/host/probe.ts', 'vitest'],
  ['devices', 'devices/scanner/probe.ts', 'vitest'],
];

/** No core layer reaches tooling, shells, the UI or the simulators. */
const CORE_NEVER = [
  'scripts/start',
  'bench/run',
  'soak/run',
  'simulators/host',
  'renderer/src/main',
  'web/web-shell',
  'electron/main',
  'e2e/support/fixtures',
];
const coreLayers = layers.filter((l) => l.name.startsWith('core/'));

describe('local/layering: each rule bites', () => {
  it.each(FORBIDDEN)('%s: %s may not import %j', async (name, file, specifier) => {
    const errors = await layeringErrors(file, `export * from '${specifier}';\n`);
    expect(errors).toEqual([
      expect.stringContaining(`Layer ${name} may not import '${specifier}'`),
    ]);
  });

  it.each(coreLayers.flatMap((l) => CORE_NEVER.map((target) => [l.name, target] as const)))(
    '%s never imports %s',
    async (name, target) => {
      const file = probeIn(layer(name));
      const specifier = relative(file, target);
      const errors = await layeringErrors(file, `export * from '${specifier}';\n`);
      expect(errors).toEqual([
        expect.stringContaining(`Layer ${name} may not import '${specifier}'`),
      ]);
    },
  );

  it('catches every import form: import, import type, export from, import(), require', async () => {
    const file = 'core/common/domain/probe.ts';
    const code = [
      "import { a } from 'node:fs';",
      "import type { B } from '../../session/kiosk-brain';",
      "export { c } from '../../host/host-api';",
      "export * from '../../../scripts/start';",
      "export const d = [a, await import('node:os')] as unknown as B;",
      "export const e = require('node:path');",
      '',
    ].join('\n');
    const errors = await layeringErrors(file, code);
    expect(errors.map((m) => /may not import '([^']+)'/.exec(m)?.[1])).toEqual([
      'node:fs',
      '../../session/kiosk-brain',
      '../../host/host-api',
      '../../../scripts/start',
      'node:os',
      'node:path',
    ]);
  });

  it('checks Svelte components of the renderer too', async () => {
    const code = `<script lang="ts">\n  import { join } from 'node:path';\n  import { createBrain } from '../../../core/session/kiosk-brain';\n  export const x = [join, createBrain];\n</script>\n`;
    const errors = await layeringErrors('renderer/src/screens/Probe.svelte', code);
    expect(errors).toEqual([
      expect.stringContaining("Layer renderer/src may not import 'node:path'"),
      expect.stringContaining(
        "Layer renderer/src may not import '../../../core/session/kiosk-brain'",
      ),
    ]);
  });

  it('refuses a file in a folder that is no layer', async () => {
    const errors = await layeringErrors('tools/probe.ts', 'export const x = 1;\n');
    expect(errors).toEqual([expect.stringContaining('belongs to no layer')]);
  });
});

describe('local/layering: what the allow-list names passes', () => {
  it.each(layers.map((l) => [l.name, l] as const))('%s: its allowed imports', async (_name, l) => {
    const file = l.name === 'tool configs' ? 'probe.config.ts' : probeIn(l);
    const specifiers = [
      l.name === 'tool configs' ? './other.config.ts' : './sibling',
      ...l.imports.map((target) => relative(file, target.replace(/\/\*\*$/, '/x'))),
      ...(l.packages === '*' ? ['some-package'] : l.packages),
      ...(l.builtins ? ['node:path'] : []),
    ];
    const code = specifiers.map((s) => `export * from '${s}';`).join('\n') + '\n';
    expect(await layeringErrors(file, code)).toEqual([]);
  });

  it('lets test files import test-support and test packages, where their layer says so', async () => {
    const code =
      "export * from '../../test-support/fuzz';\nexport * from 'vitest';\nexport * from 'fast-check';\n";
    expect(await layeringErrors('core/host/probe.test.ts', code)).toEqual([]);
    expect(await layeringErrors('devices/scanner/probe.test-helper.ts', code)).toEqual([]);
    expect(await layeringErrors('core/host/probe.ts', code)).toHaveLength(3);
  });

  it("lets simulators' tests, not the simulators, build a kiosk", async () => {
    const code = "export * from '../../core/kiosk/create-kiosk';\n";
    expect(await layeringErrors('simulators/host/probe.test.ts', code)).toEqual([]);
    expect(await layeringErrors('simulators/host/probe.ts', code)).toHaveLength(1);
  });
});

describe('docs/layering.md', () => {
  it('shows the allow-list ESLint enforces (regenerate: npx tsx scripts/lint/layering-doc.ts)', async () => {
    const page = readFileSync(LAYERING_DOC, 'utf8');
    expect(page).toBe(await renderLayeringDoc(page));
  });
});
