import type { HistoryView } from '../common/api';
import type { BalanceSummary, ContributionRow } from '../host/host-api';

/** Months of contribution history the kiosk asks the host for and pages through. */
export const HISTORY_MONTHS = 24;

/**
 * Months on one page of the history: what fits without scrolling on the smallest display the
 * kiosk runs on (800x600, with the header, the title and the action bar).
 */
export const HISTORY_PAGE_SIZE = 6;

/** `YYYY-MM` months from `end` back `count` months, newest first. */
export function monthsBack(end: string, count: number): string[] {
  const [year, month] = end.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    const index = year * 12 + (month - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/**
 * Every month the history covers, newest first: the last 24 up to the statement month, or, for
 * an inactive member, up to the last month anything was paid (as the host's window does), so
 * their last contributions are shown rather than two years of nothing. Never before the
 * membership started.
 */
export function historyMonths(summary: BalanceSummary): string[] {
  const { participant, jht } = summary;
  const statementMonth = jht.asOf.slice(0, 7);
  const end =
    participant.membershipStatus === 'inactive'
      ? (participant.lastContributionMonth ?? statementMonth)
      : statementMonth;
  return monthsBack(end, HISTORY_MONTHS).filter((month) => month >= participant.membershipStart);
}

export function historyPageCount(summary: BalanceSummary): number {
  return Math.ceil(historyMonths(summary).length / HISTORY_PAGE_SIZE);
}

/**
 * One page of the history as the screen shows it: every month of the page, the ones without a
 * contribution too, with JHT and JP each as employer + worker (several rows of one month, as
 * arrears come, add up).
 */
export function historyPageView(
  summary: BalanceSummary,
  rows: ContributionRow[] | null,
  pageIndex: number,
  failed: boolean,
): HistoryView {
  const months = historyMonths(summary);
  const count = Math.ceil(months.length / HISTORY_PAGE_SIZE);
  const base = { loading: rows === null && !failed, failed, spanMonths: months.length };
  if (rows === null || count === 0)
    return {
      ...base,
      rows: [],
      page: { number: 1, count },
      newestMonth: null,
      oldestMonth: null,
      missingMonths: [],
    };
  const paid = new Map<string, { jht: number; jp: number }>();
  for (const row of rows) {
    const sum = paid.get(row.month) ?? { jht: 0, jp: 0 };
    paid.set(row.month, {
      jht: sum.jht + row.jhtEmployer + row.jhtWorker,
      jp: sum.jp + row.jpEmployer + row.jpWorker,
    });
  }
  const index = Math.min(Math.max(pageIndex, 0), count - 1);
  const shown = months.slice(index * HISTORY_PAGE_SIZE, (index + 1) * HISTORY_PAGE_SIZE);
  return {
    ...base,
    rows: shown.map((month) => {
      const amounts = paid.get(month);
      return amounts ? { month, paid: true, ...amounts } : { month, paid: false, jht: 0, jp: 0 };
    }),
    page: { number: index + 1, count },
    newestMonth: shown[0]!,
    oldestMonth: shown.at(-1)!,
    missingMonths: months.filter((month) => !paid.has(month)),
  };
}

/** The page index after "previous" (newer months) or "next" (older); it stays put at either end. */
export function turnHistoryPage(
  pageIndex: number,
  direction: 'previous' | 'next',
  pageCount: number,
): number {
  const wanted = pageIndex + (direction === 'next' ? 1 : -1);
  return wanted < 0 || wanted >= pageCount ? pageIndex : wanted;
}
