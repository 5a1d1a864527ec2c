import type { JournalHealthInfo, TechnicianDevice } from '../../core/common/api';
import type { OutOfServiceReason, ServiceStatus } from '../../core/common/service-status';
import { detailProblems, type DetailProblem } from '../../core/devices/device-fault-journal';
import { flag, intOption, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { DiagError, EXIT, type ExitCode } from '../exit-codes';
import { keyValueLines, table } from '../format';
import { askKiosk, socketPath, SOCKET_OPTIONS } from '../kiosk-socket';

export const kioskStatusCommand: DiagCommand = {
  name: 'kiosk status',
  summary: 'the running kiosk: every device as it sees it, and kiosk info (no need to stop it)',
  help: `Usage: kiosk-diag kiosk status [--config kiosk.json | --socket PATH] [--timeout MS] [--json]

Asks the running kiosk, through its diagnostics socket, for the devices it holds open (state,
driver, port, detail, counters, last error) and its info (version, terminal, uptime, config
file, host, journal). The kiosk keeps its ports; nothing is opened twice.

Options:
  --config PATH   kiosk configuration (default: $KIOSK_CONFIG); its technician.diagSocket
  --socket PATH   the socket itself (default .kiosk-data/diag/kiosk-diag.sock)
  --timeout MS    how long to wait for the kiosk (default 3000)

Exit: 0 every device online with nothing to fix, 1 the kiosk is out of service (the host
      does not answer, the journal cannot be written, a required device is down), a device
      needs attention (not online, paper out, cover open) or the journal refused records,
      2 usage or configuration error, 3 no kiosk answers.`,
  options: SOCKET_OPTIONS,
  run: kioskStatus,
};

const ADVICE: Record<DetailProblem, string> = {
  'paper out': 'paper out, load a new roll',
  'cover open': 'cover open, close it',
  'media jammed': 'card jammed, remove it',
};

/** What a technician must fix on a device, from the kiosk's own view of it. */
export function deviceProblems(device: TechnicianDevice): string[] {
  const problems = detailProblems(device.detail).map((p) => `${device.name}: ${ADVICE[p]}`);
  if (device.state === 'online' || problems.length) return problems;
  const where = device.portChangeable
    ? 'check its cable and port (kiosk-diag devices; on the screen: Change port)'
    : 'check its network link and address in the config';
  const hint = device.state.startsWith('noDevice') ? `: not connected, ${where}` : '';
  return [`${device.name}: ${device.state}${hint}`];
}

const REASON_WORDS: Record<OutOfServiceReason, string> = {
  hostUnreachable:
    'the host does not answer (check the network and host.url; kiosk-diag host ping)',
  journalUnwritable: 'the journal cannot be written',
  requiredDeviceDown: 'a required device is down',
};

/** Out of service: since when and why (the journal's own line says more about the journal). */
export function serviceProblems(service: ServiceStatus | undefined): string[] {
  if (!service || service.inService) return [];
  const why = service.reasons.map((reason) =>
    reason === 'requiredDeviceDown'
      ? `${REASON_WORDS[reason]} (${service.devicesDown.join(', ')})`
      : REASON_WORDS[reason],
  );
  return [
    `service: OUT OF SERVICE since ${service.since}: ${why.join('; ')}; it comes back by itself once fixed`,
  ];
}

/** What is wrong with the journal: it cannot be written, or it refused records. */
export function journalProblems(journal: JournalHealthInfo | undefined): string[] {
  if (!journal) return [];
  const problems: string[] = [];
  if (!journal.writable)
    problems.push(
      `journal: cannot be written since ${journal.unwritableSince} (${journal.cause}), the kiosk ` +
        'is out of service: free disk space or fix the journal folder, it comes back by itself',
    );
  if (journal.refusedRecords > 0) {
    const last = journal.lastRefused;
    problems.push(
      `journal: ${journal.refusedRecords} record(s) refused by its privacy check` +
        (last ? ` (last: ${last.recordType} ${last.fields.join(',')} at ${last.at})` : '') +
        ', a software fault: report it',
    );
  }
  return problems;
}

async function kioskStatus(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const path = socketPath(values, io);
  const timeoutMs = intOption(values, 'timeout', { min: 100, max: 60_000, fallback: 3000 });
  const answer = await askKiosk(path, { cmd: 'status' }, { timeoutMs, signal: io.signal });
  if (!answer.ok) throw new DiagError(`the kiosk refused: ${answer.error}`, EXIT.problems);
  if (!('status' in answer)) throw new DiagError('the kiosk sent no status', EXIT.problems);
  const { devices, events, info, screen } = answer.status;
  const problems = [
    ...serviceProblems(info.service),
    ...journalProblems(info.journal),
    ...devices.flatMap(deviceProblems),
  ];
  const exit: ExitCode = problems.length ? EXIT.problems : EXIT.ok;

  if (flag(values, 'json')) {
    writeJson(io, {
      command: 'kiosk status',
      ok: exit === EXIT.ok,
      socket: path,
      screen,
      info,
      devices,
      problems,
    });
    return exit;
  }
  writeLine(
    io.stdout,
    `Kiosk ${info.terminalId} (version ${info.version}, up ${info.uptimeSeconds} s, screen ${screen})`,
  );
  for (const line of keyValueLines([
    ['config', info.configPath],
    ['host', info.hostUrl],
    ['journal', info.journalDir],
    ['service', serviceLine(info.service)],
  ]))
    writeLine(io.stdout, line);
  writeLine(io.stdout);
  if (devices.length === 0) writeLine(io.stdout, '  no devices configured');
  else
    for (const line of table(
      ['DEVICE', 'STATE', 'DRIVER', 'PORT', 'DETAIL', 'LAST ERROR'],
      devices.map((d) => [
        d.name,
        d.state,
        d.driver,
        d.transport,
        d.detail ?? '-',
        d.lastError ? `${d.lastError.description} (${d.lastError.at})` : '-',
      ]),
    ))
      writeLine(io.stdout, line);
  writeLine(io.stdout);
  if (events.length) {
    writeLine(io.stdout, 'Recent device events (newest first, UTC)');
    for (const event of events.slice(0, 8))
      writeLine(
        io.stdout,
        `  ${event.at.slice(11, 19)}  ${event.device.padEnd(10)}  ${event.text}`,
      );
    writeLine(io.stdout);
  }
  for (const problem of problems) writeLine(io.stdout, `  PROBLEM ${problem}`);
  writeLine(
    io.stdout,
    problems.length
      ? journalProblems(info.journal).length
        ? 'Result: the kiosk needs attention'
        : 'Result: devices need attention'
      : 'Result: all devices ready',
  );
  return exit;
}

function serviceLine(service: ServiceStatus | undefined): string {
  if (!service) return 'unknown (an older kiosk)';
  return service.inService
    ? 'in service'
    : `out of service since ${service.since} (${service.reasons.join(', ')})`;
}
