/**
 * `npm start`: checks the system packages the start needs (socat for the embedded simulators;
 * none with --config), then runs scripts/start.ts with the same arguments.
 */
import { ensurePrerequisites } from './ensure-prerequisites';
import { thisSystem } from './system';

const args = process.argv.slice(2);
const configured = args.some((arg) => arg === '--config' || arg.startsWith('--config='));
const status = ensurePrerequisites(configured ? 'start-configured' : 'start', thisSystem());
if (status !== 0) process.exit(status);
await import('../start');
