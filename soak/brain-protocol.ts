import { z } from 'zod';

/** How the runner starts a brain child (argv[2], JSON). */
export const BrainChildArgs = z
  .object({
    /** The kiosk config file the child loads (and validates) on every start. */
    configPath: z.string().min(1),
    /** 0 on the first start; the port it got afterwards, so a restart serves the same URL. */
    webPort: z.number().int().min(0).max(65_535),
    /** The UI secret: the same one on every restart (used once the bridge takes it). */
    uiSecret: z.string().min(16),
  })
  .strict();
export type BrainChildArgs = z.infer<typeof BrainChildArgs>;

/** Runner -> child over process IPC. */
export const BrainCommand = z.object({
  id: z.number().int(),
  cmd: z.enum(['memory', 'devices', 'stop']),
});
export type BrainCommand = z.infer<typeof BrainCommand>;

export const DeviceState = z.object({ name: z.string(), state: z.string() });
export type DeviceState = z.infer<typeof DeviceState>;

/** Child -> runner: an unprompted event or the reply to a command. */
export const BrainMessage = z.union([
  z.object({ type: z.literal('ready'), url: z.string(), port: z.number().int(), pid: z.number() }),
  z.object({ type: z.literal('failed'), error: z.string() }),
  z.object({
    type: z.literal('reply'),
    id: z.number().int(),
    /** `memory`: resident set size in bytes. */
    rss: z.number().optional(),
    /** `devices`: what the device manager reports. */
    devices: z.array(DeviceState).optional(),
  }),
]);
export type BrainMessage = z.infer<typeof BrainMessage>;
