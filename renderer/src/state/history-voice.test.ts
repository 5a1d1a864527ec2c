import { describe, expect, it } from 'vitest';
import type { HistoryView, SessionView } from '../../../core/common/api';
import { attractView } from '../../../core/common/api/attract-view.test-helper';
import { messagesFor } from '../i18n/i18n';
import { historyFailedMenu, historyMenu } from './menu-view.test-helper';
import { nextUtterance, SILENT, type Utterance, type VoiceMemory } from './voice-script';

const paid = (month: string) => ({ month, paid: true, jht: 285_000, jp: 150_000 });

function historyAt(number: number, overrides: Partial<HistoryView> = {}): Partial<SessionView> {
  return {
    screen: 'history',
    voice: { on: true, repeat: 0 },
    menu: overrides.failed
      ? historyFailedMenu()
      : overrides.loading
        ? null
        : historyMenu(number, 4),
    history: {
      rows: [paid('2026-10'), { month: '2026-09', paid: false, jht: 0, jp: 0 }],
      page: { number, count: 4 },
      newestMonth: '2026-10',
      oldestMonth: '2026-09',
      spanMonths: 24,
      missingMonths: ['2026-09'],
      loading: false,
      failed: false,
      ...overrides,
    },
  };
}

const loading = historyAt(1, { rows: [], newestMonth: null, oldestMonth: null, loading: true });
const failed = historyAt(1, { rows: [], newestMonth: null, oldestMonth: null, failed: true });

function script(language: 'id' | 'en', ...views: Array<Partial<SessionView>>): string[] {
  let memory: VoiceMemory = SILENT;
  return views.map((overrides, i) => {
    const view = attractView(i + 1, { language, ...overrides });
    const [next, utterance]: [VoiceMemory, Utterance] = nextUtterance(
      memory,
      view,
      messagesFor(language),
    );
    memory = next;
    return 'text' in utterance ? utterance.text : utterance.kind;
  });
}

describe('what voice guidance says on the contribution history', () => {
  it("reads the page's months, each month's JHT and JP, and the keys that page from here", () => {
    const [first, middle, last] = [
      script('id', historyAt(1))[0],
      script('id', historyAt(2))[0],
      script('en', historyAt(4))[0],
    ];
    expect(first).toBe(
      'Rincian Iuran. Oktober 2026 sampai September 2026, terbaru di atas · halaman 1 dari 4. ' +
        'Oktober 2026: JHT 285.000 rupiah, JP 150.000 rupiah. September 2026: tidak ada iuran. ' +
        '6: Berikutnya, bulan lebih lama.',
    );
    expect(middle).toContain('4: Sebelumnya, bulan lebih baru. 6: Berikutnya, bulan lebih lama.');
    expect(last).toContain('October 2026: JHT 285,000 rupiah, JP 150,000 rupiah.');
    expect(last).toContain('4: Previous, newer months.');
    expect(last).not.toContain('6: Next');
  });

  it('says each new page, the loading, a failure with the key to try again, and the rows after', () => {
    const said = script('id', historyAt(1), historyAt(2), historyAt(2), loading, failed, loading);
    expect(said[1]).toContain('halaman 2 dari 4');
    expect(said[2]).toBe('none');
    expect(said[3]).toBe('Rincian Iuran. Memuat rincian iuran…');
    expect(said[4]).toBe(
      'Rincian Iuran. Rincian iuran tidak dapat dimuat saat ini. ' +
        'Coba lagi sekarang, atau kembali ke saldo. 1: Coba Lagi.',
    );
    expect(said[5]).toBe('Rincian Iuran. Memuat rincian iuran…');
  });
});
