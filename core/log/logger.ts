import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured logs. Personal data must never be passed in the first place; the redaction list
 * is a second line of defence for field names that could carry it.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'kiosk',
    level: options.level ?? 'info',
    redact: {
      paths: [
        'kpj',
        '*.kpj',
        'birthDate',
        '*.birthDate',
        'nik',
        '*.nik',
        'pin',
        '*.pin',
        'pan',
        '*.pan',
        'track1',
        'track2',
        '*.track1',
        '*.track2',
        '*.name',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
