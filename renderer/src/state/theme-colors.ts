import { THEME_COLOR_NAMES, THEME_COLOR_TOKENS, type ThemeColors } from '../../../core/common/api';

/**
 * Sets the colour tokens of tokens.css to the theme's (through the CSSOM, which the CSP allows
 * without inline styles). They stay while the brain is away, so a lost connection keeps the look.
 */
export function applyThemeColors(root: HTMLElement, colors: ThemeColors): void {
  for (const name of THEME_COLOR_NAMES)
    root.style.setProperty(THEME_COLOR_TOKENS[name], colors[name]);
}
