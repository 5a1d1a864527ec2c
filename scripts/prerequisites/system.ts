import { aptInstall } from './apt-install';
import type { PrerequisiteSystem } from './ensure-prerequisites';
import { SYSTEM_PROBES } from './system-probes';

/** This machine, for ensurePrerequisites. */
export function thisSystem(): PrerequisiteSystem {
  return {
    probe: (id) => SYSTEM_PROBES[id](),
    install: aptInstall,
    isRoot: process.getuid?.() === 0,
    env: process.env,
    print: (line) => console.log(line),
    printError: (line) => console.error(line),
  };
}
