import type { AttractText, SessionView } from '../../../core/common/api';
import type { Messages } from '../i18n/i18n';

/** The start screen's title and subtitle: the theme's in the view's language, else the kiosk's. */
export function attractText(view: SessionView, t: Messages): AttractText {
  return (
    view.branding.attract[view.language] ?? { title: t.attractTitle, subtitle: t.attractSubtitle }
  );
}

/** The name the header and the start screen show: the partner bank's, else the kiosk's own. */
export function brandName(view: SessionView, t: Messages): string {
  return view.branding.bankName ?? t.brand;
}

/** Whether a person can switch language here (`*`, the header's switch): the theme offers two. */
export function languageSwitchable(view: SessionView): boolean {
  return view.branding.languages.length > 1;
}
