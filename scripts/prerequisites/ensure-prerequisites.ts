import {
  COMMAND_NEEDS,
  SYSTEM_PACKAGES,
  aptCommandLine,
  type PrerequisiteCommand,
  type SystemPackageId,
} from './system-packages';

export interface PrerequisiteSystem {
  /** Whether a package is usable now. */
  probe: (id: SystemPackageId) => boolean;
  /** Installs Debian packages; true when apt-get succeeded. */
  install: (debianPackages: readonly string[]) => boolean;
  isRoot: boolean;
  env: Readonly<Record<string, string | undefined>>;
  print: (line: string) => void;
  printError: (line: string) => void;
}

const COMMAND_LABEL: Record<PrerequisiteCommand, string> = {
  test: 'npm test',
  start: 'npm start',
  'start-configured': 'npm start',
};

/**
 * As root (a fresh kiosk PC, a CI machine) the missing packages are installed, as the set-up
 * contract says; another user is told the command. KIOSK_NO_INSTALL=1 turns the install off.
 */
export function installsItself(system: Pick<PrerequisiteSystem, 'isRoot' | 'env'>): boolean {
  return system.isRoot && system.env.KIOSK_NO_INSTALL !== '1';
}

/**
 * Checks the system packages `command` needs, installs the missing ones when run as root,
 * and says what is missing and how to install it. Returns the exit status: 0 to go on.
 */
export function ensurePrerequisites(
  command: PrerequisiteCommand,
  system: PrerequisiteSystem,
): number {
  const needs = COMMAND_NEEDS[command];
  const label = COMMAND_LABEL[command];
  let missing = needs.required.filter((id) => !system.probe(id));
  if (missing.length > 0 && installsItself(system)) {
    const packages = debianPackages(missing);
    system.print(`${label}: installing system packages: ${packages.join(' ')}`);
    const installed = system.install(packages);
    missing = missing.filter((id) => !system.probe(id));
    if (missing.length > 0) {
      system.printError(
        `${label} cannot run: ${installed ? 'still missing after apt-get' : 'apt-get failed; missing'}:`,
      );
      for (const id of missing) system.printError(`  - ${describe(id)}`);
      return 1;
    }
  }
  if (missing.length > 0) {
    system.printError(`${label} cannot run on this machine: system packages are missing:`);
    for (const id of missing) system.printError(`  - ${describe(id)}`);
    system.printError('Install them as root with:');
    system.printError(`  ${aptCommandLine(debianPackages(missing))}`);
    system.printError(`(Run as root, ${label} installs them itself.)`);
    return 1;
  }
  for (const { id, without } of needs.optional) {
    if (system.probe(id)) continue;
    system.print(`${label}: ${describe(id)} is not installed, so ${without}.`);
    system.print(`  To have it: ${aptCommandLine([SYSTEM_PACKAGES[id].debianPackage])}`);
  }
  return 0;
}

function debianPackages(ids: readonly SystemPackageId[]): string[] {
  return ids.map((id) => SYSTEM_PACKAGES[id].debianPackage);
}

function describe(id: SystemPackageId): string {
  return `${SYSTEM_PACKAGES[id].debianPackage}: ${SYSTEM_PACKAGES[id].what}`;
}
