import type {
  TechnicianAction,
  TechnicianDevice,
  TechnicianEvent,
  TechnicianInfo,
} from '../common/api';
import type { TechnicianMessage } from './technician-messages';

export interface TechnicianActionResult {
  ok: boolean;
  /** What was found, worded later in the reader's language; never personal or card data. */
  message: TechnicianMessage;
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
