import type { Page } from '@playwright/test';
import { JHT_RETIREMENT_AGE } from '../core/common/domain/contribution-rates';
import { PARTICIPANTS } from '../simulators/host';
import { installFakeSpeech } from './support/fake-speech.ts';
import { expect, startStack, test, type KioskStack, type Participant } from './support/fixtures.ts';
import { devicesOnline } from './support/devices.ts';
import { LayoutGuard } from './support/layout-guard.ts';
import { tapTechnicianCorners } from './support/technician.ts';

/**
 * The layout guard (support/layout-guard.ts) on every screen a person or a technician can
 * reach, in both languages, with voice guidance on and off: at each screen the viewport goes
 * through 1080x1920, 1920x1080, 1280x1024, 1024x768 and 800x600, and nothing may scroll
 * sideways, be cut, lie under a fixed bar, or need scrolling to be seen. Axe runs once per
 * screen. Viewport screenshots go to test-results/screenshots/. The walk is driven by the keys
 * of the 12-key pad where it can be (they do not depend on the words on screen), and by taps
 * where a person would tap.
 */
test.use({
  viewport: { width: 1280, height: 1024 },
  kioskConfig: {
    simulateDevices: true,
    technicianPin: '2468',
    // Long enough to measure the waiting screen while the host hangs.
    hostTimeoutMs: 30_000,
    session: { thankYouSeconds: 1 },
    // A host gone for good takes the kiosk out of service within seconds, and back as soon.
    service: { hostRetrySeconds: 1 },
  },
});

type Language = 'id' | 'en';

/** Text that must stay on one line: the birth date's format hint, the seconds left. */
const DATE_FORMAT = String.raw`\(DD-MM-YYYY\)`;
const SECONDS_LEFT = String.raw`\d+ (detik|seconds)`;

/** A seeded participant at or past the retirement age: the projection has no years to set. */
function atRetirementAge(): Pick<Participant, 'kpj' | 'birthDate'> {
  const person = PARTICIPANTS.find((p) => p.summary.participant.age >= JHT_RETIREMENT_AGE);
  if (!person) throw new Error(`the host simulator seeds nobody aged ${JHT_RETIREMENT_AGE}+`);
  const [year, month, day] = person.birthDate.split('-');
  return { kpj: person.kpj, birthDate: `${day}-${month}-${year}` };
}

class Walk {
  constructor(
    readonly page: Page,
    readonly kiosk: KioskStack,
    readonly guard: LayoutGuard,
    readonly language: Language,
    readonly voice: boolean,
  ) {}

  screen(name: string) {
    return expect(this.page.locator(`[data-screen="${name}"]`)).toBeVisible({ timeout: 15_000 });
  }

  /** On the start screen: the walk's language and voice guidance, as a person would choose them. */
  async atStart(): Promise<void> {
    await this.screen('attract');
    await expect(this.page.getByRole('button', { name: /^(Mulai|Start)$/ })).toBeVisible();
    if ((await this.page.locator('html').getAttribute('lang')) !== this.language) {
      await this.page.keyboard.press('*');
      await expect(this.page.locator('html')).toHaveAttribute('lang', this.language);
    }
    const voiceControls = this.page.getByRole('group', { name: /Panduan Suara|Voice guidance/ });
    if (this.voice && !(await voiceControls.isVisible())) {
      await this.page.keyboard.press('#');
      await expect(voiceControls).toBeVisible();
    }
  }

  async begin(): Promise<void> {
    await this.atStart();
    await this.page.keyboard.press('Enter');
    await this.screen('enterKpj');
  }

  async identify(person: Pick<Participant, 'kpj' | 'birthDate'>): Promise<void> {
    await this.begin();
    await this.page.keyboard.type(person.kpj);
    await this.page.keyboard.press('Enter');
    await this.screen('enterBirthDate');
    await this.page.keyboard.type(person.birthDate.replace(/-/g, ''));
    await this.page.keyboard.press('Enter');
  }

  async toBalance(person: Pick<Participant, 'kpj' | 'birthDate'>): Promise<void> {
    await this.identify(person);
    await this.screen('balance');
  }

  /** Escape (the pad's Cancel) ends the session; the thank-you screen leads back to the start. */
  async end(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.screen('attract');
  }
}

