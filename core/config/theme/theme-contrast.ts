import type { ThemeColors } from '../../common/api/branding';
import { contrastRatio } from './contrast';
import { CONTRAST_PAIRS, REQUIRED_CONTRAST, type ContrastUse } from './contrast-pairs';

const USE_WORDS: Record<ContrastUse, string> = {
  text: 'text',
  nonText: 'control',
};

/** One line per pair of `colors` below its WCAG minimum: `text "accent" on "surface" has ...`. */
export function contrastProblems(colors: ThemeColors): string[] {
  return CONTRAST_PAIRS.flatMap(({ foreground, background, use }) => {
    const ratio = contrastRatio(colors[foreground], colors[background]);
    const needed = REQUIRED_CONTRAST[use];
    if (ratio >= needed) return [];
    // Cut, never rounded up: 4.499 must not read as the 4.5 it fails.
    const shown = Math.floor(ratio * 100) / 100;
    return [
      `${USE_WORDS[use]} "${foreground}" on "${background}" has contrast ${shown}:1, needs ${needed}:1`,
    ];
  });
}
