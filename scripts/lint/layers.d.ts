/** Types for layers.js (plain JS so that eslint.config.js can load it without a TS loader). */
export interface LayerAllowance {
  /** Project folders (`core/common/**`) or files (`package.json`) it may import. */
  imports?: string[];
  /** npm packages by name, or '*' for any. */
  packages?: string[] | '*';
  /** May it import node: builtins. */
  builtins?: boolean;
}

export interface Layer extends LayerAllowance {
  name: string;
  /** The files that belong to it. */
  files: string[];
  /** One line on what it is, for docs/layering.md. */
  role: string;
  imports: string[];
  packages: string[] | '*';
  builtins: boolean;
  /** What its test files may import in addition. */
  tests?: LayerAllowance;
}

export const layers: Layer[];
export const testFiles: string[];