for (const language of ['id', 'en'] as const) {
  for (const voice of [false, true]) {
    test(`every screen fits every kiosk display (${language}, voice ${voice ? 'on' : 'off'})`, async ({
      page,
      kiosk,
    }) => {
      test.setTimeout(300_000);
      // Voice guidance needs a speech engine; headless Chromium has none, so give it one.
      if (voice) {
        await installFakeSpeech(page);
        await page.reload();
      }
      const walkName = `${language}-voice-${voice ? 'on' : 'off'}`;
      const guard = new LayoutGuard(page, walkName);
      const walk = new Walk(page, kiosk, guard, language, voice);
      const { active, inactive, highWage, unknownKpj } = kiosk.fixtures;
      // The two kiosks of their own (idle warning, out of service) start while the walk runs.
      const idleStack = startStack({ session: { idleTimeoutSeconds: 21, idleWarningSeconds: 20 } });
      const brokenStack = startStack({ journal: { dir: '/dev/null/journal' } });
      try {
        await devicesOnline(kiosk);

        // Start, KPJ partly and fully typed, birth date partly typed, then a wrong one.
        await walk.atStart();
        await guard.check('attract');
        await page.keyboard.press('Enter');
        await walk.screen('enterKpj');
        await page.keyboard.type(active.kpj.slice(0, 6));
        await guard.check('kpj-partly-typed');
        await page.keyboard.type(active.kpj.slice(6));
        await guard.check('kpj-typed');
        await page.keyboard.press('Enter');
        await walk.screen('enterBirthDate');
        await page.keyboard.type('0101');
        // Each box is named under it: day, month, year.
        const boxNames =
          language === 'id' ? ['Tanggal', 'Bulan', 'Tahun'] : ['Day', 'Month', 'Year'];
        await expect
          .poll(() =>
            page
              .locator('[data-part]')
              .evaluateAll((parts) => parts.map((p) => p.getAttribute('data-part'))),
          )
          .toEqual(boxNames);
        await expect(page.getByTestId('entry-value')).toHaveText('01-01-____');
        await guard.check('birth-date-partly-typed', { keepTogether: [DATE_FORMAT] });
        await page.keyboard.type('1970');
        await page.keyboard.press('Enter');
        await expect(page.getByRole('alert')).not.toBeEmpty();
        await guard.check('wrong-birth-date', { keepTogether: [DATE_FORMAT] });

        // The balance, its history and the projection with both of its entries.
        await page.keyboard.press('Delete');
        await page.keyboard.type(active.birthDate.replace(/-/g, ''));
        await page.keyboard.press('Enter');
        await walk.screen('balance');
        // The breakdown says which months it covers, and the JP line what JP pays.
        await expect(page.getByTestId('jht-period')).toHaveText(
          language === 'id' ? 'Periode: Tahun 2026, Jan–Okt' : 'Period: 2026, Jan–Oct',
        );
        await expect(page.getByTestId('jp-explainer')).toContainText(
          language === 'id' ? '15 tahun' : '15 years',
        );
        await guard.check('balance-active');
        await page.keyboard.press('1');
        await walk.screen('history');
        await expect(page.locator('main [role="status"]')).toHaveCount(0); // loaded
        await guard.check('history');
        // Page 2 (both page buttons enabled), then the last page.
        const subtitle = page.getByTestId('history-subtitle');
        const pageOf = async () => {
          const [, shown, count] = /(\d+) (?:dari|of) (\d+)/.exec(
            (await subtitle.textContent()) ?? '',
          )!;
          return { shown: Number(shown), count: Number(count) };
        };
        const { count: pages } = await pageOf();
        expect(pages, 'the active member has more than two pages of history').toBeGreaterThan(2);
        await page.keyboard.press('6');
        await expect(subtitle).toContainText(new RegExp(`2 (dari|of) ${pages}`));
        await guard.check('history-page-2');
        for (let shown = 2; shown < pages; shown++) {
          await page.keyboard.press('6');
          await expect.poll(async () => (await pageOf()).shown).toBe(shown + 1);
        }
        await guard.check('history-last-page');
        await page.keyboard.press('Enter');
        await walk.screen('balance');
        await page.keyboard.press('2');
        await walk.screen('projection');
        await guard.check('projection');
        await page.keyboard.press('1');
        await page.keyboard.type('7500000');
        await guard.check('projection-edit-wage');
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('projection-final')).toBeVisible();
        await page.keyboard.press('2');
        await page.keyboard.type('10');
        await guard.check('projection-edit-years');
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('projection-final')).toBeVisible();
        await page.keyboard.press('Enter');
        await walk.screen('balance');

        // A receipt, then another transaction.
        await page.getByRole('button', { name: /Cetak Struk|Print receipt/ }).click();
        await walk.screen('takeReceipt');
        await guard.check('take-receipt');
        await page.keyboard.press('Enter');
        await walk.screen('anotherTransaction');
        await guard.check('another-transaction');
        await page.keyboard.press('1');
        await walk.screen('balance');

        // A printer that goes offline under a job keeps it waiting (the printing screen stays up);
        // pulling its cable then fails the print. The printer is slowed first (300 ms before it
        // takes each chunk) so that it is surely offline before the job reaches its head; offline
        // before the key, a status poll could have told the brain already, which fails at once.
        await kiosk.devices('POST', '/api/printer', { slow: true });
        await page.keyboard.press('3');
        await kiosk.devices('POST', '/api/printer', { offline: true });
        await walk.screen('printing');
        await guard.check('printing');
        await kiosk.devices('POST', '/api/printer', { connected: false });
        await expect(page.locator('[data-screen="printFailed"]')).toBeVisible({ timeout: 35_000 });
        await guard.check('print-failed');
        await kiosk.devices('POST', '/api/printer', {
          offline: false,
          slow: false,
          connected: true,
        });
        await page.keyboard.press('Escape');
        await walk.screen('thankYou');
        await guard.check('thank-you');
        await walk.screen('attract');

        // An inactive member, and the high-wage member's balance and projection.
        await walk.toBalance(inactive);
        await guard.check('balance-inactive');
        await page.keyboard.press('2');
        await walk.screen('projection');
        await expect(page.getByTestId('projection-final')).toBeVisible();
        await guard.check('projection-inactive');
        await walk.end();
        // A participant at the retirement age (seeded: 58 and inactive): nothing left to project.
        await walk.toBalance(atRetirementAge());
        await page.keyboard.press('2');
        await walk.screen('projection');
        await guard.check('projection-at-retirement-age');
        await walk.end();
        await walk.toBalance(highWage);
        await guard.check('balance-high-wage');
        await page.keyboard.press('2');
        await walk.screen('projection');
        await guard.check('projection-high-wage');
        // The largest figure the kiosk can show: a wage above the JP cap up to the retirement age.
        // Too long a period is refused with the range, which the walk then types (and checks).
        await page.keyboard.press('2');
        await page.keyboard.type('99');
        await page.keyboard.press('Enter');
        const range = await page.getByRole('alert').filter({ hasText: /\d/ }).textContent();
        const longest = /(\d+)\D+(\d+)/.exec(range ?? '')?.[2];
        expect(longest, `the refused period says its range: ${range}`).toBeTruthy();
        await guard.check('projection-years-refused');
        await page.keyboard.press('Delete');
        await page.keyboard.type(longest!);
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('projection-final')).toBeVisible();
        await guard.check('projection-high-wage-to-retirement');
        await walk.end();

        // What the kiosk says to slips: an incomplete KPJ, a bank card, a card read (masked).
        await walk.begin();
        await page.keyboard.type('190');
        await page.keyboard.press('Enter');
        await expect(page.getByRole('alert')).not.toBeEmpty();
        await guard.check('kpj-incomplete');
        await walk.end();
        await walk.atStart();
        await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'bankVisa' });
        await expect(page.getByTestId('identify-message')).toBeVisible();
        await guard.check('attract-card-not-kpj');
        await kiosk.devices('POST', '/api/card', { action: 'swipe', card: 'active' });
        await walk.screen('enterBirthDate');
        await expect(page.getByTestId('identified-as')).toBeVisible();
        await guard.check('birth-date-card-read');
        await walk.end();

        // History that could not be loaded offers a retry.
        await walk.toBalance(active);
        await kiosk.setHostFaults({ status: 503 });
        await page.keyboard.press('1');
        await walk.screen('history');
        await expect(page.getByRole('button', { name: /Coba Lagi|Try again/ })).toBeVisible();
        await guard.check('history-failed');
        await kiosk.clearHostFaults();
        await walk.end();

        // Errors: nobody with that KPJ; the host unavailable; the host slow to answer.
        await walk.begin();
        await page.keyboard.type(unknownKpj);
        await page.keyboard.press('Enter');
        await walk.screen('error');
        await guard.check('error-not-found');
        await walk.end();
        await kiosk.setHostFaults({ status: 503 });
        await walk.begin();
        await page.keyboard.type(active.kpj);
        await page.keyboard.press('Enter');
        await walk.screen('error');
        await guard.check('error-host-unavailable');
        // The host stays away: after the thank-you the start screen says out of service.
        await page.keyboard.press('Escape');
        await walk.screen('outOfService');
        await guard.check('out-of-service-host');
        await kiosk.clearHostFaults();
        await walk.screen('attract');
        await kiosk.setHostFaults({ hang: true });
        await walk.begin();
        await page.keyboard.type(active.kpj);
        await page.keyboard.press('Enter');
        await walk.screen('loading');
        await guard.check('loading');
        await walk.end();
        await kiosk.clearHostFaults();

        // The participant whose host demands a one-time code.
        const otpByHost = { kpj: '19076654321', birthDate: '10-04-1985' };
        await walk.identify(otpByHost);
        await walk.screen('enterOtp');
        await page.keyboard.type('123');
        await guard.check('otp');
        // The brain goes away mid-session: the page clears and says so, then the start comes back.
        await kiosk.killBrain();
        await expect(page.getByTestId('connection-lost')).toBeVisible();
        await guard.check('connection-lost');
        await kiosk.restartBrain();
        await walk.screen('attract');

        // Three wrong birth dates lock a KPJ (this test's host simulator is its own).
        const lockedKpj = '23098812345';
        await walk.begin();
        await page.keyboard.type(lockedKpj);
        await page.keyboard.press('Enter');
        for (let attempt = 0; attempt < 3; attempt++) {
          await walk.screen('enterBirthDate');
          await page.keyboard.press('Delete');
          await page.keyboard.type('01011970');
          await page.keyboard.press('Enter');
          // This attempt's answer, not the last one's: typing on before it comes loses digits.
          if (attempt < 2) await expect(page.getByRole('alert')).toContainText(String(2 - attempt));
        }
        await walk.screen('locked');
        await guard.check('locked');
        await walk.end();

        // The technician's side: the PIN, the diagnostics, a port setup.
        await walk.atStart();
        await tapTechnicianCorners(page);
        await walk.screen('technicianPin');
        await page.keyboard.type('24');
        await guard.check('technician-pin');
        await page.keyboard.type('68');
        await page.keyboard.press('Enter');
        await walk.screen('technician');
        await expect(page.getByTestId('tech-device-printer')).toBeVisible();
        await guard.check('technician', { scrolls: true });
        await page
          .getByTestId('tech-device-cardReader')
          .getByRole('button', { name: /Ganti Port|Change port/ })
          .click();
        await expect(page.getByTestId('port-setup')).toBeVisible();
        await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
        await guard.check('port-setup', { scrolls: true });

        // The idle warning, on a kiosk of its own that warns after one quiet second.
        await page.goto((await idleStack).stack.url);
        await walk.begin();
        await expect(page.getByRole('alertdialog')).toBeVisible();
        await guard.check('idle-warning', { keepTogether: [SECONDS_LEFT] });

        // Out of service: a kiosk whose journal cannot be written.
        await page.goto((await brokenStack).stack.url);
        await walk.screen('outOfService');
        if ((await page.locator('html').getAttribute('lang')) !== language)
          await page.keyboard.press('*');
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await guard.check('out-of-service');
      } finally {
        for (const extra of [idleStack, brokenStack]) (await extra.catch(() => null))?.stop();
      }

      expect(guard.problems, `layout problems (${walkName})`).toEqual([]);
    });
  }
}
