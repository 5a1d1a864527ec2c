import {
  checkShippedLines,
  NOTHING_HELD,
  type HeldHead,
  type ShippedCheck,
} from '../../core/journal/shipped-chain';

/**
 * The journals terminals shipped, in memory (a restart forgets them, as it forgets anchors):
 * per terminal every line from seq 1 on, verbatim, each checked before any is stored.
 */
export class JournalStore {
  private readonly journals = new Map<string, { lines: string[]; head: HeldHead }>();

  headOf(terminalId: string): HeldHead {
    return this.journals.get(terminalId)?.head ?? NOTHING_HELD;
  }

  /** Every line the terminal shipped, in seq order (seq n at index n - 1). */
  linesOf(terminalId: string): readonly string[] {
    return [...(this.journals.get(terminalId)?.lines ?? [])];
  }

  /**
   * Checks a batch against what the terminal shipped before, and against the journal anchor it
   * sent (a record at the anchor's seq must have the anchor's hash); stores its new lines when
   * it passes.
   */
  receive(terminalId: string, lines: readonly string[], anchor?: HeldHead): ShippedCheck {
    const held = this.journals.get(terminalId) ?? { lines: [], head: NOTHING_HELD };
    const check = checkShippedLines(held.head, (seq) => held.lines[seq - 1], lines, terminalId);
    if (!check.ok || check.fresh.length === 0) return check;
    const firstSeq = check.head.seq - check.fresh.length + 1;
    const anchored = anchor ? check.fresh[anchor.seq - firstSeq] : undefined;
    if (anchor && anchored && (JSON.parse(anchored) as HeldHead).hash !== anchor.hash)
      return { ok: false, status: 409, reason: `seq ${anchor.seq} differs from its anchor` };
    held.lines.push(...check.fresh);
    this.journals.set(terminalId, { lines: held.lines, head: check.head });
    return check;
  }

  clear(): void {
    this.journals.clear();
  }
}
