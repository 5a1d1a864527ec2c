import type { ScanMessage } from './scan-messages';
import { MAX_LINE } from './serial-lines';
import { stripAimIdentifier } from './symbology';
import { isEnterKey, typedCharacter, type WedgeKey } from './us-keyboard';

/** One key press as a keyboard-wedge decoder saw it. */
export interface KeyPress {
  /** Undefined: a key the kiosk does not read (F-keys, arrows, Tab, a non-US key, ...). */
  key: WedgeKey | undefined;
  shift: boolean;
  /** Ctrl, Alt or the Windows key held: the scanner is sending a control code, not text. */
  otherModifier: boolean;
}

/**
 * Turns key presses into scans: characters up to Enter. A scan with a key the kiosk cannot read
 * is malformed as a whole (the reason never says which key: it could be part of the data), and
 * so is one longer than MAX_LINE characters.
 */
export class TypedScan {
  private text = '';
  /** Why the scan being typed cannot be used, once something went wrong with it. */
  private problem: string | undefined;
  private overflowing = false;

  hasPartialScan(): boolean {
    return this.text.length > 0 || this.problem !== undefined || this.overflowing;
  }

  reset(): void {
    this.text = '';
    this.problem = undefined;
    this.overflowing = false;
  }

  /** Some key events of the scan being typed never reached the kiosk. */
  keysLost(): void {
    this.problem ??= 'scan lost keys on the way (read too slowly)';
  }

  press({ key, shift, otherModifier }: KeyPress): ScanMessage | undefined {
    if (key === undefined || otherModifier) {
      this.problem ??= 'scan has keys the kiosk cannot read';
      return undefined;
    }
    if (isEnterKey(key)) return this.finish();
    if (this.overflowing) return undefined;
    this.text += typedCharacter(key, shift);
    if (this.text.length > MAX_LINE) {
      this.text = '';
      this.overflowing = true;
    }
    return undefined;
  }

  private finish(): ScanMessage | undefined {
    const { text, problem, overflowing } = this;
    this.reset();
    if (overflowing)
      return { kind: 'malformed', reason: `scan longer than ${MAX_LINE} characters` };
    if (problem) return { kind: 'malformed', reason: problem };
    if (text.length === 0) return undefined;
    const { symbology, data } = stripAimIdentifier(text);
    return { kind: 'scan', text: data, symbology };
  }
}
