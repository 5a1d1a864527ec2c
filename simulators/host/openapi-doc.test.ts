import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as hostApi from '../../core/host/host-api';
import { HOST_ROUTES } from './faults';

const doc = readFileSync(join(import.meta.dirname, '../../docs/host-api.openapi.yaml'), 'utf8');

/** The text of `components.schemas.<name>`: from its heading to the next schema heading. */
function schemaBlock(name: string): string {
  const lines = doc.split('\n');
  const start = lines.indexOf(`    ${name}:`);
  expect(start, `docs schema ${name}`).toBeGreaterThan(0);
  const end = lines.findIndex((line, index) => index > start && /^ {4}\S/.test(line));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

/** Every property name of a zod object, nested objects included, with whether it is required. */
function fields(schema: z.ZodType, prefix = ''): Array<{ path: string; required: boolean }> {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => {
    const required = !(value instanceof z.ZodOptional);
    const inner = value instanceof z.ZodOptional ? (value.unwrap() as z.ZodType) : value;
    return [{ path: prefix + key, required }, ...fields(inner, `${prefix}${key}.`)];
  });
}

describe('docs/host-api.openapi.yaml', () => {
  it('is OpenAPI 3.1 and documents every host route', () => {
    expect(doc).toMatch(/^openapi: 3\.1\.\d/m);
    const paths: Record<(typeof HOST_ROUTES)[number], string> = {
      lookup: '/v1/lookup',
      verify: '/v1/verify',
      bankCardVerify: '/v1/bank-card/verify',
      otpSend: '/v1/otp/send',
      otpVerify: '/v1/otp/verify',
      balance: '/v1/balance',
      contributions: '/v1/contributions',
      health: '/v1/health',
      anchorStore: '/v1/journal-anchors',
      anchorLatest: '/v1/journal-anchors/latest',
      journalShipped: '/v1/journal/shipped',
      journalRecords: '/v1/journal/records',
    };
    for (const route of HOST_ROUTES) expect(doc).toContain(`\n  ${paths[route]}:\n`);
  });

  const messages = [
    'LookupRequest',
    'LookupReply',
    'VerifyRequest',
    'VerifyReply',
    'BankCardVerifyRequest',
    'LinkedAccount',
    'BankCardVerifyReply',
    'OtpSendReply',
    'OtpVerifyRequest',
    'OtpVerifyReply',
    'ProgramCoverage',
    'BalanceSummary',
    'ContributionRow',
    'ContributionHistory',
    'HealthReply',
    'JournalAnchor',
    'JournalShipped',
    'JournalRecordsBatch',
    'HostErrorBody',
  ] as const;

  it.each(messages)('names every field of %s and marks the required ones', (name) => {
    const block = schemaBlock(name);
    for (const field of fields(hostApi[name] as z.ZodType)) {
      const key = field.path.split('.').at(-1)!;
      expect(block, `${name}.${field.path}`).toMatch(new RegExp(`^\\s+${key}:`, 'm'));
      const required = [...block.matchAll(/required:\s*\[([^\]]*)\]/g)]
        .flatMap((match) => match[1]!.split(','))
        .map((entry) => entry.trim());
      expect(required.includes(key), `${name}.${field.path} required`).toBe(field.required);
    }
  });

  it('lists exactly the error codes the schema knows', () => {
    const block = schemaBlock('HostErrorBody');
    const listed = /enum:\s*\[([^\]]*)\]/
      .exec(block)![1]!
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean);
    expect(listed).toEqual(hostApi.HostErrorCode.options);
  });
});
