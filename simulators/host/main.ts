/**
 * The host simulator on its own: `npx tsx simulators/host/main.ts --port 8787 --latency 200`.
 * Prints its URL, logs one line per request (terminal, route, status; never personal data),
 * and stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { FIXTURES, startHostSimulator } from './index';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    latency: { type: 'string', default: '0' },
    'max-attempts': { type: 'string', default: '3' },
    'lock-seconds': { type: 'string', default: '900' },
    quiet: { type: 'boolean', default: false },
  },
});

function count(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    console.error(`--${name} must be a whole number, got "${value}"`);
    process.exit(2);
  }
  return number;
}

const host = await startHostSimulator({
  port: count('port', args.port),
  latencyMs: count('latency', args.latency),
  maxAttempts: Math.max(1, count('max-attempts', args['max-attempts'])),
  lockMs: count('lock-seconds', args['lock-seconds']) * 1000,
  onRequest: args.quiet
    ? undefined
    : (entry) =>
        console.log(
          `${new Date().toISOString()} ${entry.terminalId ?? '-'} ${entry.method} ${entry.path} ${entry.status} ${entry.durationMs}ms`,
        ),
});

console.log(`Host simulator listening on ${host.url}`);
console.log(
  `${host.participants.length} participants (GET ${host.url}/sim/participants); try KPJ ${FIXTURES.active.kpj}, birth date ${FIXTURES.active.birthDate}`,
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  console.log('Host simulator stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
