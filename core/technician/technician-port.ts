import type {
  TechnicianAction,
  TechnicianDevice,
  TechnicianEvent,
  TechnicianInfo,
} from '../common/api';

export interface TechnicianActionResult {
  ok: boolean;
  /** Plain words for the technician; never personal or card data. */
  detail: string;
}

/**
 * What technician mode needs from the rest of the kiosk: a snapshot of every device and the
 * kiosk, and the tests it can run. The device layer implements the device parts.
 */
export interface TechnicianPort {
  devices(): TechnicianDevice[];
  /** The last device events, newest first. */
  events(): TechnicianEvent[];
  info(): TechnicianInfo;
  run(action: TechnicianAction, device?: string): Promise<TechnicianActionResult>;
}
