/** The config file path: `--config=<path>` (or `--config <path>`) wins over KIOSK_CONFIG. */
export function resolveConfigPath(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--config=')) return nonEmpty(arg.slice('--config='.length));
    if (arg === '--config') return nonEmpty(argv[i + 1]);
  }
  return nonEmpty(env.KIOSK_CONFIG);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value : undefined;
}
