import { flag, intOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { connectDevice, type Connection } from '../connect-device';
import { assessDevice } from '../device-problems';
import { SELECTION_HELP, SELECTION_OPTIONS, selectDevice } from '../device-selection';
import { describeTarget, TARGET_HELP } from '../device-target';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { EXIT, unreachableError, type ExitCode } from '../exit-codes';
import { keyValueLines } from '../format';

export const probeCommand: DiagCommand = {
  name: 'probe',
  summary: 'open one device with its driver and report status and capabilities',
  help: `Usage: kiosk-diag probe (--device NAME [--config PATH] | --driver NAME (--port PATH | --tcp HOST:PORT | --hid ID | --file PATH)) [options]

Opens the device with the kiosk's own driver and asks for its status: a printer by DLE EOT
(online, paper, cover), a card reader by its media-state request, a pin pad by hello (model,
serial, PIN formats). A scanner has no status query: it counts as online once the link opens.

Options:
${SELECTION_HELP}
${TARGET_HELP}
  --timeout MS       how long the device may take to answer (default 1500)
  --json             one JSON object on stdout

Exit: 0 ready, 1 answered but not ready (paper out, cover open, jam), 2 usage,
      3 the port cannot be opened or the device does not answer.`,
  options: { ...SELECTION_OPTIONS, timeout: { type: 'string' } },
  run: probe,
};

async function probe(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const selected = selectDevice(values, io);
  const timeoutMs = intOption(values, 'timeout', { min: 50, max: 60_000, fallback: 1500 });

  const connection = await connectDevice(selected, { answerTimeoutMs: timeoutMs });
  try {
    return report(connection, describeTarget(selected.entry.transport), values, io);
  } finally {
    await connection.close();
  }
}

function report(connection: Connection, where: string, values: OptionValues, io: DiagIo): ExitCode {
  const { device, opened } = connection;
  const driver = connection.driver.name;
  const status = device.status();
  const capabilities = device.capabilities();
  if (opened.code !== 'success' && (status.device === 'offline' || status.device === 'noDevice'))
    throw unreachableError(
      `opened ${where}, but the ${driver} device did not answer (${opened.errorDescription}). ` +
        'Check power, cable, baud rate and that --driver matches the device.',
    );
  const finding = assessDevice(connection);
  if (opened.code !== 'success') finding.problems.push(opened.errorDescription);
  const ok = finding.problems.length === 0;

  if (flag(values, 'json')) {
    writeJson(io, {
      command: 'probe',
      ok,
      driver,
      transport: connection.transport,
      open: opened.code === 'success' ? { code: 'success' } : opened,
      status,
      capabilities,
      problems: finding.problems,
      notes: finding.notes,
    });
  } else {
    writeLine(io.stdout, `Probe ${driver} on ${where}`);
    const rows: Array<[string, string]> = [
      ['link', `${connection.transport} opened`],
      [
        'open',
        opened.code === 'success' ? 'success' : `${opened.code}: ${opened.errorDescription}`,
      ],
    ];
    for (const [key, value] of Object.entries(status)) {
      if (key === 'lastError') continue;
      rows.push([key, String(value)]);
    }
    if (status.lastError) rows.push(['last error', status.lastError.description]);
    rows.push(['capabilities', describeCapabilities(capabilities)]);
    for (const line of keyValueLines(rows)) writeLine(io.stdout, line);
    for (const note of finding.notes) writeLine(io.stdout, `  note: ${note}`);
    for (const problem of finding.problems) writeLine(io.stdout, `  PROBLEM: ${problem}`);
    writeLine(io.stdout, ok ? 'Result: ready' : 'Result: not ready');
  }
  return ok ? EXIT.ok : EXIT.problems;
}

function describeCapabilities(capabilities: object): string {
  return Object.entries(capabilities)
    .filter(([key]) => key !== 'transport')
    .map(
      ([key, value]) => `${key}=${Array.isArray(value) ? value.join('/') || '-' : String(value)}`,
    )
    .join(' ');
}
