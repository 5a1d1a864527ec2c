import { describe, expect, it } from 'vitest';
import { SessionView } from '../common/api';
import { testBrain } from './test-brain.test-helper';

describe("the view's clock", () => {
  it('is Jakarta time, WIB, when no zone is configured', () => {
    expect(testBrain().view().clock).toEqual({ timeZone: 'Asia/Jakarta', label: 'WIB' });
  });

  it.each([
    ['Asia/Pontianak', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    ['UTC', 'UTC'],
  ])('carries the configured zone %s and its label %s on every screen', (timeZone, label) => {
    const brain = testBrain({ timeZone });
    expect(brain.view().clock).toEqual({ timeZone, label });
    brain.send({ type: 'start' });
    const view = brain.view();
    expect(view.screen).toBe('enterKpj');
    expect(SessionView.parse(view).clock).toEqual({ timeZone, label });
  });
});
