import { describe, expect, it } from 'vitest';
import { IN_SERVICE, type ServiceStatus } from '../common/service-status';
import type { JournalEntryInput } from '../journal/journal-entry';
import { journalServiceChanges } from './service-journal';

describe('journalServiceChanges', () => {
  it('records going out (not for the journal itself) and coming back with every reason that held', async () => {
    let listener: (s: ServiceStatus) => void = () => {};
    const service = {
      status: () => IN_SERVICE,
      onChange: (l: typeof listener) => ((listener = l), () => {}),
    };
    const entries: JournalEntryInput[] = [];
    const audit = { record: async (entry: JournalEntryInput) => void entries.push(entry) };
    let now = Date.parse('2026-12-04T02:00:00Z');
    journalServiceChanges(service, audit, { warn: () => {} }, () => new Date(now));
    const out = (reasons: ServiceStatus['reasons']): ServiceStatus => ({
      inService: false,
      reasons,
      since: '2026-12-04T02:00:00.000Z',
      devicesDown: [],
    });
    listener(out(['hostUnreachable']));
    listener(out(['hostUnreachable', 'journalUnwritable']));
    listener(out(['journalUnwritable']));
    now += 95_000;
    listener(IN_SERVICE);
    await Promise.resolve();
    expect(entries).toEqual([
      { type: 'outOfService', data: { reasons: ['hostUnreachable'], devicesDown: [] } },
      {
        type: 'backInService',
        data: { reasons: ['hostUnreachable', 'journalUnwritable'], seconds: 95 },
      },
    ]);
  });
});
