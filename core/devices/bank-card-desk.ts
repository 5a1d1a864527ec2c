import type { CardReader } from '../../devices/card-reader';
import type { PinPad } from '../../devices/pinpad/pinpad';
import { cardReferenceOf, maskedPanOf } from '../common/domain/card-reference';
import type { AdapterLogger } from './brain-port';
import type { BankCardPort, PinEntryEnd } from '../session/bank-card-port';

export interface BankCardDeskOptions {
  /** ISO 9564 format 4 (AES DUKPT) by default; 0 (TDES DUKPT) where the bank asks for it. */
  pinFormat: 0 | 4;
  pinLength: { min: number; max: number };
  /** How long the PIN may take to type. */
  pinTimeoutMs: number;
}

const DEFAULTS: BankCardDeskOptions = {
  pinFormat: 4,
  pinLength: { min: 4, max: 12 },
  pinTimeoutMs: 60_000,
};

/** How long to wait for the pad's plain entry (the keys adapter's) to end before PIN entry. */
const PAD_IDLE_WAIT_MS = 5_000;
/** How long PIN entry is tried again while the pad is still busy with a plain entry. */
const PAD_FREE_WAIT_MS = 10_000;

/**
 * Holds the bank card read in the ATM profile: its number goes to the encrypting pin pad and
 * nowhere else. The card reader gives the card back or keeps it on the flow's order.
 */
export class BankCardDesk implements BankCardPort {
  private pan: string | null = null;
  private readonly options: BankCardDeskOptions;

  constructor(
    private readonly devices: {
      cardReader: Pick<CardReader, 'returnCard' | 'retainCard' | 'capabilities'>;
      pinPad: Pick<PinPad, 'pinEntry' | 'on' | 'status' | 'cancel'> | null;
    },
    private readonly logger: AdapterLogger,
    options: Partial<BankCardDeskOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** A bank card was read: keeps its number, answers what the brain may know of it. */
  hold(pan: string): { maskedPan: string } {
    this.pan = pan;
    return { maskedPan: maskedPanOf(pan) };
  }

  async enterPin(onDigits: (count: number) => void, signal: AbortSignal): Promise<PinEntryEnd> {
    const pad = this.devices.pinPad;
    const pan = this.pan;
    if (!pad || !pan || pad.status().device !== 'online')
      return { ok: false, reason: 'unavailable' };
    const off = pad.on((event) => {
      if (event.type === 'keyPressed' && event.mode === 'pin') onDigits(event.digits);
    });
    const abort = () => pad.cancel();
    signal.addEventListener('abort', abort);
    try {
      const { pinFormat, pinLength, pinTimeoutMs } = this.options;
      const deadline = Date.now() + PAD_FREE_WAIT_MS;
      let entered: Awaited<ReturnType<typeof pad.pinEntry>>;
      for (;;) {
        await this.padIdle(pad, signal);
        if (signal.aborted) return { ok: false, reason: 'canceled' };
        entered = await pad.pinEntry({
          pan,
          minLength: pinLength.min,
          maxLength: pinLength.max,
          format: pinFormat,
          timeoutMs: pinTimeoutMs,
        });
        // Refused because the keys adapter opened its plain entry again (its view of the step
        // lags while the journal is written): the pad frees up once the PIN step is shown.
        const busy = entered.code === 'deviceNotReady' && pad.status().entry !== 'idle';
        if (!busy || Date.now() > deadline) break;
      }
      if (entered.code === 'success') {
        const { format, pinBlock, ksn } = entered.value;
        return {
          ok: true,
          pin: {
            cardReference: cardReferenceOf(pan),
            format: format === 0 ? 'iso0' : 'iso4',
            pinBlock,
            ksn,
          },
        };
      }
      if (entered.code === 'canceled') return { ok: false, reason: 'canceled' };
      if (entered.code === 'timeOut') return { ok: false, reason: 'timeout' };
      // The code only: a driver's description is not for the journal or the screen.
      this.logger.warn({ device: 'pinPad', code: entered.code }, 'card PIN entry failed');
      return { ok: false, reason: 'unavailable' };
    } finally {
      off();
      signal.removeEventListener('abort', abort);
    }
  }

  async returnCard(): Promise<'taken' | 'retained' | 'failed'> {
    const result = await this.devices.cardReader.returnCard();
    if (result.code !== 'success') {
      this.logger.warn({ device: 'cardReader', code: result.code }, 'card could not be returned');
      return 'failed';
    }
    return result.value === 'retained' ? 'retained' : 'taken';
  }

  async retainCard(): Promise<'retained' | 'failed'> {
    const result = await this.devices.cardReader.retainCard();
    if (result.code === 'success' && result.value === 'retained') return 'retained';
    this.logger.warn({ device: 'cardReader', code: result.code }, 'card could not be retained');
    return 'failed';
  }

  holdsCard(): boolean {
    return this.devices.cardReader.capabilities().holdsCard;
  }

  forget(): void {
    this.pan = null;
  }

  /** The keys adapter's plain entry is canceled when PIN entry begins; wait for the pad to be free. */
  private padIdle(pad: Pick<PinPad, 'on' | 'status'>, signal: AbortSignal): Promise<void> {
    if (pad.status().entry === 'idle') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        off();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, PAD_IDLE_WAIT_MS);
      const off = pad.on((event) => {
        if (event.type === 'statusChanged' && event.status.entry === 'idle') done();
      });
      signal.addEventListener('abort', done);
    });
  }
}
