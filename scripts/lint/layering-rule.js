// The `local/layering` ESLint rule: every file belongs to one layer (scripts/lint/layers.js),
// and a layer imports only what its allow-list names. In the manner of VS Code's
// code-import-patterns: the list says what MAY be imported, so a new dependency is a decision
// someone writes down, not an accident a deny-list forgot.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in scripts/lint/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const BUILTINS = new Set(builtinModules);
/** What an extensionless import may resolve to. */
const RESOLVED_SUFFIXES = ['', '.ts', '.js', '.mjs', '.svelte', '.json', '/index.ts', '/index.js'];

/**
 * A small glob: `**` any run of folders (none included), `*` one name or part of it. Enough for
 * `core/common/**`, `** /*.test.ts` and exact files; kept here so the rule needs no matcher package.
 */
export function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      source += '(?:/.*)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') source += '[^/]*';
    else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const matches = (globs, file) => globs.some((glob) => globToRegExp(glob).test(file));

/** The layer a file (relative to the root, `/`-separated) belongs to: the most specific glob wins. */
export function layerOf(layers, file) {
  let best;
  let bestLength = -1;
  for (const layer of layers) {
    for (const glob of layer.files) {
      if (glob.length > bestLength && globToRegExp(glob).test(file)) {
        best = layer;
        bestLength = glob.length;
      }
    }
  }
  return best;
}

export function isTestFile(testFiles, file) {
  return matches(testFiles, file);
}

/** `@scope/name/sub` -> `@scope/name`, `svelte/store` -> `svelte`. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function isBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(packageName(specifier));
}

/** What a layer may import, its test files' additions included when `test` is true. */
export function allowanceOf(layer, test) {
  const extra = test ? (layer.tests ?? {}) : {};
  const union = (a, b) => (a === '*' || b === '*' ? '*' : [...(a ?? []), ...(b ?? [])]);
  return {
    imports: [...layer.files, ...(layer.imports ?? []), ...(extra.imports ?? [])],
    packages: union(layer.packages, extra.packages),
    builtins: Boolean(layer.builtins || extra.builtins),
  };
}

function describeAllowance(allowance) {
  const folders = allowance.imports.length ? allowance.imports.join(', ') : 'nothing else';
  const packages =
    allowance.packages === '*'
      ? 'any package'
      : allowance.packages.length
        ? `packages ${allowance.packages.join(', ')}`
        : 'no packages';
  return `${folders}; ${packages}; ${allowance.builtins ? 'Node builtins' : 'no Node builtins'}`;
}

/** Why `specifier`, imported from `file`, is refused; undefined when it is allowed. */
export function refusal(layer, test, file, specifier) {
  const allowance = allowanceOf(layer, test);
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    if (specifier.startsWith('/') || target.startsWith('..') || target === '.') {
      return 'a path outside the project folders';
    }
    const allowed = RESOLVED_SUFFIXES.some((suffix) => matches(allowance.imports, target + suffix));
    return allowed ? undefined : `project path ${target}`;
  }
  if (isBuiltin(specifier)) return allowance.builtins ? undefined : 'a Node builtin';
  if (allowance.packages === '*') return undefined;
  return allowance.packages.includes(packageName(specifier))
    ? undefined
    : `package ${packageName(specifier)}`;
}

/** The string literal of an import-like node, or undefined. */
function sourceOf(node) {
  const source = node.source ?? node.argument?.literal ?? node.moduleReference?.expression;
  return source && source.type === 'Literal' && typeof source.value === 'string'
    ? source
    : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list names (docs/layering.md)' },
    schema: false,
    messages: {
      notAllowed:
        "Layer {{layer}} may not import '{{specifier}}' ({{what}}). {{layer}}{{testNote}} may import: {{allowed}}. The allow-list is scripts/lint/layers.js.",
      noLayer:
        'This file belongs to no layer; add its folder to scripts/lint/layers.js with what it may import.',
    },
  },
  create(context) {
    const { layers, testFiles = [] } = context.options[0] ?? {};
    const file = path.relative(REPO_ROOT, context.filename).split(path.sep).join('/');
    if (file.startsWith('..') || path.isAbsolute(file)) return {};
    const layer = layerOf(layers, file);
    if (!layer) {
      return {
        Program(node) {
          context.report({ node, messageId: 'noLayer' });
        },
      };
    }
    const test = isTestFile(testFiles, file);
    const check = (node) => {
      const source = sourceOf(node);
      if (!source) return;
      const what = refusal(layer, test, file, source.value);
      if (!what) return;
      context.report({
        node: source,
        messageId: 'notAllowed',
        data: {
          layer: layer.name,
          specifier: source.value,
          what,
          testNote: test ? ' (test file)' : '',
          allowed: describeAllowance(allowanceOf(layer, test)),
        },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      TSImportEqualsDeclaration: check,
      TSImportType: check,
      'CallExpression[callee.name="require"]'(node) {
        check({ source: node.arguments[0] });
      },
    };
  },
};

export default { rules: { layering: layeringRule } };
