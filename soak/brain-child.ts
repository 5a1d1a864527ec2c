/**
 * The kiosk brain for the soak, alone in its own process so the runner can kill it with
 * SIGKILL: config from a file, device manager, brain with its journal, web shell, as
 * e2e/support/serve-kiosk.ts composes them (simulators and host stay in the runner). Logs go
 * to stdout (the runner keeps them in a file and scans them for personal data).
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../core/config/load-config';
import { createKiosk } from '../core/kiosk/create-kiosk';
import { createLogger } from '../core/log/logger';
import { startDeviceManager } from '../devices/manager';
import { startWebShell } from '../web/web-shell';
import { BrainChildArgs, BrainCommand, type BrainMessage } from './brain-protocol';

const root = resolve(import.meta.dirname, '..');
const emit = (message: BrainMessage) => process.send?.(message);

async function main(): Promise<void> {
  const args = BrainChildArgs.parse(JSON.parse(process.argv[2] ?? '{}'));
  const config = loadConfig(args.configPath);
  const logger = createLogger({ level: config.log.level });
  const devices = config.devices ? await startDeviceManager(config.devices) : null;
  const kiosk = createKiosk(config, {
    logger,
    devices,
    configPath: args.configPath,
    configFile: args.configPath,
  });
  // The same secret for every brain of the run, so the soak's screen reconnects after a kill.
  const shell = await startWebShell({
    api: kiosk.api,
    rendererDir: join(root, 'dist/renderer'),
    port: args.webPort,
    logger,
    uiSecret: args.uiSecret,
  });

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
        await shell.close();
        await kiosk.stop();
        await devices?.stop();
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
