import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface NotifyRecord {
  atMs: number;
  message: string;
}

/**
 * A `systemd-notify` stand-in put first on PATH: it appends its arguments (one message) and the
 * time to a log, as PID 1 would receive them. Node cannot read the real datagram socket, and
 * the real tool waits for PID 1 to take the message, which a test machine without systemd as
 * init never does.
 */
export function fakeSystemdNotify() {
  const dir = mkdtempSync(join(tmpdir(), 'fake-notify-'));
  const log = join(dir, 'notify.log');
  const bin = join(dir, 'systemd-notify');
  writeFileSync(bin, `#!/bin/sh\necho "$(date +%s%N) $*" >> '${log}'\n`);
  chmodSync(bin, 0o755);
  return {
    log,
    env: (extra: Record<string, string>) => ({
      ...process.env,
      PATH: `${dir}${delimiter}${process.env.PATH ?? ''}`,
      NOTIFY_SOCKET: join(dir, 'notify.sock'),
      ...extra,
    }),
    records: (): NotifyRecord[] =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [ns, ...rest] = line.split(' ');
              return { atMs: Number(BigInt(ns!) / 1_000_000n), message: rest.join(' ') };
            })
        : [],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
