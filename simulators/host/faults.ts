import { z } from 'zod';

export const HOST_ROUTES = [
  'lookup',
  'verify',
  'bankCardVerify',
  'otpSend',
  'otpVerify',
  'balance',
  'contributions',
  'health',
  'anchorStore',
  'anchorLatest',
  'journalShipped',
  'journalRecords',
] as const;
export type HostRoute = (typeof HOST_ROUTES)[number];

/** What can go wrong with one answer. Fields combine: latency first, then the failure. */
export const FaultSpec = z
  .object({
    /** Answer after this many ms (overrides the simulator's base latency). */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Never answer: the request hangs until the client gives up or the simulator closes. */
    hang: z.boolean().optional(),
    /** Answer with this 5xx status and an `internal` error body, without touching any state. */
    status: z.number().int().min(500).max(599).optional(),
    /** Answer 200 with a body that is not JSON, or JSON that fails the route's schema. */
    malformed: z.enum(['invalidJson', 'schemaMismatch']).optional(),
  })
  .strict();
export type FaultSpec = z.infer<typeof FaultSpec>;

/** A global fault plus per-route overrides; a route's fields win over the global ones. */
export const FaultConfig = FaultSpec.extend({
  routes: z
    .object(
      Object.fromEntries(HOST_ROUTES.map((route) => [route, FaultSpec.optional()])) as Record<
        HostRoute,
        z.ZodOptional<typeof FaultSpec>
      >,
    )
    .strict()
    .optional(),
}).strict();
export type FaultConfig = z.infer<typeof FaultConfig>;

export interface EffectiveFault extends FaultSpec {
  latencyMs: number;
}

export function resolveFault(
  config: FaultConfig,
  route: HostRoute,
  baseLatencyMs: number,
): EffectiveFault {
  const { routes, ...global } = config;
  const merged: FaultSpec = { ...global, ...routes?.[route] };
  return { ...merged, latencyMs: merged.latencyMs ?? baseLatencyMs };
}

/** Route-shaped bodies that parse as JSON but fail the reply schema (and hold no personal data). */
export const SCHEMA_MISMATCH_BODIES: Record<HostRoute, unknown> = {
  lookup: { verification: ['retinaScan'] },
  verify: { token: 12345, expiresInSeconds: 300 },
  bankCardVerify: { accounts: [{ maskedKpj: 'all of them', token: 7 }], expiresInSeconds: 300 },
  otpSend: { maskedDestination: '081234', expiresInSeconds: 'soon' },
  otpVerify: { verified: 'yes' },
  balance: { participant: { name: '' }, jht: { closingBalance: -1 }, programs: 'none' },
  contributions: { rows: [{ month: '2026-13', wage: '4.000.000' }] },
  health: { status: 'fine' },
  // The kiosk ignores the content of a stored anchor's answer; this one is 200 all the same.
  anchorStore: { stored: 'maybe' },
  anchorLatest: { seq: -1, hash: 'abc', at: 'yesterday' },
  journalShipped: { seq: 'twelve', hash: 'abc' },
  journalRecords: { seq: -1 },
};
