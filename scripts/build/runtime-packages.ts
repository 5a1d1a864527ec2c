import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';

const PackageJson = z.object({
  name: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
});

/**
 * What nothing loads at run time: the C/C++ sources the native packages are compiled from (their
 * prebuilt binaries are shipped), the readmes and changelogs, and the packages' dotfiles.
 * Licence files stay.
 */
const NOT_SHIPPED = [
  /\/node-hid\/(hidapi|src)(\/|$)/,
  /\/@serialport\/bindings-cpp\/src(\/|$)/,
  /\/node-addon-api\/tools(\/|$)/,
  /\/build\/.*\.(o|d|mk)$/,
  /\/(README|CHANGELOG|HISTORY|CONTRIBUTING|CODE_OF_CONDUCT|SECURITY)[^/]*$/i,
  /\/\.[^/]+$/,
  /\.musl\.node$/,
];

/**
 * Copies `names` and everything they depend on (as installed in the checkout's node_modules) to
 * `target`, in the same nested layout, so Node resolves them there as it did here. npm is not
 * asked: the build must not need the registry, and this is exactly the set the code was tested
 * with. An optional dependency that is not installed is skipped, as npm does.
 * Returns the package names copied, sorted.
 */
export function copyRuntimePackages(
  root: string,
  names: readonly string[],
  target: string,
): string[] {
  const modules = join(root, 'node_modules');
  const seen = new Map<string, string>(); // package dir → name
  const visit = (name: string, from: string, optional: boolean) => {
    const dir = findPackageDir(name, from, root);
    if (!dir) {
      if (optional) return;
      throw new Error(
        `${name} (needed by ${relative(root, from) || 'the kiosk'}) is not installed`,
      );
    }
    if (seen.has(dir)) return;
    const pkg = PackageJson.parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
    seen.set(dir, pkg.name);
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of names) visit(name, root, false);
  for (const dir of seen.keys()) {
    cpSync(dir, join(target, relative(modules, dir)), {
      recursive: true,
      // A nested node_modules is copied as its own packages (only those that are needed).
      filter: (src) =>
        !relative(dir, src).split(sep).includes('node_modules') &&
        !NOT_SHIPPED.some((pattern) => pattern.test(src)),
    });
  }
  return [...new Set(seen.values())].sort();
}

/** Node's lookup: `<from>/node_modules/<name>`, then each parent folder's, up to the root. */
function findPackageDir(name: string, from: string, root: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === dirname(dir)) return undefined;
  }
}
