import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe.ts';

/**
 * The in-page axe run (support/axe.ts) that the screen checks rely on finds what it should:
 * nothing on a clean page, the broken rule on a broken one, and again after a navigation has
 * thrown the injected axe away. No kiosk runs here, only page.setContent.
 */
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><main>${body}</main></body></html>`;

test('a clean page has no violations', async ({ page: p }) => {
  await p.setContent(page('<h1>Saldo</h1><button>Lanjut</button>'));
  expect(await axeViolations(p)).toEqual([]);
});

test('a button without a name and grey-on-white text are found, also after a navigation', async ({
  page: p,
}) => {
  const broken = page(
    '<h1>Saldo</h1><button></button><p style="color: #bbb; background: #fff">Rp 1.000</p>',
  );
  await p.setContent(broken);
  const ids = async () => (await axeViolations(p)).map((v) => v.id).sort();
  expect(await ids()).toEqual(['button-name', 'color-contrast']);
  await p.goto('about:blank');
  await p.setContent(broken);
  expect(await ids()).toEqual(['button-name', 'color-contrast']);
});
