import { z } from 'zod';
import {
  DEFAULT_THEME_COLORS,
  HexColor,
  THEME_COLOR_NAMES,
  ThemeColors,
  type ThemeColorName,
} from '../../common/api/branding';
import { Language } from '../../common/api/intents';
import { withoutControlCharacters } from '../../../devices/common/control-free-path';
import { NARROWEST_COLUMNS } from '../../../devices/printer/printer-options';
import { contrastProblems } from './theme-contrast';

const themeText = (max: number) => withoutControlCharacters(z.string().trim().min(1).max(max));

/** At most this many lines above and below the receipt's own text. */
export const RECEIPT_THEME_LINES = 4;

const ReceiptLine = withoutControlCharacters(
  z.string().max(NARROWEST_COLUMNS, `must fit a ${NARROWEST_COLUMNS}-column receipt`),
);

const AttractTheme = z.object({ title: themeText(60), subtitle: themeText(120) }).strict();

/** Only the colours a bank changes; the rest stay the kiosk's own (DEFAULT_THEME_COLORS). */
const ThemeColorsInput = z
  .object(
    Object.fromEntries(THEME_COLOR_NAMES.map((name) => [name, HexColor.optional()])) as Record<
      ThemeColorName,
      z.ZodOptional<typeof HexColor>
    >,
  )
  .strict()
  .transform((colors) => ({
    ...DEFAULT_THEME_COLORS,
    ...Object.fromEntries(Object.entries(colors).filter(([, hex]) => hex !== undefined)),
  }));

/**
 * A partner bank's branding (docs/themes/README.md). Every colour pair the UI draws is checked
 * against WCAG AA here, so a theme that fails never reaches a screen.
 */
export const Theme = z
  .object({
    bankName: themeText(40),
    /** A PNG or SVG file, relative to the config file; checked at load (theme-logo.ts). */
    logo: withoutControlCharacters(z.string().min(1).max(4096)).optional(),
    colors: ThemeColorsInput.default(DEFAULT_THEME_COLORS),
    languages: z
      .array(Language)
      .min(1)
      .refine((languages) => new Set(languages).size === languages.length, {
        message: 'name each language once',
      })
      .default([...Language.options]),
    /** The start screen's title and subtitle, per language; absent: the kiosk's own. */
    attract: z
      .object({ id: AttractTheme.optional(), en: AttractTheme.optional() })
      .strict()
      .default({}),
    receipt: z
      .object({
        header: z.array(ReceiptLine).max(RECEIPT_THEME_LINES).default([]),
        footer: z.array(ReceiptLine).max(RECEIPT_THEME_LINES).default([]),
      })
      .strict()
      .default({ header: [], footer: [] }),
  })
  .strict()
  .superRefine((theme, context) => {
    // Only a theme whose colours all parsed has pairs to measure (zod checks it even if not).
    if (!ThemeColors.safeParse(theme.colors).success) return;
    for (const message of contrastProblems(theme.colors))
      context.addIssue({ code: 'custom', message });
  });
export type Theme = z.infer<typeof Theme>;
export type ThemeInput = z.input<typeof Theme>;
