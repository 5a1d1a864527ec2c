import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, describeViolations } from './axe.ts';

/** The displays kiosks and ATMs ship with (docs: DOMAIN.md, "Common displays"). */
export const KIOSK_SIZES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 1024 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
] as const;

export interface LayoutRules {
  /**
   * The screen may scroll vertically inside its scroll container (the technician's service
   * screen, whose device table is longer than a small display). Everything else still holds:
   * nothing sideways, nothing cut, nothing under a fixed bar.
   */
  scrolls?: boolean;
  /**
   * Text (regular expression sources) that must not break across lines where it appears, such
   * as a format hint "(DD-MM-YYYY)" or "20 detik".
   */
  keepTogether?: string[];
}

/** One broken thing on one screen at one size, in words a person can act on. */
export interface LayoutProblem {
  kind:
    | 'page scrolls sideways'
    | 'screen opens scrolled'
    | 'outside the viewport'
    | 'needs scrolling'
    | 'content wider than its box'
    | 'content taller than its box'
    | 'amount outside its box'
    | 'logo out of shape'
    | 'picture outside the viewport'
    | 'cut by an ancestor'
    | 'under a fixed bar'
    | 'broken across lines';
  target: string;
  detail: string;
}

/**
 * Measures the page as it is now, at the viewport it has now. Runs in the page; returns every
 * problem found, not the first. Buttons and amounts (`[data-amount]`) must sit entirely inside
 * the viewport with the page unscrolled, and an amount inside the box it is drawn in (its card,
 * table cell or dd); text must fit its box, sideways and down, and not be cut by an ancestor's
 * overflow; nothing may lie under a fixed or sticky bar it does not belong to; pictures (svg,
 * img) must lie inside the viewport, and the logo (`[data-logo]`) must stay round.
 */
