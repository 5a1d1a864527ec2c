/**
 * `tsx scripts/prerequisites/main.ts test`: the system-package check at the start of `npm test`
 * (and the install step of .ci/run). Exits non-zero, before anything runs, when one is missing.
 */
import { ensurePrerequisites } from './ensure-prerequisites';
import { PrerequisiteCommand } from './system-packages';
import { thisSystem } from './system';

const command = PrerequisiteCommand.safeParse(process.argv[2]);
if (!command.success) {
  console.error(`usage: main.ts ${PrerequisiteCommand.options.join('|')}`);
  process.exit(2);
}
process.exitCode = ensurePrerequisites(command.data, thisSystem());
