import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEME_COLOR_TOKENS, type ThemeColorName } from '../../common/api';
import { CONTRAST_PAIRS } from './contrast-pairs';

const RENDERER = join(import.meta.dirname, '../../../renderer/src');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return /\.(svelte|css)$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** The colour tokens the renderer's CSS gives `property` (`color`, `background`). */
function tokensUsedAs(property: string): Set<string> {
  const declaration = new RegExp(`(?<![\\w-])${property}:\\s*var\\((--color-[a-z-]+)\\)`, 'g');
  return new Set(
    stylesheets(RENDERER).flatMap((css) =>
      [...css.matchAll(declaration)].map((match) => match[1]!),
    ),
  );
}

const tokensOf = (names: ThemeColorName[]) =>
  new Set<string>(names.map((name) => THEME_COLOR_TOKENS[name]));

/** Backgrounds no visible text sits on: under the idle warning's dialog, and the dark screen. */
const NO_TEXT_ON = new Set([
  '--color-backdrop',
  // The dark screen outside opening hours: its only words are for screen readers.
  '--color-screen-off',
]);

describe('the contrast pairs', () => {
  const textPairs = CONTRAST_PAIRS.filter((pair) => pair.use !== 'nonText');

  it('measure every colour the renderer draws text in', () => {
    const measured = tokensOf(textPairs.map((pair) => pair.foreground));
    expect([...tokensUsedAs('color')].filter((token) => !measured.has(token))).toEqual([]);
  });

  it('measure text on every colour the renderer fills a background with', () => {
    const measured = tokensOf(textPairs.map((pair) => pair.background));
    const unmeasured = [...tokensUsedAs('background')].filter(
      (token) => !measured.has(token) && !NO_TEXT_ON.has(token),
    );
    expect(unmeasured).toEqual([]);
  });
});
