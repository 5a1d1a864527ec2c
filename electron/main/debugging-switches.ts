import type { CommandLine } from 'electron';

/**
 * Chromium switches that open the DevTools protocol on every page (a remote debugger could
 * drive the kiosk page and read what it shows). No fuse covers them, unlike --inspect. Read
 * through app.commandLine, which parses them as Chromium does (`--x=1`, `-x=1`).
 */
export const REMOTE_DEBUGGING_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'];

export function remoteDebuggingSwitches(commandLine: Pick<CommandLine, 'hasSwitch'>): string[] {
  return REMOTE_DEBUGGING_SWITCHES.filter((name) => commandLine.hasSwitch(name));
}
