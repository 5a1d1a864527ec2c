import type { ThemeColorName } from '../../common/api/branding';

/**
 * WCAG 2.2: 1.4.3 text at least 4.5:1; 1.4.11 the fill or border that shows a control at least
 * 3:1 against what is around it. (Large text may have 3:1, but every themed text colour is
 * also drawn at body size somewhere, so no pair is held to less than 4.5:1.)
 */
export const REQUIRED_CONTRAST = { text: 4.5, nonText: 3 } as const;
export type ContrastUse = keyof typeof REQUIRED_CONTRAST;

export interface ContrastPair {
  foreground: ThemeColorName;
  background: ThemeColorName;
  use: ContrastUse;
}

/** Every colour drawn as text, on every colour it is drawn on (the renderer's CSS). */
const TEXT_COLORS: readonly ThemeColorName[] = [
  'text',
  'textMuted',
  'primaryStrong',
  'accent',
  'danger',
  'warning',
];
/** Where text sits: the page itself and its cards, header, fields and secondary buttons. */
const TEXT_GROUNDS: readonly ThemeColorName[] = ['page', 'surface'];

/**
 * The pairs the UI draws, from renderer/src (every `color:` token on every `background:` token
 * it can sit on; contrast-pairs.test.ts fails when the CSS uses a text or background colour no
 * pair measures).
 */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  ...TEXT_COLORS.flatMap((foreground) =>
    TEXT_GROUNDS.map((background) => ({ foreground, background, use: 'text' as const })),
  ),
  // A pressed keypad key (digits in text, the function keys in primaryStrong), the yes / no marks.
  { foreground: 'text', background: 'primarySoft', use: 'text' },
  { foreground: 'primaryStrong', background: 'primarySoft', use: 'text' },
  // The "contributions stopped" and "paper low" notices.
  { foreground: 'warning', background: 'warningSoft', use: 'text' },
  // Primary buttons (pressed: primaryStrong) and the numbered steps.
  { foreground: 'onPrimary', background: 'primary', use: 'text' },
  { foreground: 'onPrimary', background: 'primaryStrong', use: 'text' },
  // The primary button's fill is what shows it is a button.
  { foreground: 'primary', background: 'page', use: 'nonText' },
  { foreground: 'primary', background: 'surface', use: 'nonText' },
];
