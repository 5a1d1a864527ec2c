import { describe, expect, it } from 'vitest';
import { attractView } from '../../../core/common/api/attract-view.test-helper';
import type { SessionView } from '../../../core/common/api';
import { messagesFor } from '../i18n/i18n';
import { balanceWithPrinter } from './menu-view.test-helper';
import {
  lostConnectionUtterance,
  nextUtterance,
  SILENT,
  type VoiceMemory,
  type Utterance,
} from './voice-script';

const t = messagesFor('id');
const on = (repeat = 0) => ({ voice: { on: true, repeat } });
const kpjEntry = (length: number): Partial<SessionView> => ({
  screen: 'enterKpj',
  entry: { field: 'kpj', display: '', length, maxLength: 11, complete: length === 11 },
});

/** Feeds views one after another, as the UI receives them, and collects what is said. */
function script(...views: Array<Partial<SessionView>>): Utterance[] {
  let memory: VoiceMemory = SILENT;
  return views.map((overrides, i) => {
    const [next, utterance] = nextUtterance(memory, attractView(i + 1, overrides), t);
    memory = next;
    return utterance;
  });
}

describe('what voice guidance says', () => {
  it('says nothing while it is off, the whole prompt when it is turned on', () => {
    const said = script({}, kpjEntry(0), { ...kpjEntry(0), ...on() });
    expect(said[0]).toEqual({ kind: 'none' });
    expect(said[1]).toEqual({ kind: 'none' });
    expect(said[2]).toMatchObject({ kind: 'start' });
    expect((said[2] as { text: string }).text).toMatch(/^Masukkan Nomor KPJ/);
  });

  it('says only the digit count while a KPJ is typed, never a digit', () => {
    const said = script(
      { ...kpjEntry(0), ...on() },
      { ...kpjEntry(1), ...on() },
      { ...kpjEntry(2), ...on() },
      { ...kpjEntry(2), ...on() },
    );
    expect(said.slice(1)).toEqual([
      { kind: 'say', text: '1 dari 11 digit' },
      { kind: 'say', text: '2 dari 11 digit' },
      { kind: 'none' },
    ]);
  });

  it('says the prompt again on repeat, the thank-you to the end, and stops when turned off', () => {
    const said = script(
      { ...kpjEntry(3), ...on() },
      { ...kpjEntry(3), ...on(1) },
      { screen: 'thankYou', ...on(1) },
      { screen: 'attract' },
    );
    expect(said[1]).toMatchObject({ kind: 'start' });
    expect(said[2]).toEqual({ kind: 'sayLast', text: 'Terima kasih' });
    expect(said[3]).toEqual({ kind: 'off' });
  });

  it('reads the idle warning out when it appears', () => {
    const said = script(
      { ...kpjEntry(3), ...on() },
      { ...kpjEntry(3), ...on(), idle: { secondsLeft: 20, warning: true } },
    );
    expect(said[1]).toEqual({
      kind: 'say',
      text: 'Waktu hampir habis. Sesi akan berakhir dalam 20 detik. Tekan Enter untuk menambah waktu.',
    });
  });

  it('says when the printer runs out while the balance is shown, and when it is back', () => {
    const balance = (printer: Parameters<typeof balanceWithPrinter>[0]): Partial<SessionView> => ({
      screen: 'balance',
      ...on(),
      ...balanceWithPrinter(printer),
    });
    const said = script(
      balance('ready'),
      balance('paperOut'),
      balance('paperOut'),
      balance('ready'),
      balance('paperLow'),
    );
    expect(said[1]).toEqual({
      kind: 'say',
      text: 'Struk tidak dapat dicetak saat ini: Kertas struk habis.',
    });
    expect(said[2]).toEqual({ kind: 'none' });
    expect(said[3]).toEqual({ kind: 'say', text: '3: Cetak Struk.' });
    // Still printing, paper low: nothing new to offer.
    expect(said[4]).toEqual({ kind: 'none' });
  });

  it('says the service is interrupted when the brain goes away with voice on, then starts over', () => {
    const [spoken] = nextUtterance(SILENT, attractView(1, { ...kpjEntry(4), ...on() }), t);
    const [memory, said] = lostConnectionUtterance(spoken, t);
    expect(said).toEqual({
      kind: 'sayLast',
      text: 'Layanan terputus sebentar. Data Anda sudah dihapus dari layar. Mohon tunggu, kios sedang menyambung kembali.',
    });
    // The brain that comes back (or the one that kept the session) is read out in full.
    expect(nextUtterance(memory, attractView(2, { ...kpjEntry(4), ...on() }), t)[1]).toMatchObject({
      kind: 'start',
    });
    expect(lostConnectionUtterance(SILENT, t)[1]).toEqual({ kind: 'none' });
  });

  it('says a card that is no BPJS card on the start screen as soon as it is presented', () => {
    const said = script(on(), { ...on(), error: { code: 'cardNotKpj' } }, on());
    expect(said[1]).toMatchObject({ kind: 'say' });
    expect((said[1] as { text: string }).text).toMatch(/^Ini bukan kartu BPJS Ketenagakerjaan\./);
    // Gone from the screen: the start screen's prompt again.
    expect((said[2] as { text: string }).text).toMatch(/^Cek Saldo JHT/);
  });
});
