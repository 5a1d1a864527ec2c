import { HostError } from '../../core/host/host-client';
import { hostUrlProblem } from '../../core/host/host-url-policy';
import { flag, intOption, stringOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { CONFIG_OPTION } from '../config-source';
import { loadRunningKioskConfig } from '../running-kiosk-config';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, usageError, type ExitCode } from '../exit-codes';
import { keyValueLines } from '../format';
import { diagHostClient } from '../host-client';

export const hostCommand: DiagCommand = {
  name: 'host',
  summary: 'host connectivity and latency (a few pings to /v1/health)',
  help: `Usage: kiosk-diag host [--config kiosk.json | --socket PATH | --url URL] [--count N] [--timeout MS] [--json]

Calls the host's health endpoint a few times, as the kiosk would (same client, same
X-Terminal-Id), and reports min / median / max latency. With host.clientModule in the config
(a bank's own host client) it loads that module as the kiosk does and calls its ping(); --url
and --timeout then replace host.url and host.timeoutMs in the section the module is given.

Options:
  --config PATH   kiosk configuration (default: $KIOSK_CONFIG, else the config file of the
                  kiosk running here, asked on its diagnostics socket, else the defaults); host.url
  --socket PATH   the running kiosk's diagnostics socket (default .kiosk-data/diag/kiosk-diag.sock)
  --url URL       the host's base URL instead of the configured one
  --count N       pings (default 5, 1-50)
  --timeout MS    per ping (default: host.timeoutMs from the config)

Exit: 0 every ping answered, 1 the host answered with an error or some pings failed,
      2 usage or configuration error, 3 the host could not be reached at all.`,
  options: {
    ...CONFIG_OPTION,
    socket: { type: 'string' },
    url: { type: 'string' },
    count: { type: 'string' },
    timeout: { type: 'string' },
  },
  run: checkHost,
};

interface PingFailure {
  attempt: number;
  kind: string;
  detail?: string;
  /** The host could not be reached (as opposed to answering badly). */
  unreachable: boolean;
}

async function checkHost(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const { config, source } = await loadRunningKioskConfig(values, io);
  const url = stringOption(values, 'url') ?? config.host.url;
  const urlProblem = hostUrlProblem(url);
  if (urlProblem) throw usageError(`--url ${urlProblem} (got "${url}")`);
  const count = intOption(values, 'count', { min: 1, max: 50, fallback: 5 });
  const timeoutMs = intOption(values, 'timeout', {
    min: 100,
    max: 120_000,
    fallback: config.host.timeoutMs,
  });
  const host = await diagHostClient(config, io, { baseUrl: url, timeoutMs });

  const latencies: number[] = [];
  const failures: PingFailure[] = [];
  try {
    for (let attempt = 1; attempt <= count && !io.signal.aborted; attempt += 1) {
      try {
        latencies.push(await host.client.ping(io.signal));
      } catch (error) {
        failures.push(describeFailure(attempt, error));
      }
    }
  } finally {
    await host.close();
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  const latencyMs = sorted.length
    ? { min: sorted[0]!, median: median(sorted), max: sorted.at(-1)! }
    : null;
  const exit: ExitCode =
    failures.length === 0
      ? EXIT.ok
      : latencies.length === 0 && failures.every((f) => f.unreachable)
        ? EXIT.unreachable
        : EXIT.problems;

  if (flag(values, 'json')) {
    writeJson(io, {
      command: 'host',
      ok: exit === EXIT.ok,
      url,
      config: source,
      client: host.via,
      terminalId: config.terminalId,
      pings: count,
      answered: latencies.length,
      latencyMs,
      failures: failures.map(({ attempt, kind, detail }) => ({ attempt, kind, detail })),
    });
    return exit;
  }
  writeLine(io.stdout, `Host ${url} (terminal ${config.terminalId}, config ${source})`);
  const rows: Array<[string, string]> = [
    ['client', host.via],
    ['answered', `${latencies.length} of ${count} pings`],
  ];
  if (latencyMs)
    rows.push([
      'latency',
      `min ${latencyMs.min} ms, median ${latencyMs.median} ms, max ${latencyMs.max} ms`,
    ]);
  for (const line of keyValueLines(rows)) writeLine(io.stdout, line);
  for (const f of failures)
    writeLine(
      io.stdout,
      `  ping ${f.attempt} failed: ${f.kind}${f.detail ? ` (${f.detail})` : ''}`,
    );
  const verdict =
    exit === EXIT.ok
      ? 'Result: host reachable'
      : exit === EXIT.unreachable
        ? 'Result: host unreachable: check the network, the URL, proxies and firewalls'
        : 'Result: host reachable but not healthy';
  writeLine(io.stdout, verdict);
  return exit;
}

function describeFailure(attempt: number, error: unknown): PingFailure {
  if (!(error instanceof HostError))
    return { attempt, kind: 'error', detail: String(error), unreachable: true };
  const failure = error.failure;
  const detail = 'detail' in failure ? failure.detail : undefined;
  // An HTTP status means something answered; a network code or a timeout means nothing did.
  const answered = detail !== undefined && /^HTTP \d/.test(detail);
  const unreachable = failure.kind === 'timeout' || (failure.kind === 'unavailable' && !answered);
  return { attempt, kind: failure.kind, detail, unreachable };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
