import { DEFAULT_BRANDING, type BrandingView } from '../../common/api';
import type { StaticAsset } from '../../common/static-asset';
import type { Theme } from './theme';

/** What the view tells the screen of the theme (none: the kiosk's own look, both languages). */
export function brandingOf(theme: Theme | undefined, logo: StaticAsset | null): BrandingView {
  if (!theme) return DEFAULT_BRANDING;
  const { bankName, colors, languages, attract } = theme;
  return { bankName, logoUrl: logo?.path ?? null, colors, languages, attract };
}
