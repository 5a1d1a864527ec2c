import { HostError } from '../../core/host/host-client';
import type { JournalShipped } from '../../core/host/host-api';
import { journalShippingStatus } from '../../core/journal/shipping-status';
import { flag, type OptionValues } from '../args';
import type { DiagCommand } from '../command';
import { writeJson, writeLine, type DiagIo } from '../diag-io';
import { diagHostClient } from '../host-client';
import { EXIT, unreachableError, type ExitCode } from '../exit-codes';
import { keyValueLines } from '../format';
import { JOURNAL_DIR_HELP, JOURNAL_DIR_OPTIONS, journalDir } from '../journal-dir';
import { loadRunningKioskConfig } from '../running-kiosk-config';

export const journalStatusCommand: DiagCommand = {
  name: 'journal status',
  summary: 'journal shipping: what the host holds, what waits on this kiosk, the last try',
  help: `Usage: kiosk-diag journal status [--dir PATH | --config PATH] [--host] [--json]

Shows how far the journal is shipped to the host (docs/journal.md): the last seq the host
confirmed and when, the journal's own last seq, the records and bytes still only on this kiosk
(and their day files), and the last attempt: its time, its failure, the next retry. Read from
the journal folder (the cursor file journal-shipping.json the kiosk keeps beside the day files),
so it works with the kiosk stopped and the host unreachable.

Options:
${JOURNAL_DIR_HELP}
  --host             also ask the host which record it holds (host.url and terminalId of the
                     config, else of the kiosk running here)
  --socket PATH      the running kiosk's diagnostics socket, for --host without --config
  --json             everything as one JSON object

Exit: 0 nothing waits or the last attempt went through, 1 records wait and the last attempt
      failed, the host and this journal disagree (blocked), or the host holds less than the
      kiosk says, 2 usage / no journal folder,
      3 --host: the host could not be asked.`,
  options: { ...JOURNAL_DIR_OPTIONS, host: { type: 'boolean' }, socket: { type: 'string' } },
  run: status,
};

async function status(values: OptionValues, io: DiagIo): Promise<ExitCode> {
  const dir = journalDir(values, io);
  const result = await journalShippingStatus(dir);
  const host = flag(values, 'host') ? await hostHolds(values, io) : null;
  const { cursor, localHead, waiting } = result;
  // Blocked: the host holds what this journal lacks, so even "nothing waiting" is a problem.
  const failing =
    cursor?.lastError != null && (waiting.records > 0 || cursor.lastError.kind === 'blocked');
  const hostBehind = host !== null && cursor !== null && host.held.seq < cursor.shipped.seq;
  const exit: ExitCode = failing || hostBehind ? EXIT.problems : EXIT.ok;
  if (flag(values, 'json')) {
    writeJson(io, { command: 'journal status', ok: exit === EXIT.ok, dir, ...result, host });
    return exit;
  }
  writeLine(io.stdout, `Journal ${dir}`);
  const shipped = cursor
    ? `seq ${cursor.shipped.seq}` +
      (cursor.confirmedAt ? `, confirmed by the host ${cursor.confirmedAt}` : '')
    : 'nothing yet (no journal-shipping.json: shipping off, or the kiosk never reached the host)';
  const rows: Array<[string, string]> = [
    ['shipped', shipped],
    ['local head', localHead ? `seq ${localHead.seq} (${localHead.file})` : 'no records'],
    [
      'waiting',
      waiting.records === 0
        ? 'nothing'
        : `${waiting.records} record(s), ${formatBytes(waiting.bytes)} in ${waiting.files.join(', ')}`,
    ],
  ];
  if (cursor?.lastAttemptAt) {
    const error = cursor.lastError;
    rows.push([
      'last attempt',
      error
        ? `${cursor.lastAttemptAt} failed: ${error.kind}${error.detail ? ` (${error.detail})` : ''}` +
          (cursor.nextRetryAt ? `; next try ${cursor.nextRetryAt}` : '')
        : `${cursor.lastAttemptAt} ok`,
    ]);
  }
  if (host)
    rows.push(['host holds', `seq ${host.held.seq} (${host.url}, terminal ${host.terminalId})`]);
  for (const line of keyValueLines(rows)) writeLine(io.stdout, line);
  if (result.cursorProblem) writeLine(io.stdout, `  note: ${result.cursorProblem}`);
  writeLine(
    io.stdout,
    hostBehind
      ? `Result: the host holds seq ${host!.held.seq}, less than the ${cursor!.shipped.seq} it confirmed: the kiosk ships the rest again`
      : failing
        ? cursor?.lastError?.kind === 'blocked'
          ? 'Result: shipping is blocked: the host and this journal disagree (kiosk-diag journal verify --anchor host)'
          : `Result: ${waiting.records} record(s) waiting; shipping is failing (kept on this kiosk, retried by itself)`
        : waiting.records > 0
          ? `Result: ${waiting.records} record(s) waiting for the next shipment`
          : 'Result: everything shipped',
  );
  return exit;
}

async function hostHolds(
  values: OptionValues,
  io: DiagIo,
): Promise<{ url: string; terminalId: string; held: JournalShipped }> {
  const { config } = await loadRunningKioskConfig(values, io);
  const host = await diagHostClient(config, io);
  try {
    const held = await host.client.journalShipped(io.signal);
    return { url: config.host.url, terminalId: config.terminalId, held };
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    const failure = error.failure;
    const detail = 'detail' in failure ? ` (${failure.detail})` : '';
    throw unreachableError(
      `cannot ask the host ${config.host.url} what it holds: ${failure.kind}${detail}`,
    );
  } finally {
    await host.close();
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}
