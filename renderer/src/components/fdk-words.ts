import type { SessionView } from '../../../core/common/api';
import type { Messages } from '../i18n/i18n';
import { menuLabelText } from './menu-words';

type Fdk = SessionView['fdks'][number];

/**
 * What an FDK does on this step, in words, from the key it stands for: the menu item with that
 * number, the KPJ at that place in the list, or the pad's own Enter / Cancel / Clear. Null when
 * the key does nothing here (the label stays blank).
 */
export function fdkLabel(t: Messages, view: SessionView, fdk: Fdk): string | null {
  if (!view.step.takesKeys) return null;
  switch (fdk.key) {
    case 'enter':
      return t.next;
    case 'cancel':
      return t.cancel;
    case 'clear':
      return view.entry ? t.keyClear : null;
  }
  const item = view.menu?.items.find((entry) => entry.key === fdk.key && entry.enabled);
  if (item) return menuLabelText(t, item.label);
  const account = view.accounts?.[Number(fdk.key) - 1];
  return account ? account.maskedKpj : null;
}

/** The mark an FDK shows beside it: the option's number, as on screen, or the pad key's sign. */
export function fdkGlyph(key: Fdk['key']): string {
  switch (key) {
    case 'enter':
      return 'OK';
    case 'cancel':
      return '✕';
    case 'clear':
      return '←';
    default:
      return key;
  }
}
