import { z } from 'zod';
import { TechnicianAction, TechnicianDevice, TechnicianEvent, TechnicianInfo } from '../common/api';

/**
 * The running kiosk's diagnostics socket (a Unix socket, owner-only): one JSON line per request
 * and per answer. kiosk-diag uses it over SSH to see and test the devices the kiosk holds open.
 */

/**
 * Tests a CLI may run. Port setup stays on the screen, where a person sees the device; the
 * keypad test too: at the start screen the pin pad's keys belong to the participant flow.
 */
export const SocketAction = TechnicianAction.extract([
  'printTestPage',
  'readCardTest',
  'scanTest',
  'resetDevice',
  'testHost',
]);
export type SocketAction = z.infer<typeof SocketAction>;

export const DiagRequest = z.discriminatedUnion('cmd', [
  z.object({ id: z.number().int().nonnegative(), cmd: z.literal('status') }).strict(),
  z
    .object({
      id: z.number().int().nonnegative(),
      cmd: z.literal('run'),
      action: SocketAction,
      device: z.string().max(40).optional(),
    })
    .strict(),
]);
export type DiagRequest = z.infer<typeof DiagRequest>;

export const DiagAnswer = z.union([
  z.object({
    id: z.number().int(),
    ok: z.literal(true),
    status: z.object({
      devices: z.array(TechnicianDevice),
      /** The last device events, newest first. */
      events: z.array(TechnicianEvent),
      info: TechnicianInfo,
      /** The screen the kiosk shows now: `attract` when nobody is being served. */
      screen: z.string(),
    }),
  }),
  z.object({
    id: z.number().int(),
    ok: z.literal(true),
    result: z.object({ ok: z.boolean(), detail: z.string() }),
  }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
]);
export type DiagAnswer = z.infer<typeof DiagAnswer>;

/**
 * Longest request line the kiosk reads. Requests may come many to a read (each complete line
 * is answered); a longer line is answered with an error and ends the connection.
 */
export const MAX_REQUEST_BYTES = 4096;
