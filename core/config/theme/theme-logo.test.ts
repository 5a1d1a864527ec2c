import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGO_LIMITS, readThemeLogo } from './theme-logo';

const dir = mkdtempSync(join(tmpdir(), 'theme-logo-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The PNG signature and an IHDR chunk of `width` x `height`: all the check reads. */
function pngHeader(width: number, height: number, padTo = 0): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  const bytes = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), ihdr]);
  return padTo > bytes.length ? Buffer.concat([bytes, Buffer.alloc(padTo - bytes.length)]) : bytes;
}

const SVG = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attributes}>${inner}</svg>`;

const problemOf = (path: string) => {
  const result = readThemeLogo(path);
  return result.ok ? null : result.problem;
};

describe('the theme logo', () => {
  it('takes the example PNG, served at /theme/logo.png as image/png', () => {
    const path = join(import.meta.dirname, '../../../docs/themes/blue-bank/logo.png');
    const result = readThemeLogo(path);
    expect(result.ok && result.asset.path).toBe('/theme/logo.png');
    expect(result.ok && result.asset.contentType).toBe('image/png');
  });

  it('takes a clean SVG with its own gradients and data: images', () => {
    const svg = SVG(
      '<defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/>' +
        '<image href="data:image/png;base64,AAAA"/><use href="#g"/>',
    );
    const result = readThemeLogo(file('clean.svg', svg));
    expect(result.ok && result.asset).toMatchObject({
      path: '/theme/logo.svg',
      contentType: 'image/svg+xml',
    });
  });

  it('refuses a PNG over 256 KiB, naming the field, the file and the limit', () => {
    const path = file('big.png', pngHeader(512, 512, LOGO_LIMITS.pngBytes + 1));
    expect(problemOf(path)).toBe(
      `theme.logo: ${path} is ${LOGO_LIMITS.pngBytes + 1} bytes, a PNG logo may have 262144`,
    );
  });

  it.each([
    ['8x8', pngHeader(8, 8), 'is 8x8 pixels, each side must be 16 to 2048'],
    ['10000 wide', pngHeader(10_000, 100), 'is 10000x100 pixels'],
    ['a JPEG named .png', Buffer.from('ffd8ffe000104a464946', 'hex'), 'no PNG signature'],
  ])('refuses a PNG %s', (_name, bytes, expected) => {
    expect(problemOf(file('odd.png', bytes))).toContain(expected);
  });

  it.each([
    ['a script', SVG('<script>alert(1)</script>'), 'contains a script'],
    ['an event handler', SVG('<rect/>', ' onload="alert(1)"'), 'event-handler attribute'],
    ['a foreignObject', SVG('<foreignObject><p>x</p></foreignObject>'), 'foreignObject'],
    ['an external image', SVG('<image href="https://evil.example/x.png"/>'), 'external'],
    ['an xlink:href out', SVG('<use xlink:href="other.svg#a"/>'), 'external'],
    ['an external url()', SVG('<rect style="fill:url(https://x.example/a)"/>'), 'external'],
    ['a javascript: link', SVG('<a href="#x"><rect/></a><a href=" javascript:x">'), 'javascript:'],
    ['an entity declaration', `<!DOCTYPE svg [<!ENTITY a "b">]>${SVG('')}`, 'DOCTYPE'],
    ['no svg at all', '<html></html>', 'no <svg> element'],
  ])('refuses an SVG with %s', (_name, text, expected) => {
    expect(problemOf(file('bad.svg', text))).toContain(expected);
  });

  it('refuses an SVG over 64 KiB and a file that is neither PNG nor SVG', () => {
    const big = SVG(`<!--${'x'.repeat(LOGO_LIMITS.svgBytes)}-->`);
    expect(problemOf(file('big.svg', big))).toContain('an SVG logo may have 65536');
    expect(problemOf(file('logo.gif', 'GIF89a'))).toContain('must be a .png or .svg file');
    expect(problemOf(join(dir, 'missing.png'))).toContain('cannot read');
  });
});
