import type { MenuName, Screen } from '../common/api';
import type { FixedField } from './entry-field';

/**
 * What a state tells the adapters and the view, so no list of step names lives outside the
 * machine: `takesKeys` (the pin pad's keys drive it), `identifying` (a card or scan identifies
 * the person here), `resting` (nobody is served: no idle countdown, no session to end), `vacant`
 * (the start screen: nobody there, so a technician may come in), `showsIdentity` (the masked KPJ
 * of the person being identified or verified is on screen), `offersRetry` (an error screen after
 * which the person may try again, while the kiosk serves).
 */
export type StepTag =
  | 'takesKeys'
  | 'identifying'
  | 'resting'
  | 'vacant'
  | 'showsIdentity'
  /** An error after which the person may try again (while the kiosk serves). */
  | 'offersRetry';

/** Each leaf state's `meta`: the screen it shows and, where the person types, the field. */
export interface StepMeta {
  screen: Screen;
  field?: FixedField | 'projection';
  /** The numbered menu it offers (menus.ts): the view carries it, its digits choose from it. */
  menu?: MenuName;
}
