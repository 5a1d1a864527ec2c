import type { Session } from 'electron';

/** The kiosk page needs no browser permission: no camera, geolocation, notifications, HID... */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
