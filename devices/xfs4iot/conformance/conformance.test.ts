import { describe, expect, it } from 'vitest';
import { encodeMessage } from '../envelope';
import { COMMAND_VERSIONS, COMPLETION_VERSIONS, EVENT_VERSIONS } from '../message-catalog';
import { conformanceProblems, referenceSchemas } from './check-message';
import { messageKey } from './reference-schema';

const completion = (name: string, payload: Record<string, unknown>, version = '3.0') =>
  encodeMessage(
    { type: 'completion', name, requestId: 7, version, completionCode: 'success' },
    payload,
  );

describe('the catalog against the reference', () => {
  it('declares every message in the version the reference writes it in', () => {
    const { messages } = referenceSchemas();
    const versions = (kind: 'command' | 'completion' | 'event', catalog: Record<string, string>) =>
      Object.entries(catalog).map(([name, version]) => [
        messageKey(kind, name),
        version,
        messages[messageKey(kind, name)]?.version,
      ]);
    for (const [key, ours, reference] of [
      ...versions('command', COMMAND_VERSIONS),
      ...versions('completion', COMPLETION_VERSIONS),
      ...versions('event', EVENT_VERSIONS),
    ])
      expect(ours, key).toBe(reference);
  });
});

describe('checking a message against the reference', () => {
  it('passes a card read as the reference shapes it', () => {
    const read = completion('CardReader.ReadRawData', {
      // A good track has data and no status: the reference's statuses are all failures.
      track2: { data: Buffer.from('1234567890=4912').toString('base64') },
      track3: { status: 'dataMissing' },
    });
    expect(conformanceProblems(read)).toEqual([]);
  });

  it('names a property the reference does not have, a wrong enum value and bad base64', () => {
    const read = completion('CardReader.ReadRawData', {
      track2: { status: 'fine', data: 'not base64!' },
      trackFour: true,
    });
    const problems = conformanceProblems(read);
    expect(problems).toContain(
      'completion CardReader.ReadRawData payload.trackFour: not a property in the reference',
    );
    expect(problems.find((p) => p.includes('track2.status'))).toMatch(
      /"fine" is not one of dataMissing, dataInvalid/,
    );
    expect(problems.find((p) => p.includes('track2.data'))).toContain('base64');
  });

  it('names a wrong version, a wrong type and an unknown message', () => {
    expect(
      conformanceProblems(
        encodeMessage(
          { type: 'command', name: 'CardReader.ReadRawData', requestId: 1, version: '1.0' },
          { track1: 'yes' },
        ),
      ),
    ).toEqual([
      'command CardReader.ReadRawData: version 1.0, the reference says 2.0',
      'command CardReader.ReadRawData payload.track1: string, expected boolean',
    ]);
    expect(
      conformanceProblems(
        encodeMessage({
          type: 'command',
          name: 'CashDispenser.Dispense',
          requestId: 1,
          version: '2.0',
        }),
      )[0],
    ).toContain('not a message');
    expect(conformanceProblems('{"header":{}}')[0]).toMatch(/^envelope: /);
  });

  it('reads Common.Status with the class parts and XFS4IoT device words', () => {
    const status = completion('Common.Status', {
      common: { device: 'potentialFraud' },
      cardReader: { media: 'latched' },
      printer: { media: 'present', paper: { upper: 'low' } },
    });
    expect(conformanceProblems(status)).toEqual([]);
    expect(
      conformanceProblems(completion('Common.Status', { common: { device: 'busy' } }))[0],
    ).toContain('"busy" is not one of');
  });
});
