import { describe, expect, it } from 'vitest';
import { CAPABILITY_NAMES } from '../../../core/common/api';
import { messagesFor } from './i18n';

describe('capability words on the technician screen', () => {
  it.each(CAPABILITY_NAMES)('%s reads as words in both languages', (name) => {
    for (const language of ['id', 'en'] as const) {
      const word = messagesFor(language).techCapability(name);
      expect(word).not.toBe(name);
      expect(word).toMatch(/^[A-Z]/);
    }
  });

  it('shows a capability no table knows as it came', () => {
    expect(messagesFor('id').techCapability('newFeature')).toBe('newFeature');
  });
});
