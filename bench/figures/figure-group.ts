import type { Browser } from '@playwright/test';
import type { FigureResult, RowSpec } from '../lib/figure';

export interface FigureContext {
  /** One Chromium for the whole run, launched before any figure is timed. */
  browser: Browser;
  progress(line: string): void;
}

/** A set of rows measured together. `rows` lists them so a failed group still reports each. */
export interface FigureGroup {
  title: string;
  rows: RowSpec[];
  run(context: FigureContext): Promise<FigureResult[]>;
}
