import type { Completion, DeviceStatusBase, Listener } from '../../devices/common/device';
import type { Intent } from '../common/api';
import type { AdapterLogger, BrainPort } from './brain-port';

/** Screens where the pin pad's plain keys drive the flow, as the on-screen keypad does. */
const KEYPAD_SCREENS = new Set([
  // Enter starts, 1 / 2 choose the language, 3 voice guidance: a session from the pad alone.
  'attract',
  'enterKpj',
  'enterBirthDate',
  'enterOtp',
  'balance',
  'history',
  'projection',
  'printFailed',
  'takeReceipt',
  'anotherTransaction',
  'error',
  'locked',
  'thankYou',
]);

type KeyEvent = { type: string; mode?: string; key?: string };

export interface PinPadLike {
  status(): DeviceStatusBase;
  on(listener: Listener<KeyEvent>): () => void;
  dataEntry(options: { maxLength: number; timeoutMs: number }): Promise<Completion<unknown>>;
  cancel(): void;
}

const FUNCTION_INTENTS: Record<string, Intent> = {
  enter: { type: 'enter' },
  clear: { type: 'clear' },
  backspace: { type: 'backspace' },
  cancel: { type: 'cancel' },
};

/** Plain key name -> the intent the on-screen keypad would send. */
export function intentForKey(key: string): Intent | null {
  if (/^\d$/.test(key)) return { type: 'digit', digit: key };
  return FUNCTION_INTENTS[key] ?? null;
}

/**
 * Keeps a plain data entry open on the pin pad while the brain shows a screen that takes
 * keys, and forwards each key press as an intent. The brain keeps the entry buffer; the
 * pad's own result is not used. Entries end on enter / cancel and are re-armed at once.
 */
export function wirePinPadKeys(
  brain: BrainPort,
  pad: PinPadLike,
  logger: AdapterLogger,
  options: { entryTimeoutMs?: number; retryDelayMs?: number } = {},
): () => void {
  const entryTimeoutMs = options.entryTimeoutMs ?? 120_000;
  const retryDelayMs = options.retryDelayMs ?? 500;
  let stopped = false;
  let active = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const wanted = () =>
    !stopped && KEYPAD_SCREENS.has(brain.view().screen) && pad.status().device === 'online';

  const arm = () => {
    if (active || retryTimer || !wanted()) return;
    active = true;
    void pad
      .dataEntry({ maxLength: 64, timeoutMs: entryTimeoutMs })
      .then((result) => {
        active = false;
        if (result.code === 'success' || result.code === 'canceled' || result.code === 'timeOut')
          arm();
        else retryLater();
      })
      .catch(() => {
        active = false;
        retryLater();
      });
  };
  const retryLater = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      arm();
    }, retryDelayMs);
  };

  const offKeys = pad.on((event) => {
    if (event.type === 'statusChanged') {
      if (pad.status().device === 'online') arm();
      return;
    }
    if (event.type !== 'keyPressed' || event.mode !== 'plain' || !event.key) return;
    const intent = intentForKey(event.key);
    if (!intent) return;
    // Key names only: digits reach the brain, never the log.
    brain.dispatch(intent);
  });
  const offView = brain.subscribe(() => {
    if (wanted()) arm();
    else if (active && !KEYPAD_SCREENS.has(brain.view().screen)) pad.cancel();
  });
  logger.info({ device: 'pinPad' }, 'pin pad keys wired to the session');
  arm();

  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    offKeys();
    offView();
    if (active) pad.cancel();
  };
}
