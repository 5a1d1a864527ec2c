import { z } from 'zod';
import { Language } from './intents';

/**
 * The colours a theme sets, each the value of one custom property of
 * renderer/src/styles/tokens.css (the renderer sets them at start; no screen has a colour of
 * its own).
 */
export const THEME_COLOR_TOKENS = {
  primary: '--color-brand',
  primaryStrong: '--color-brand-strong',
  primarySoft: '--color-brand-soft',
  /** Text and marks drawn on a primary (or primaryStrong) fill: the buttons, the step numbers. */
  onPrimary: '--color-on-brand',
  accent: '--color-accent',
  text: '--color-ink',
  textMuted: '--color-ink-muted',
  surface: '--color-surface',
  page: '--color-page',
  line: '--color-line',
  danger: '--color-danger',
  dangerSoft: '--color-danger-soft',
  warning: '--color-warning',
  warningSoft: '--color-warning-soft',
  focus: '--color-focus',
} as const;

export type ThemeColorName = keyof typeof THEME_COLOR_TOKENS;
export const THEME_COLOR_NAMES = Object.keys(THEME_COLOR_TOKENS) as ThemeColorName[];

export const HexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'use a hex colour #rrggbb')
  .transform((hex) => hex.toLowerCase());

export const ThemeColors = z.object(
  Object.fromEntries(THEME_COLOR_NAMES.map((name) => [name, HexColor])) as Record<
    ThemeColorName,
    typeof HexColor
  >,
);
export type ThemeColors = z.infer<typeof ThemeColors>;

/** What the start screen says in place of its own invitation. */
export const AttractText = z.object({ title: z.string(), subtitle: z.string() });
export type AttractText = z.infer<typeof AttractText>;

/** The partner bank's look and words, the same for every view of a running kiosk. */
export const BrandingView = z.object({
  /** Null: the kiosk's own (BPJS Ketenagakerjaan) name. */
  bankName: z.string().nullable(),
  /** Same-origin URL of the logo (`/theme/logo.png`); null: the kiosk's own mark. */
  logoUrl: z.string().nullable(),
  colors: ThemeColors,
  /** The languages offered, the switch hidden when only one. */
  languages: z.array(Language).min(1),
  /** Per language; a language without one keeps the kiosk's own invitation. */
  attract: z.partialRecord(Language, AttractText),
});
export type BrandingView = z.infer<typeof BrandingView>;

/**
 * The kiosk's own BPJS Ketenagakerjaan look: what a theme leaves out. tokens.css holds the same
 * values for the page before the brain's first view (a test keeps them equal).
 */
export const DEFAULT_THEME_COLORS: ThemeColors = {
  primary: '#00703c',
  primaryStrong: '#00552d',
  primarySoft: '#e6f3ec',
  onPrimary: '#ffffff',
  accent: '#0b4f8a',
  text: '#10231a',
  textMuted: '#3d4f45',
  surface: '#ffffff',
  page: '#f3f6f4',
  line: '#c9d5ce',
  danger: '#a3161b',
  dangerSoft: '#fdecec',
  warning: '#7a4b00',
  warningSoft: '#fff4de',
  focus: '#ffbf47',
};

/** No theme: the kiosk's own name, mark and colours, both languages. */
export const DEFAULT_BRANDING: BrandingView = {
  bankName: null,
  logoUrl: null,
  colors: DEFAULT_THEME_COLORS,
  languages: [...Language.options],
  attract: {},
};
