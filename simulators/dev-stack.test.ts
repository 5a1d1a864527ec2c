import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/load-config';
import { verifyTechnicianPin } from '../core/technician/pin-hash';
import { DEV_TECHNICIAN_PIN, startDevStack } from './dev-stack';

describe('startDevStack', () => {
  it('gives a config that points at a running host simulator with the dev technician PIN, and stops it', async () => {
    const stack = await startDevStack({ devices: false });
    const config = parseConfig(stack.config, 'dev stack');
    expect(config.host.url).toBe(stack.hostUrl);
    // It answers (a health check without a terminal id is refused, but by the simulator).
    await expect(fetch(`${stack.hostUrl}/v1/health`)).resolves.toHaveProperty('status');
    expect(await verifyTechnicianPin(DEV_TECHNICIAN_PIN, config.technician.pinHash!)).toBe(true);
    // No device simulators: no devices section, no panel, no technician card.
    expect(config.devices).toBeUndefined();
    expect(config.technician.cardPrefix).toBeNull();
    expect(stack.panelUrl).toBeNull();

    await stack.dispose();
    await expect(fetch(`${stack.hostUrl}/v1/health`)).rejects.toThrow();
    await stack.dispose(); // twice: harmless
  });

  it('without a technician PIN the kiosk has no technician mode', async () => {
    await using stack = await startDevStack({ devices: false, technicianPin: null });
    expect(parseConfig(stack.config).technician.pinHash).toBeNull();
  });
});