export async function measureLayout(page: Page, rules: LayoutRules = {}): Promise<LayoutProblem[]> {
  return page.evaluate((rules: LayoutRules) => {
    const problems: LayoutProblem[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const px = (n: number) => Math.round(n);
    const styles = new Map<Element, CSSStyleDeclaration>();
    const getComputedStyle = (e: Element) => {
      let style = styles.get(e);
      if (!style) styles.set(e, (style = window.getComputedStyle(e)));
      return style;
    };
    const box = (r: DOMRect) =>
      `[${px(r.left)},${px(r.top)} ${px(r.width)}x${px(r.height)}] in ${vw}x${vh}`;

    function describe(el: Element): string {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3 && e !== document.body;) {
        const testId = e.getAttribute('data-testid');
        const cls = [...e.classList].filter((c) => !c.startsWith('svelte-')).slice(0, 2);
        parts.unshift(
          e.tagName.toLowerCase() +
            (e.id ? `#${e.id}` : '') +
            (testId ? `[data-testid=${testId}]` : '') +
            (cls.length ? `.${cls.join('.')}` : ''),
        );
        e = e.parentElement;
      }
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 48);
      return `${parts.join(' > ')}${text ? ` "${text}"` : ''}`;
    }

    function shown(el: Element): boolean {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return false; // visually hidden (screen-reader only) text
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.opacity === '0' || s.clip === 'rect(0px, 0px, 0px, 0px)') return false;
      }
      return true;
    }

    /** Ancestors that cut what sticks out of them: overflow other than visible. */
    function clippers(el: Element): Element[] {
      const found: Element[] = [];
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') found.push(e);
      }
      return found;
    }

    const scrollable = (e: Element) => {
      const s = getComputedStyle(e);
      return /auto|scroll/.test(s.overflowY) || /auto|scroll/.test(s.overflowX);
    };

    // Sideways scrolling of the page, and a screen that opens already scrolled down.
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > vw)
      problems.push({
        kind: 'page scrolls sideways',
        target: 'html',
        detail: `scrollWidth ${root.scrollWidth} > viewport ${vw} by ${root.scrollWidth - vw} px`,
      });
    for (const e of [root, ...document.querySelectorAll('*')]) {
      if ((e.scrollTop > 0 || e.scrollLeft > 0) && scrollable(e))
        problems.push({
          kind: 'screen opens scrolled',
          target: describe(e),
          detail: `scrollTop ${px(e.scrollTop)}, scrollLeft ${px(e.scrollLeft)}`,
        });
    }

    // Fixed and sticky bars. One that covers most of the viewport is a modal: only what is in
    // it counts then.
    const bars = [...document.querySelectorAll('*')].filter((e) => {
      const position = getComputedStyle(e).position;
      return (position === 'fixed' || position === 'sticky') && shown(e);
    });
    const modal = bars.find((b) => {
      const r = b.getBoundingClientRect();
      return r.width * r.height >= 0.9 * vw * vh;
    });
    const inScope = (e: Element) => !modal || modal.contains(e);

    const isInline = (e: Element) => getComputedStyle(e).display.startsWith('inline');
    // A text container: text of its own, or text only in inline children (a cell holding just
    // an amount's <span>, whose own width is never measured).
    const isText = (e: Element) =>
      [...e.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      ) ||
      (e.children.length > 0 &&
        [...e.children].every(isInline) &&
        (e.textContent ?? '').trim() !== '');
    const everything = [...document.body.querySelectorAll('*')].filter(
      (e) => !(e instanceof SVGElement) && inScope(e) && shown(e),
    );
    const mustBeSeen = everything.filter(
      (e) => e instanceof HTMLButtonElement || e.hasAttribute('data-amount'),
    );
    const texts = everything.filter(isText);

    // One report per misplaced thing: what is inside an element already reported is not.
    const misplaced: Element[] = [];
    const placeProblem = (el: Element, problem: LayoutProblem) => {
      if (misplaced.some((m) => m.contains(el))) return;
      misplaced.push(el);
      problems.push(problem);
    };

    for (const el of new Set([...mustBeSeen, ...texts])) {
      const r = el.getBoundingClientRect();
      const essential = mustBeSeen.includes(el);

      // Content wider than its own box (a label or amount that does not fit). Inline boxes have
      // no client width: their block ancestor is measured instead.
      const display = getComputedStyle(el).display;
      if (display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        problems.push({
          kind: 'content wider than its box',
          target: describe(el),
          detail: `scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`,
        });
      // Text cut at the bottom by its own box (overflow hidden with a fixed or squeezed height).
      // Where overflow is visible nothing is cut: a tight line-height lets glyphs reach past the
      // line box by a pixel or two, which scrollHeight counts but a person still sees whole.
      if (
        display !== 'inline' &&
        getComputedStyle(el).overflowY !== 'visible' &&
        !(rules.scrolls && scrollable(el)) &&
        el.clientHeight > 0 &&
        el.scrollHeight > el.clientHeight + 1
      )
        problems.push({
          kind: 'content taller than its box',
          target: describe(el),
          detail: `scrollHeight ${el.scrollHeight} > clientHeight ${el.clientHeight}`,
        });

      for (const clip of clippers(el)) {
        const c = clip.getBoundingClientRect();
        // The inside of the clipping box (its padding box, without scrollbars).
        const inner = {
          left: c.left + clip.clientLeft,
          top: c.top + clip.clientTop,
          right: c.left + clip.clientLeft + clip.clientWidth,
          bottom: c.top + clip.clientTop + clip.clientHeight,
        };
        const outX = r.left < inner.left - 0.5 || r.right > inner.right + 0.5;
        const outY = r.top < inner.top - 0.5 || r.bottom > inner.bottom + 0.5;
        if (!outX && !outY) continue;
        const scrolls = scrollable(clip);
        // A service screen may scroll down inside its container, never sideways.
        if (scrolls && rules.scrolls && !outX) continue;
        placeProblem(el, {
          kind: scrolls ? 'needs scrolling' : 'cut by an ancestor',
          target: describe(el),
          detail: `${box(r)}; ${describe(clip).split(' "')[0]} shows [${px(inner.left)},${px(inner.top)} to ${px(inner.right)},${px(inner.bottom)}]${essential ? '' : ' (text)'}`,
        });
        break;
      }
      const sideways = r.left < -0.5 || r.right > vw + 0.5;
      const below = r.top < -0.5 || r.bottom > vh + 0.5;
      if (sideways || (below && !rules.scrolls))
        placeProblem(el, { kind: 'outside the viewport', target: describe(el), detail: box(r) });

      for (const bar of bars) {
        if (bar.contains(el) || el.contains(bar) || bar === modal) continue;
        const b = bar.getBoundingClientRect();
        const overlapX = Math.min(r.right, b.right) - Math.max(r.left, b.left);
        const overlapY = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
        if (overlapX > 1 && overlapY > 1)
          problems.push({
            kind: 'under a fixed bar',
            target: describe(el),
            detail: `${box(r)} overlaps ${describe(bar).split(' "')[0]} ${box(b)} by ${px(overlapY)} px`,
          });
      }
    }
    // An amount drawn outside its card, table cell or dd, even where nothing cuts it.
    const drawsABox = (e: Element) => {
      const s = getComputedStyle(e);
      return (
        /^(TD|TH|DD)$/.test(e.tagName) ||
        !/rgba\(0, 0, 0, 0\)|transparent/.test(s.backgroundColor) ||
        s.backgroundImage !== 'none' ||
        ['Top', 'Right', 'Bottom', 'Left'].some(
          (side) => parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0,
        )
      );
    };
    for (const amount of mustBeSeen.filter((e) => e.hasAttribute('data-amount'))) {
      let holder = amount.parentElement;
      while (holder && holder !== document.body && (isInline(holder) || !drawsABox(holder)))
        holder = holder.parentElement;
      if (!holder || holder === document.body) continue;
      const r = amount.getBoundingClientRect();
      const h = holder.getBoundingClientRect();
      const s = getComputedStyle(holder);
      const content = {
        left: h.left + holder.clientLeft + parseFloat(s.paddingLeft),
        top: h.top + holder.clientTop + parseFloat(s.paddingTop),
        right: h.left + holder.clientLeft + holder.clientWidth - parseFloat(s.paddingRight),
        bottom: h.top + holder.clientTop + holder.clientHeight - parseFloat(s.paddingBottom),
      };
      if (
        r.left < content.left - 1 ||
        r.right > content.right + 1 ||
        r.top < content.top - 1 ||
        r.bottom > content.bottom + 1
      )
        problems.push({
          kind: 'amount outside its box',
          target: describe(amount),
          detail: `${box(r)}; ${describe(holder).split(' "')[0]} holds [${px(content.left)},${px(content.top)} to ${px(content.right)},${px(content.bottom)}]`,
        });
    }

    // Pictures: the logo keeps its shape; no svg or img lies off screen.
    for (const logo of document.querySelectorAll('[data-logo]')) {
      if (!inScope(logo) || !shown(logo)) continue;
      const r = logo.getBoundingClientRect();
      if (Math.abs(r.width - r.height) > 1)
        problems.push({
          kind: 'logo out of shape',
          target: describe(logo),
          detail: `${r.width.toFixed(1)} x ${r.height.toFixed(1)} px`,
        });
    }
    const pictures = [...document.body.querySelectorAll('svg, img, [data-logo]')].filter(
      (e) => !e.parentElement?.closest('svg') && inScope(e) && shown(e),
    );
    for (const picture of pictures) {
      const r = picture.getBoundingClientRect();
      const sideways = r.left < -0.5 || r.right > vw + 0.5;
      const below = r.top < -0.5 || r.bottom > vh + 0.5;
      if (sideways || (below && !rules.scrolls))
        problems.push({
          kind: 'picture outside the viewport',
          target: describe(picture),
          detail: box(r),
        });
    }

    for (const source of rules.keepTogether ?? []) {
      const pattern = new RegExp(source, 'g');
      const has = (e: Element) => new RegExp(source).test(e.textContent ?? '');
      // The deepest elements holding the whole text (it may span several text nodes, e.g. a
      // number rendered apart from its unit).
      const holders = [...document.body.querySelectorAll('*')].filter(
        (e) => shown(e) && has(e) && ![...e.children].some(has),
      );
      for (const el of holders) {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) nodes.push(t as Text);
        for (const match of (el.textContent ?? '').matchAll(pattern)) {
          const range = document.createRange();
          const start = match.index;
          const end = start + match[0].length;
          let offset = 0;
          for (const t of nodes) {
            const length = t.data.length;
            if (start >= offset && start <= offset + length) range.setStart(t, start - offset);
            if (end >= offset && end <= offset + length) {
              range.setEnd(t, end - offset);
              break;
            }
            offset += length;
          }
          const lines = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)),
          );
          if (lines.size > 1)
            problems.push({
              kind: 'broken across lines',
              target: describe(el),
              detail: `"${match[0]}" is on ${lines.size} lines`,
            });
        }
      }
    }
    return problems;
  }, rules);
}

