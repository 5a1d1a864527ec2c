import { readFileSync } from 'node:fs';

/**
 * What tells one running process from another over time: a pid alone is reused (after a reboot,
 * or once the pid counter wraps), the boot id and the pid's start time are not.
 */
export interface ProcessTable {
  /** This boot's id; null where there is no /proc (not Linux): then only `alive` can be asked. */
  bootId(): string | null;
  /** When `pid` started (clock ticks since boot), or null if it is not running. */
  startTime(pid: number): string | null;
  /** Whether `pid` runs, for where there is no /proc. */
  alive(pid: number): boolean;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat; the name in field 2 may hold spaces and parentheses. */
function startTimeOf(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3
  const [state, startTime] = [fields[0], fields[19]];
  // A zombie has ended; only its exit status waits to be collected.
  if (state === 'Z' || state === 'X' || !startTime || !/^\d+$/.test(startTime)) return null;
  return startTime;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

export const systemProcesses: ProcessTable = {
  bootId: () => readOrNull('/proc/sys/kernel/random/boot_id')?.trim() || null,
  startTime: startTimeOf,
  alive,
};
