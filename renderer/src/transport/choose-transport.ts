import type { KioskApi } from '../../../core/common/api';
import { takeUiSecret } from './ui-secret';
import { WebSocketKioskApi } from './ws-kiosk-api';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge. */
    kiosk?: KioskApi;
  }
}

/** Electron's preload bridge when present, otherwise the web shell's WebSocket. */
export function chooseTransport(): KioskApi {
  return (
    window.kiosk ??
    WebSocketKioskApi.forPage(
      window.location,
      takeUiSecret(window.location, window.history, window.sessionStorage),
    )
  );
}
