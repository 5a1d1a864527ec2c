import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measured, notAvailable, type RowSpec } from '../lib/figure';
import { ROOT } from '../lib/optional-module';
import type { FigureGroup } from './figure-group';

const KB = 1024;

const jsGzip: RowSpec = { id: 'bundle.jsGzip', label: 'Renderer JS, gzip', unit: 'KB', budget: 60 };
const cssGzip: RowSpec = { id: 'bundle.cssGzip', label: '  renderer CSS, gzip', unit: 'KB' };
const jsRaw: RowSpec = { id: 'bundle.jsRaw', label: '  renderer JS, uncompressed', unit: 'KB' };

/** Sum of the files with this extension in dist/renderer/assets: raw and gzipped (level 9). */
function sizes(dir: string, extension: string): { raw: number; gzip: number; files: number } {
  const files = readdirSync(dir).filter((name) => name.endsWith(extension));
  let raw = 0;
  let gzip = 0;
  for (const name of files) {
    const bytes = readFileSync(join(dir, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.length };
}

export const bundleSize: FigureGroup = {
  title: 'bundle size',
  rows: [jsGzip, cssGzip, jsRaw],
  async run() {
    const dir = join(ROOT, 'dist/renderer/assets');
    const js = sizes(dir, '.js');
    const css = sizes(dir, '.css');
    if (js.files === 0)
      return [
        notAvailable(jsGzip, 'no built renderer'),
        notAvailable(cssGzip, 'no built renderer'),
        notAvailable(jsRaw, 'no built renderer'),
      ];
    return [
      measured(jsGzip, [js.gzip / KB], `${js.files} file(s), node:zlib level 9`),
      measured(cssGzip, [css.gzip / KB], `${css.files} file(s)`),
      measured(jsRaw, [js.raw / KB]),
    ];
  },
};
