import { writeScreenLaunchFile } from '../web/screen-launch-file.ts';
import { expect, test } from './support/fixtures.ts';

test('the browser opened on the launch file (no secret on its command line) becomes the kiosk screen', async ({
  page,
  kiosk,
}) => {
  const launch = writeScreenLaunchFile(kiosk.url);
  try {
    expect(launch.url).not.toContain(new URL(kiosk.url).hash.slice(1));
    // A second screen, as a restarted browser would be: it takes over from the first page.
    const screen = await page.context().newPage();
    await screen.goto(launch.url);
    await expect(screen.getByRole('button', { name: 'Mulai' })).toBeVisible();
    expect(new URL(screen.url()).origin).toBe(new URL(kiosk.url).origin);
    expect(new URL(screen.url()).hash).toBe('');
    await screen.getByRole('button', { name: 'Mulai' }).click();
    await expect(screen.getByRole('heading', { name: 'Masukkan Nomor KPJ' })).toBeVisible();
  } finally {
    launch.remove();
  }
});
