import type { Page } from '@playwright/test';
import { expect, tapDigits, test } from './support/fixtures.ts';

/**
 * The keypad's two delete keys: one deletes a digit, one empties the field, and neither name can
 * be heard as "confirm" (issue 11: "Koreksi" / "Correct" next to "Hapus" / "Clear"). The symbols
 * are the pin pad's (core/common/keypad-symbols.ts; ADA 707.6.3.2: Clear is a left arrow).
 */
async function expectDeleteKeys(
  page: Page,
  keys: { one: [name: string, text: string]; all: [name: string, text: string] },
  confirmWord: RegExp,
) {
  const keypad = page.getByRole('group', { name: 'Keypad' });
  const one = keypad.getByRole('button', { name: keys.one[0], exact: true });
  const all = keypad.getByRole('button', { name: keys.all[0], exact: true });
  await expect(one).toHaveText(keys.one[1]);
  await expect(all).toHaveText(keys.all[1]);
  // Ten digits and exactly these two keys, nothing that reads as "confirm".
  await expect(keypad.getByRole('button')).toHaveCount(12);
  await expect(page.getByRole('button', { name: confirmWord })).toHaveCount(0);
  await expect(keypad).not.toContainText(confirmWord);
  return { one, all };
}

test('one key deletes the last digit and one clears the field, with names that cannot be read as "confirm", in both languages', async ({
  page,
  kiosk: _kiosk,
}) => {
  await page.getByRole('button', { name: 'Mulai' }).click();
  await tapDigits(page, '1234');
  const id = await expectDeleteKeys(
    page,
    { one: ['Hapus 1 angka', '⌫ Hapus 1'], all: ['Hapus semua angka', '← Hapus Semua'] },
    /Koreksi/,
  );
  const value = page.getByTestId('entry-value');
  await id.one.click();
  await expect(value).toHaveText('123________');
  await id.all.click();
  await expect(value).toHaveText('___________');

  // `*` switches the language at any step; the keys are named in English then.
  await tapDigits(page, '98');
  await page.keyboard.press('*');
  await expect(page.getByRole('heading', { name: 'Enter your KPJ number' })).toBeVisible();
  const en = await expectDeleteKeys(
    page,
    { one: ['Delete 1 digit', '⌫ Delete 1'], all: ['Clear all digits', '← Clear all'] },
    /Correct/,
  );
  await en.one.click();
  await expect(value).toHaveText('9__________');
  await en.all.click();
  await expect(value).toHaveText('___________');
});
