import { describe, expect, it } from 'vitest';
import { createLogger, effectiveLogLevel } from './logger';

describe('log level', () => {
  it("is the config's, unless LOG_LEVEL in the environment says otherwise", () => {
    expect(effectiveLogLevel('warn', {})).toBe('warn');
    expect(effectiveLogLevel('warn', { LOG_LEVEL: '' })).toBe('warn');
    expect(effectiveLogLevel('warn', { LOG_LEVEL: 'debug' })).toBe('debug');
    expect(effectiveLogLevel(undefined, {})).toBe('info');
  });

  it('refuses a LOG_LEVEL pino does not know, naming the ones it does', () => {
    expect(() => effectiveLogLevel('warn', { LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, silent',
    );
  });

  it('writes what the level lets through, and redacts fields that could carry personal data', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'warn',
      destination: { write: (l) => void lines.push(l) },
    });
    logger.info('session step');
    logger.warn({ kpj: '12345678901', device: { name: 'BUDI' } }, 'host trouble');
    logger.warn(
      {
        request: {
          cardReference: '476173******0010',
          pinBlock: '0123456789ABCDEF',
          ksn: 'FFFF9876543210E00001',
        },
      },
      'bank link',
    );
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 40,
      msg: 'host trouble',
      kpj: '[redacted]',
      device: { name: '[redacted]' },
    });
    expect(JSON.parse(lines[1]!)).toMatchObject({
      request: { cardReference: '[redacted]', pinBlock: '[redacted]', ksn: '[redacted]' },
    });
  });
});