const screenshotDir = process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots';
const sizeName = (size: { width: number; height: number }) => `${size.width}x${size.height}`;
/**
 * The sizes shot at every screen, besides any size where a problem is found: `GUARD_SHOTS=readme`
 * (the default outside CI) the README's two, `all` every size, `problems` (the default in CI,
 * where nobody looks at the shots of a passing walk) none.
 */
const SHOTS: Record<string, string[]> = {
  all: KIOSK_SIZES.map(sizeName),
  readme: ['1080x1920', '1280x1024'],
  problems: [],
};
const shots = process.env.GUARD_SHOTS ?? (process.env.CI ? 'problems' : 'readme');
if (!SHOTS[shots]) throw new Error(`GUARD_SHOTS=${shots}: say all, readme or problems`);
const SHOT_SIZES = new Set(SHOTS[shots]);

/** Lets the page lay itself out again after a resize (two frames: style, then layout). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

/**
 * Walks one screen through every kiosk size: at each, measures the layout and saves a viewport
 * screenshot (see SHOT_SIZES, and wherever a problem is found); axe (WCAG 2.2 AA rules) runs
 * once, at 1080x1920. Collects problems instead of failing at the first, so one run lists
 * everything that is wrong.
 */
export class LayoutGuard {
  readonly problems: string[] = [];
  private count = 0;

