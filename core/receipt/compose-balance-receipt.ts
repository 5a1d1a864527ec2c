import type { BalanceSummary } from '../host/host-api';
import {
  formatDateTime,
  formatIsoDate,
  formatRupiah,
  DEFAULT_TIME_ZONE,
} from '../common/domain/format';
import { maskKpj, maskName } from '../common/domain/mask';
import { job, type PrintJob } from '../../devices/printer/print-job';
import { timeZoneLabel } from '../common/domain/time-zone-label';
import { ORGANISATION, RECEIPT_TEXTS, type ReceiptLanguage } from './receipt-texts';

export interface BalanceReceiptInput {
  summary: BalanceSummary;
  terminalId: string;
  reference: string;
  printedAt: Date;
  language: ReceiptLanguage;
  timeZone?: string;
  /**
   * Characters per line of the printer that prints (its capabilities, never assumed here);
   * below 40 the header prints in normal size so it does not wrap.
   */
  columns: number;
  /** The partner bank's lines (config `theme.receipt`), above and below the kiosk's own text. */
  bankLines?: { header: readonly string[]; footer: readonly string[] };
}

/**
 * The balance receipt. Only what the participant needs to keep: masked KPJ (last 4 digits),
 * partly masked name, status and the JHT figures. Never NIK, birth date, phone or full KPJ:
 * the summary is used field by field, never spread, so new host fields cannot leak onto paper.
 */
export function composeBalanceReceipt(input: BalanceReceiptInput): PrintJob {
  const t = RECEIPT_TEXTS[input.language];
  const { participant, jht } = input.summary;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const money = (amount: number) => formatRupiah(amount, 'id-ID');
  const bankLines = (lines: readonly string[] = []) =>
    lines.map((line) => job.text(line, { align: 'center' }));
  return {
    name: 'balance-receipt',
    elements: [
      job.text(ORGANISATION, {
        bold: true,
        size: input.columns >= ORGANISATION.length * 2 ? 'double' : 'normal',
        align: 'center',
      }),
      ...bankLines(input.bankLines?.header),
      job.text(t.title, { bold: true, align: 'center' }),
      job.rule('double'),
      job.keyValue(t.terminal, input.terminalId),
      job.keyValue(
        t.dateTime,
        `${formatDateTime(input.printedAt, timeZone)} ${timeZoneLabel(timeZone, input.printedAt)}`,
      ),
      job.keyValue(t.reference, input.reference),
      job.rule(),
      job.keyValue(t.kpj, maskKpj(participant.kpj)),
      job.keyValue(t.name, maskName(participant.name)),
      job.keyValue(
        t.membershipStatus,
        participant.membershipStatus === 'active' ? t.active : t.inactive,
      ),
      job.rule(),
      job.text(`${t.balanceAsOf} ${formatIsoDate(jht.asOf)}`, { bold: true }),
      job.keyValue(t.openingBalance, money(jht.openingBalance)),
      job.keyValue(t.employerContributions, money(jht.employerContributions)),
      job.keyValue(t.workerContributions, money(jht.workerContributions)),
      job.keyValue(t.developmentReturns, money(jht.developmentReturns)),
      job.rule(),
      job.keyValue(t.closingBalance, money(jht.closingBalance), true),
      job.rule('double'),
      job.qr(input.reference),
      job.text(t.qrCaption, { align: 'center' }),
      job.feed(1),
      job.text(t.disclaimer, { align: 'center' }),
      job.text(t.callCentre, { align: 'center' }),
      job.text(t.thanks, { bold: true, align: 'center' }),
      ...bankLines(input.bankLines?.footer),
      job.cut(),
    ],
  };
}
