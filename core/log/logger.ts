import pino from 'pino';
import { z } from 'zod';

export type Logger = pino.Logger;

export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

/**
 * The level a kiosk logs at: an explicit `LOG_LEVEL` in the environment (for a look closer
 * without editing the config), else the configured one.
 */
export function effectiveLogLevel(
  configured: LogLevel | undefined,
  env: NodeJS.ProcessEnv = process.env,
): LogLevel {
  if (env.LOG_LEVEL === undefined || env.LOG_LEVEL === '') return configured ?? 'info';
  const parsed = LogLevel.safeParse(env.LOG_LEVEL);
  if (!parsed.success) throw new Error(`LOG_LEVEL must be one of ${LogLevel.options.join(', ')}`);
  return parsed.data;
}

/**
 * Structured logs. Personal data must never be passed in the first place; the redaction list
 * is a second line of defence for field names that could carry it.
 */
export function createLogger(
  options: { level?: LogLevel; name?: string; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      name: options.name ?? 'kiosk',
      level: effectiveLogLevel(options.level),
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
          'cardReference',
          '*.cardReference',
          'pinBlock',
          '*.pinBlock',
          'ksn',
          '*.ksn',
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
    },
    options.destination,
  );
}

export const silentLogger = (): Logger => pino({ level: 'silent' });