  constructor(
    private readonly page: Page,
    private readonly walk: string,
  ) {}

  async check(screen: string, rules: LayoutRules = {}): Promise<void> {
    const name = `${String(++this.count).padStart(2, '0')}-${screen}`;
    const original = this.page.viewportSize();
    // The size the walk is at comes last: the walk goes on at it without one more resize.
    const current = KIOSK_SIZES.find((size) => original && sizeName(size) === sizeName(original));
    const sizes = [
      ...KIOSK_SIZES.filter((size) => size !== current),
      ...(current ? [current] : []),
    ];
    mkdirSync(screenshotDir, { recursive: true });
    for (const size of sizes) {
      await this.page.setViewportSize(size);
      await settle(this.page);
      if (size === KIOSK_SIZES[0]) await this.axe(name);
      const problems = await measureLayout(this.page, rules);
      for (const p of problems)
        this.problems.push(
          `${this.walk} ${name} @ ${sizeName(size)}: ${p.kind}: ${p.target} ${p.detail}`,
        );
      if (SHOT_SIZES.has(sizeName(size)) || problems.length > 0)
        await this.page.screenshot({
          path: join(screenshotDir, `${sizeName(size)}-${this.walk}-${name}.png`),
        });
    }
    if (original && !current) await this.page.setViewportSize(original);
  }

  private async axe(name: string): Promise<void> {
    for (const violation of describeViolations(await axeViolations(this.page)))
      this.problems.push(`${this.walk} ${name}: axe ${violation}`);
  }
}
