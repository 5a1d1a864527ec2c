import { parseArgs } from 'node:util';
import { usageError } from './exit-codes';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

/** Options every command takes. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Strict parse: an unknown option or a stray argument is a usage error (exit 2). */
export function parseOptions(args: string[], options: Record<string, OptionSpec>): OptionValues {
  try {
    const { values } = parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...options },
      strict: true,
      allowPositionals: false,
    });
    return values as OptionValues;
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** A whole number within limits, or the default when the option is absent. */
export function intOption(
  values: OptionValues,
  name: string,
  limits: { min: number; max: number; fallback: number },
): number {
  const text = stringOption(values, name);
  if (text === undefined) return limits.fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < limits.min || value > limits.max)
    throw usageError(`--${name} must be a whole number from ${limits.min} to ${limits.max}`);
  return value;
}

/** One of the allowed words. */
export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text))
    throw usageError(`--${name} must be one of ${choices.join(', ')} (got "${text}")`);
  return text as T;
}
