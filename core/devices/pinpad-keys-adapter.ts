import type { PinPad } from '../../devices/pinpad/pinpad';
import type { Intent } from '../common/api';
import type { AdapterLogger, BrainPort } from './brain-port';

/** What the key wiring uses of any pin pad. */
export type KeyPad = Pick<PinPad, 'status' | 'on' | 'dataEntry' | 'cancel'>;

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
 * Keeps a plain data entry open on the pin pad while the brain's step takes keys (its
 * `takesKeys` tag), and forwards each key press as an intent. The brain keeps the entry buffer; the
 * pad's own result is not used. Entries end on enter / cancel and are re-armed at once.
 */
export function wirePinPadKeys(
  brain: BrainPort,
  pad: KeyPad,
  logger: AdapterLogger,
  options: {
    entryTimeoutMs?: number;
    retryDelayMs?: number;
    /** FDK number -> the pin pad key it stands for (an ATM's keys beside the screen). */
    fdks?: Partial<Record<string, string>>;
  } = {},
): () => void {
  const entryTimeoutMs = options.entryTimeoutMs ?? 120_000;
  const retryDelayMs = options.retryDelayMs ?? 500;
  let stopped = false;
  let active = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const wanted = () => !stopped && brain.view().step.takesKeys && pad.status().device === 'online';

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
    if (event.type === 'fdkPressed') {
      const key = options.fdks?.[String(event.fdk)];
      const intent = key ? intentForKey(key) : null;
      if (intent) brain.dispatch(intent);
      return;
    }
    if (event.type !== 'keyPressed' || event.mode !== 'plain') return;
    const intent = intentForKey(event.key);
    if (!intent) return;
    // Key names only: digits reach the brain, never the log.
    brain.dispatch(intent);
  });
  const offView = brain.subscribe(() => {
    if (wanted()) arm();
    else if (active && !brain.view().step.takesKeys) pad.cancel();
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
