/**
 * The kiosk brain for the soak, alone in its own process so the runner can kill it with
 * SIGKILL: config from a file, device manager, brain with its journal, web shell, through the
 * kiosk runtime as kiosk-web starts them (simulators and host stay in the runner). Logs go
 * to stdout (the runner keeps them in a file and scans them for personal data).
 */
import { loadConfig } from '../core/config/load-config';
import { startWebKiosk } from '../web/entry/web-kiosk';
import { BrainChildArgs, BrainCommand, type BrainMessage } from './brain-protocol';

const emit = (message: BrainMessage) => process.send?.(message);

async function main(): Promise<void> {
  const args = BrainChildArgs.parse(JSON.parse(process.argv[2] ?? '{}'));
  // Devices, brain with its journal, web shell: the kiosk as kiosk-web runs it.
  const kiosk = await startWebKiosk(loadConfig(args.configPath), {
    port: args.webPort,
    // The same secret for every brain of the run, so the soak's screen reconnects after a kill.
    uiSecret: args.uiSecret,
    launchFile: false,
    // Every device has had its first open before the runner drives a session.
    runtime: { configFile: args.configPath, waitForDevices: true },
  });
  const { shell } = kiosk;
  const devices = kiosk.runtime.devices;

  process.on('message', (raw: unknown) => {
    const command = BrainCommand.safeParse(raw);
    if (!command.success) return;
    const { id, cmd } = command.data;
    if (cmd === 'memory') emit({ type: 'reply', id, rss: process.memoryUsage().rss });
    if (cmd === 'devices')
      emit({
        type: 'reply',
        id,
        devices: (devices?.snapshots() ?? []).map(({ name, state }) => ({ name, state })),
      });
    if (cmd === 'stop') {
      void (async () => {
        await kiosk.dispose();
        emit({ type: 'reply', id });
        setImmediate(() => process.exit(0));
      })();
    }
  });
  emit({ type: 'ready', url: shell.url, port: shell.port, pid: process.pid });
}

process.on('disconnect', () => process.exit(0));
main().catch((error: unknown) => {
  emit({ type: 'failed', error: (error as Error).message });
  setImmediate(() => process.exit(1));
});
