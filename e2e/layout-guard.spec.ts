import { expect, test } from '@playwright/test';
import { measureLayout } from './support/layout-guard.ts';

/**
 * The layout guard's own checks bite: each synthetic page breaks one rule, and measureLayout
 * reports that (and nothing on the clean page). No kiosk runs here, only page.setContent.
 */
test.use({ viewport: { width: 800, height: 600 } });

const page = (body: string) => `<!doctype html><html lang="en"><head><style>
  body { margin: 0; font: 20px/1.4 sans-serif; }
  .card { width: 200px; padding: 10px; border: 2px solid #333; background: #fff; }
  .logo { display: inline-block; width: 40px; height: 40px; border-radius: 50%; background: #080; }
</style></head><body>${body}</body></html>`;

const cleanCard = `<div class="card"><p>Saldo</p><dd><span data-amount>Rp 1.000</span></dd></div>`;
const cleanLogo = `<span class="logo" data-logo aria-hidden="true"></span>`;
const cleanSvg = `<svg width="48" height="32" viewBox="0 0 96 64" aria-hidden="true"><rect width="96" height="64"/></svg>`;

test('a clean page has no problems', async ({ page: p }) => {
  await p.setContent(page(`${cleanLogo}${cleanCard}${cleanSvg}<p>Short text</p>`));
  expect(await measureLayout(p)).toEqual([]);
});

test('an amount spilling out of its card is reported, and its cell as too narrow', async ({
  page: p,
}) => {
  await p.setContent(
    page(
      `<div class="card"><p>Saldo</p><p class="sum"><span data-amount style="white-space: nowrap">Rp 123.456.789.012.345</span></p></div>`,
    ),
  );
  const kinds = (await measureLayout(p)).map((problem) => problem.kind);
  expect(kinds).toContain('amount outside its box');
  // The <p> holds only the amount's inline <span>: it is measured as a text container now.
  expect(kinds).toContain('content wider than its box');
});

test('text cut at the bottom by a box of fixed height is reported', async ({ page: p }) => {
  await p.setContent(
    page(
      `<p style="width: 200px; height: 28px; overflow: hidden">A sentence long enough to wrap onto three lines here</p>`,
    ),
  );
  expect(await measureLayout(p)).toEqual([
    expect.objectContaining({ kind: 'content taller than its box' }),
  ]);
});

test('a logo squeezed into an oval is reported', async ({ page: p }) => {
  await p.setContent(page(`<span class="logo" data-logo style="width: 28px"></span>`));
  expect(await measureLayout(p)).toEqual([
    expect.objectContaining({ kind: 'logo out of shape', detail: '28.0 x 40.0 px' }),
  ]);
});

test('an svg partly off screen is reported', async ({ page: p }) => {
  await p.setContent(page(`<div style="margin-left: 780px; width: 48px">${cleanSvg}</div>`));
  const problems = await measureLayout(p);
  expect(problems.filter((problem) => problem.kind === 'picture outside the viewport')).toEqual([
    expect.objectContaining({ target: expect.stringContaining('svg') }),
  ]);
});
