import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME_COLORS, THEME_COLOR_TOKENS } from '../../common/api';
import { KioskConfig } from '../kiosk-config';
import { loadConfig, loadThemeLogo } from '../load-config';
import { contrastProblems } from './theme-contrast';
import { Theme } from './theme';

const repo = join(import.meta.dirname, '../../..');
const json = (path: string) => JSON.parse(readFileSync(join(repo, path), 'utf8')) as unknown;
const EXAMPLES = ['docs/themes/green-state-bank/kiosk.json', 'docs/themes/blue-bank/kiosk.json'];

const issuesOf = (theme: unknown) => {
  const result = Theme.safeParse(theme);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the theme', () => {
  it("the kiosk's own look passes every contrast pair", () => {
    expect(contrastProblems(DEFAULT_THEME_COLORS)).toEqual([]);
  });

  it.each(EXAMPLES)('%s is a configuration the kiosk loads, its logo included', (path) => {
    const config = loadConfig(join(repo, path));
    expect(loadThemeLogo(config)?.path).toMatch(/^\/theme\/logo\.(png|svg)$/);
    expect(config.theme?.bankName).toMatch(/^Bank /);
    expect(contrastProblems(config.theme!.colors)).toEqual([]);
  });

  it('refuses a pale theme, naming every failing pair with its ratio and the minimum', () => {
    const { theme } = json('core/config/theme/test-fixtures/low-contrast-theme.json') as {
      theme: unknown;
    };
    expect(issuesOf(theme)).toEqual([
      'text "textMuted" on "page" has contrast 2.33:1, needs 4.5:1',
      'text "textMuted" on "surface" has contrast 2.54:1, needs 4.5:1',
      'text "accent" on "page" has contrast 2:1, needs 4.5:1',
      'text "accent" on "surface" has contrast 2.18:1, needs 4.5:1',
      'text "onPrimary" on "primary" has contrast 2.12:1, needs 4.5:1',
      'control "primary" on "page" has contrast 1.94:1, needs 3:1',
      'control "primary" on "surface" has contrast 2.12:1, needs 3:1',
    ]);
  });

  it('leaves the colours a bank does not set as they are, and takes hex in any case', () => {
    const theme = Theme.parse({ bankName: 'Bank Contoh', colors: { primary: '#0A4FA3' } });
    expect(theme.colors).toEqual({ ...DEFAULT_THEME_COLORS, primary: '#0a4fa3' });
    expect(theme.languages).toEqual(['id', 'en']);
    expect(theme.receipt).toEqual({ header: [], footer: [] });
  });

  it.each([
    ['a colour name', { colors: { primary: 'green' } }, 'use a hex colour #rrggbb'],
    ['a short hex', { colors: { primary: '#0a4' } }, 'use a hex colour #rrggbb'],
    ['an unknown colour', { colors: { brand: '#000000' } }, 'brand'],
    ['no bank name', { bankName: '' }, 'Too small'],
    ['a line break in the name', { bankName: 'Bank\nContoh' }, 'control characters'],
    ['no language', { languages: [] }, 'Too small'],
    ['a language twice', { languages: ['id', 'id'] }, 'name each language once'],
    ['a language the kiosk has not', { languages: ['jv'] }, 'Invalid option'],
    ['a receipt line wider than 58 mm paper', { receipt: { header: ['x'.repeat(33)] } }, '32'],
    ['five header lines', { receipt: { header: ['a', 'b', 'c', 'd', 'e'] } }, 'Too big'],
    ['an ESC in a receipt line', { receipt: { footer: ['\u001b@'] } }, 'control characters'],
    ['an attract text without subtitle', { attract: { id: { title: 'Halo' } } }, 'subtitle'],
  ])('refuses %s', (_name, fields, expected) => {
    const text = JSON.stringify(
      Theme.safeParse({ bankName: 'Bank Contoh', ...fields }).error?.issues,
    );
    expect(text).toContain(expected);
  });

  it('refuses a default language the theme does not offer', () => {
    const result = KioskConfig.safeParse({
      language: 'id',
      theme: { bankName: 'Bank Contoh', languages: ['en'] },
    });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['language'],
        message: 'the default language must be one of theme.languages',
      }),
    ]);
  });

  it('tokens.css starts from the same colours the default theme gives the view', () => {
    const css = readFileSync(join(repo, 'renderer/src/styles/tokens.css'), 'utf8');
    for (const [name, token] of Object.entries(THEME_COLOR_TOKENS)) {
      const value = new RegExp(`${token}:\\s*(#[0-9a-f]{6});`).exec(css)?.[1];
      expect(value, `${token} in tokens.css`).toBe(
        DEFAULT_THEME_COLORS[name as keyof typeof DEFAULT_THEME_COLORS],
      );
    }
  });
});
