import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../../core/common/api';
import { DEFAULT_BRANDING } from '../../../core/common/api';
import { attractView } from '../../../core/common/api/attract-view.test-helper';
import { messagesFor } from '../i18n/i18n';
import {
  attractMenu,
  anotherTransactionMenu,
  balanceWithPrinter,
} from '../state/menu-view.test-helper';
import { spokenPrintOption, spokenRupiah, spokenText } from './spoken-text';

describe('spoken amounts', () => {
  it('groups digits the way the voice of each language reads them, and says "rupiah"', () => {
    expect(spokenRupiah(33_146_852, 'id')).toBe('33.146.852 rupiah');
    expect(spokenRupiah(33_146_852, 'en')).toBe('33,146,852 rupiah');
    expect(spokenRupiah(999.6, 'id')).toBe('1.000 rupiah');
  });
});

describe('what voice guidance says', () => {
  const balanceView = (
    printer: Parameters<typeof balanceWithPrinter>[0],
    language: 'id' | 'en' = 'id',
    printKey = '3',
  ) =>
    attractView(1, {
      screen: 'balance',
      language,
      ...balanceWithPrinter(printer, printKey),
      balance: {
        jht: { closingBalance: 33_146_852 },
        membershipStatus: 'active',
      } as unknown as SessionView['balance'],
    });

  it('reads the balance and the numbered menu, with printing when the printer is ready', () => {
    const text = spokenText(messagesFor('id'), balanceView('ready'));
    expect(text).toContain('Saldo JHT: 33.146.852 rupiah');
    expect(text).toMatch(
      /angkanya pada keypad\. 1: Rincian Iuran\. 2: Simulasi JHT\. 3: Cetak Struk\.$/,
    );
  });

  it("says the menu's numbers as the brain's view gives them, not numbers of its own", () => {
    const text = spokenText(messagesFor('id'), balanceView('paperLow', 'id', '7'));
    expect(text).toContain('7: Cetak Struk.');
    expect(text).not.toContain('3: Cetak Struk');
  });

  it('says what JHT is right after the balance, as the screen does', () => {
    const text = spokenText(messagesFor('en'), balanceView('ready', 'en'));
    expect(text).toContain(
      "JHT balance: 33,146,852 rupiah. JHT (old-age savings): your and your employer's contributions",
    );
  });

  it('says why printing is not offered instead of offering it', () => {
    const text = spokenText(messagesFor('en'), balanceView('paperOut', 'en'));
    expect(text).toContain('33,146,852 rupiah');
    expect(text).not.toContain('Print receipt');
    expect(text).toContain(
      '1: Contribution details. 2: JHT projection. A receipt cannot be printed right now: The receipt paper has run out.',
    );
    expect(spokenPrintOption(messagesFor('en'), balanceView('coverOpen', 'en'))).toBe(
      'A receipt cannot be printed right now: The printer cover is open.',
    );
  });

  it('says nothing of printing on a kiosk without a printer', () => {
    const text = spokenText(messagesFor('en'), balanceView('absent', 'en'));
    expect(text).toMatch(/1: Contribution details\. 2: JHT projection\.$/);
    expect(spokenPrintOption(messagesFor('en'), balanceView('absent', 'en'))).toBe('');
  });

  it('asks about another transaction with the numbers of its menu', () => {
    const view = attractView(1, { screen: 'anotherTransaction', menu: anotherTransactionMenu() });
    expect(spokenText(messagesFor('id'), view)).toMatch(/ 1: Ya\. 2: Tidak\.$/);
  });

  it('tells a person on the start screen which keys do what', () => {
    expect(
      spokenText(messagesFor('en'), attractView(1, { language: 'en', menu: attractMenu() })),
    ).toContain(
      'With the keypad: Enter to start, 1 Bahasa Indonesia, 2 English, 3 Voice guidance on / off, # repeat, * switch language.',
    );
  });

  it("says a bank's own start title, and no language switch where the theme offers one", () => {
    const view = attractView(1, {
      language: 'en',
      menu: { name: 'attract', items: attractMenu().items.filter((i) => i.key === '3') },
      branding: {
        ...DEFAULT_BRANDING,
        bankName: 'Bank Contoh',
        languages: ['en'],
        attract: { en: { title: 'Bank Contoh balance check', subtitle: 'Free for members.' } },
      },
    });
    const spoken = spokenText(messagesFor('en'), view);
    expect(spoken).toMatch(/^Bank Contoh balance check\. /);
    expect(spoken).toContain('Enter to start, 3 Voice guidance on / off, # repeat.');
    expect(spoken).not.toContain('switch language');
  });

  it('warns of the time-out, and says how to get more time', () => {
    const view = attractView(1, {
      screen: 'balance',
      language: 'en',
      idle: { secondsLeft: 18, warning: true },
    });
    expect(spokenText(messagesFor('en'), view)).toBe(
      'Time is almost up. Your session ends in 18 seconds. Press Enter for more time.',
    );
  });

  it('says a rejected card on the start screen, and confirms a card read without its digits', () => {
    const t = messagesFor('id');
    expect(spokenText(t, attractView(1, { error: { code: 'cardNotKpj' } }))).toMatch(
      /^Ini bukan kartu BPJS Ketenagakerjaan\./,
    );
    const read = spokenText(
      t,
      attractView(1, {
        screen: 'loading',
        identity: { maskedKpj: '*******2128', method: 'card' },
      }),
    );
    expect(read).toBe('Kartu terbaca. Mohon tunggu, transaksi sedang diproses');
    expect(read).not.toContain('2128');
  });

  it('says what an incomplete entry is missing, in the field on screen', () => {
    const view = attractView(1, {
      screen: 'enterBirthDate',
      entry: {
        field: 'birthDate',
        display: '29-02-____',
        length: 4,
        maxLength: 8,
        complete: false,
      },
      error: { code: 'entryIncomplete', missingDigits: 4 },
    });
    expect(spokenText(messagesFor('en'), { ...view, language: 'en' })).toContain(
      'The date of birth is not complete: 4 more digits (day, month, year).',
    );
  });
});
