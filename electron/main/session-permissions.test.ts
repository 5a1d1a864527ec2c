import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from './session-permissions';

describe('denyAllPermissions', () => {
  it('refuses every permission request, check and device', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'hid',
      'serial',
      'clipboard-read',
    ]) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(check({}, permission, 'app://kiosk', {})).toBe(false);
    }
    expect(device({ deviceType: 'hid', origin: 'app://kiosk' })).toBe(false);
  });
});
