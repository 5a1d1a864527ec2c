import { expect, type KioskStack } from './fixtures.ts';

/** Rupiah as the kiosk shows it: `Rp 33.146.852`. */
export const rupiah = (amount: number) =>
  new Intl.NumberFormat('id-ID', {
    style: 'currency',
    currency: 'IDR',
    maximumFractionDigits: 0,
  }).format(amount);

/** Waits until the kiosk's device manager reports all four simulated devices online. */
export async function devicesOnline(kiosk: KioskStack): Promise<void> {
  await expect
    .poll(async () => {
      const state = await kiosk.devices<{ kioskDevices: Array<{ name: string; state: string }> }>(
        'GET',
        '/api/state',
      );
      return state.kioskDevices.map((device) => `${device.name}:${device.state}`).sort();
    })
    .toEqual(['cardReader:online', 'pinPad:online', 'printer:online', 'scanner:online']);
}
