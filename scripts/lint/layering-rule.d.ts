/** Types for layering-rule.js (plain JS so that eslint.config.js can load it without a TS loader). */
import type { Rule } from 'eslint';
import type { Layer } from './layers.js';

export const REPO_ROOT: string;
export function globToRegExp(glob: string): RegExp;
export function layerOf(layers: Layer[], file: string): Layer | undefined;
export function isTestFile(testFiles: string[], file: string): boolean;
export function packageName(specifier: string): string;
export function isBuiltin(specifier: string): boolean;
export function allowanceOf(
  layer: Layer,
  test: boolean,
): { imports: string[]; packages: string[] | '*'; builtins: boolean };
export function refusal(
  layer: Layer,
  test: boolean,
  file: string,
  specifier: string,
): string | undefined;
export const layeringRule: Rule.RuleModule;
declare const plugin: { rules: { layering: Rule.RuleModule } };
export default plugin;
