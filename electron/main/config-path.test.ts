import { describe, expect, it } from 'vitest';
import { resolveConfigPath } from './config-path';

describe('resolveConfigPath', () => {
  it('takes --config=<path> from the command line', () => {
    expect(resolveConfigPath(['electron', '.', '--config=/etc/kiosk.json'], {})).toBe(
      '/etc/kiosk.json',
    );
  });

  it('takes --config <path> too', () => {
    expect(resolveConfigPath(['electron', '--config', 'kiosk.json'], {})).toBe('kiosk.json');
  });

  it('prefers the command line over KIOSK_CONFIG', () => {
    expect(resolveConfigPath(['--config=a.json'], { KIOSK_CONFIG: 'b.json' })).toBe('a.json');
  });

  it('falls back to KIOSK_CONFIG, then to none (the defaults)', () => {
    expect(resolveConfigPath(['electron', '.'], { KIOSK_CONFIG: 'b.json' })).toBe('b.json');
    expect(resolveConfigPath(['electron', '.'], {})).toBeUndefined();
    expect(resolveConfigPath(['--config='], { KIOSK_CONFIG: '' })).toBeUndefined();
  });
});
