import type {
  DeviceReadiness,
  Intent,
  Language,
  MenuItemView,
  MenuLabel,
  MenuName,
  MenuReason,
  MenuView,
  PrintAvailability,
} from '../common/api';
import { canChangeYears } from './entry-rules';
import { historyPageCount } from './history-pages';
import { offeredLanguages, type SessionContext, type SessionMachineDeps } from './session-context';

/**
 * The numbered menus of the participant flow, defined once: for each item the keypad digit that
 * chooses it, the intent it stands for, what it is called, and when it can be chosen. The view
 * carries them to the screen (buttons, legend, what voice guidance says); the session machine
 * turns a digit into the item's intent with `intentForKey` and raises it, so the intent's own
 * guards still apply. No other file knows which number does what.
 */

/** Printing is possible while the printer is ready or only low on paper. */
export function printAvailability(devices: DeviceReadiness): PrintAvailability {
  switch (devices.printer) {
    case 'ready':
      return { canPrint: true, reason: null, notice: null };
    case 'paperLow':
      return { canPrint: true, reason: null, notice: 'paperLow' };
    case 'absent':
      return { canPrint: false, reason: 'absent', notice: null };
    case 'unavailable':
      return {
        canPrint: false,
        reason: devices.printerProblem ?? 'offline',
        notice: 'unavailable',
      };
  }
}

export const canPrint = (devices: DeviceReadiness): boolean => printAvailability(devices).canPrint;

/** What decides the menus' items: the printer, voice guidance, the projection, the history page. */
export interface MenuFacts {
  devices: DeviceReadiness;
  /** Voice guidance is on: the start screen's 3 turns it off, else on. */
  voice: boolean;
  /** The projection has a period left to change (false at the retirement age). */
  yearsChangeable: boolean;
  /** The history page shown (from 1) of how many. */
  historyPage: { number: number; count: number };
  /** The languages offered (the theme's). */
  languages: readonly Language[];
}

/** The facts as the session's context and the printer's readiness give them. */
export function menuFactsOf(
  context: Pick<SessionContext, 'voice' | 'verified' | 'historyPage'> & {
    deps: Pick<SessionMachineDeps, 'branding'>;
  },
  devices: DeviceReadiness,
): MenuFacts {
  const summary = context.verified?.summary;
  const count = summary ? historyPageCount(summary) : 0;
  return {
    devices,
    voice: context.voice,
    yearsChangeable: summary ? canChangeYears(summary) : false,
    historyPage: { number: Math.min(context.historyPage + 1, Math.max(count, 1)), count },
    languages: offeredLanguages(context.deps),
  };
}

interface MenuItemDefinition {
  key: string;
  label: MenuLabel;
  intent: Intent | ((facts: MenuFacts) => Intent);
  /** Left out of the menu when it does not apply at all (no period to change, one page only). */
  offered?: (facts: MenuFacts) => boolean;
  /** Why it cannot be chosen now; null (or absent) when it can. */
  unavailable?: (facts: MenuFacts) => MenuReason | null;
}

const historyPaged = (facts: MenuFacts) => facts.historyPage.count > 1;
/** A language is a choice only where there is another one to choose. */
const languageChoice = (language: Language) => (facts: MenuFacts) =>
  facts.languages.length > 1 && facts.languages.includes(language);

export const MENUS: Readonly<Record<MenuName, readonly MenuItemDefinition[]>> = {
  // The start screen, keypad only: Enter starts (not a menu item), 1 / 2 the language, 3 voice.
  attract: [
    {
      key: '1',
      label: 'languageId',
      intent: { type: 'chooseLanguage', language: 'id' },
      offered: languageChoice('id'),
    },
    {
      key: '2',
      label: 'languageEn',
      intent: { type: 'chooseLanguage', language: 'en' },
      offered: languageChoice('en'),
    },
    {
      key: '3',
      label: 'voiceOnOff',
      intent: (facts) => ({ type: 'voice', command: facts.voice ? 'off' : 'on' }),
    },
  ],
  // So the 12-key keypad alone reaches every function of the balance.
  balance: [
    { key: '1', label: 'history', intent: { type: 'showHistory' } },
    { key: '2', label: 'projection', intent: { type: 'showProjection' } },
    {
      key: '3',
      label: 'print',
      intent: { type: 'printReceipt' },
      unavailable: (facts) => printAvailability(facts.devices).reason,
    },
  ],
  anotherTransaction: [
    { key: '1', label: 'yes', intent: { type: 'answer', yes: true } },
    { key: '2', label: 'no', intent: { type: 'answer', yes: false } },
  ],
  projection: [
    { key: '1', label: 'changeWage', intent: { type: 'editProjection', field: 'wage' } },
    {
      key: '2',
      label: 'changeYears',
      intent: { type: 'editProjection', field: 'years' },
      offered: (facts) => facts.yearsChangeable,
    },
  ],
  // On the 12-key pad 4 is left of 5 and 6 right of it: newer months, older months.
  history: [
    {
      key: '4',
      label: 'historyPrevious',
      intent: { type: 'historyPage', direction: 'previous' },
      offered: historyPaged,
      unavailable: (facts) => (facts.historyPage.number <= 1 ? 'newestPage' : null),
    },
    {
      key: '6',
      label: 'historyNext',
      intent: { type: 'historyPage', direction: 'next' },
      offered: historyPaged,
      unavailable: (facts) =>
        facts.historyPage.number >= facts.historyPage.count ? 'oldestPage' : null,
    },
  ],
  historyFailed: [{ key: '1', label: 'historyRetry', intent: { type: 'retryHistory' } }],
};

function itemView(item: MenuItemDefinition, facts: MenuFacts): MenuItemView {
  const intent = typeof item.intent === 'function' ? item.intent(facts) : item.intent;
  const reason = item.unavailable?.(facts) ?? null;
  return reason === null
    ? { key: item.key, intent, label: item.label, enabled: true }
    : { key: item.key, intent, label: item.label, enabled: false, reason };
}

/** The menu as the view carries it: the items that apply, each enabled or with why not. */
export function menuView(name: MenuName, facts: MenuFacts): MenuView {
  return {
    name,
    items: MENUS[name]
      .filter((item) => item.offered?.(facts) ?? true)
      .map((item) => itemView(item, facts)),
  };
}

/** The intent a pin-pad digit stands for in this menu; null when no enabled item has that key. */
export function intentForKey(name: MenuName, digit: string, facts: MenuFacts): Intent | null {
  const item = menuView(name, facts).items.find((i) => i.key === digit && i.enabled);
  return item?.intent ?? null;
}
