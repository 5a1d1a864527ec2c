import { describe, expect, it } from 'vitest';
import { attractView } from '../../../core/common/api/attract-view.test-helper';
import { messagesFor } from '../i18n/i18n';
import { nextUtterance, SILENT } from '../state/voice-script';

/** Words a person hears as "confirm / go on": no delete key may carry one (issue 11). */
const CONFIRM = /\b(koreksi|correct|benar|ok|oke|konfirmasi|confirm|lanjut|continue|enter)\b/i;

const expected = {
  id: { one: /\b1 angka\b/, all: /\bsemua angka\b/, arrow: 'tombol panah kiri' },
  en: { one: /\b1 digit\b/, all: /\ball digits\b/, arrow: 'the left-arrow key' },
} as const;

for (const language of ['id', 'en'] as const) {
  const t = messagesFor(language);
  const want = expected[language];

  describe(`the keypad's keys as screen readers and voice guidance name them (${language})`, () => {
    it('one key deletes one digit and one clears them all: two different names, neither heard as "confirm"', () => {
      expect(t.keyBackspaceName).toMatch(want.one);
      expect(t.keyClearName).toMatch(want.all);
      for (const text of [t.keyBackspace, t.keyBackspaceName, t.keyClear, t.keyClearName])
        expect(text).not.toMatch(CONFIRM);
      // The name a screen reader or voice control uses contains what the key shows (WCAG 2.5.3).
      expect(t.keyBackspaceName.toLowerCase()).toContain(t.keyBackspace.toLowerCase());
      expect(t.keyClearName.toLowerCase()).toContain(t.keyClear.toLowerCase());
    });

    it('no two buttons of an entry step share a name', () => {
      const digits = Array.from({ length: 10 }, (_, digit) => String(digit));
      const names = [...digits, t.keyBackspaceName, t.keyClearName, t.next, t.cancel, t.back];
      expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    });

    it("voice guidance names the pin pad's Clear key by its raised left arrow, and says it clears every digit", () => {
      const view = attractView(1, {
        screen: 'enterKpj',
        language,
        entry: { field: 'kpj', display: '', length: 0, maxLength: 11, complete: false },
        voice: { on: true, repeat: 0 },
      });
      const [, said] = nextUtterance(SILENT, view, t);
      expect(said.kind).toBe('start');
      const text = (said as { text: string }).text;
      expect(text).toContain(want.arrow);
      expect(text).toMatch(want.all);
      expect(text).not.toMatch(/koreksi|correct/i);
    });
  });
}
