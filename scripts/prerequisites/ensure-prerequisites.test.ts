import { describe, expect, it, vi } from 'vitest';
import { ensurePrerequisites, type PrerequisiteSystem } from './ensure-prerequisites';
import { SYSTEM_PACKAGES, type SystemPackageId } from './system-packages';

const ALL = Object.keys(SYSTEM_PACKAGES) as SystemPackageId[];

/** A machine where `missing` are absent; an install (when it succeeds) makes them present. */
function fakeSystem(
  missing: SystemPackageId[],
  { isRoot = false, env = {}, installWorks = true } = {} as {
    isRoot?: boolean;
    env?: Record<string, string>;
    installWorks?: boolean;
  },
) {
  const absent = new Set(missing);
  const output: string[] = [];
  const errors: string[] = [];
  const install = vi.fn((packages: readonly string[]) => {
    if (!installWorks) return false;
    for (const id of ALL)
      if (packages.includes(SYSTEM_PACKAGES[id].debianPackage)) absent.delete(id);
    return true;
  });
  const system: PrerequisiteSystem = {
    probe: vi.fn((id: SystemPackageId) => !absent.has(id)),
    install,
    isRoot,
    env,
    print: (line) => output.push(line),
    printError: (line) => errors.push(line),
  };
  return { system, install, output: () => output.join('\n'), errors: () => errors.join('\n') };
}

describe('ensurePrerequisites: npm test', () => {
  it('goes on quietly when everything is installed', () => {
    const machine = fakeSystem([]);
    expect(ensurePrerequisites('test', machine.system)).toBe(0);
    expect(machine.install).not.toHaveBeenCalled();
    expect(machine.output() + machine.errors()).toBe('');
  });

  it('checks all four packages', () => {
    const machine = fakeSystem([]);
    ensurePrerequisites('test', machine.system);
    expect(
      vi
        .mocked(machine.system.probe)
        .mock.calls.map(([id]) => id)
        .sort(),
    ).toEqual([...ALL].sort());
  });

  it('on a fresh machine stops before any test, naming what is missing and the one command', () => {
    const machine = fakeSystem(['socat', 'chromium']);
    expect(ensurePrerequisites('test', machine.system)).toBe(1);
    expect(machine.install).not.toHaveBeenCalled();
    const message = machine.errors();
    expect(message).toContain('npm test cannot run on this machine');
    expect(message).toContain('  - socat: pty pairs for the serial device simulators');
    expect(message).toContain('  - chromium: the browser the end-to-end tests drive');
    expect(message).not.toContain('libusb-1.0-0');
    expect(message).toContain('apt-get update && apt-get install -y chromium socat\n');
  });

  it('names all four with the full install command when nothing is there', () => {
    const machine = fakeSystem(ALL);
    expect(ensurePrerequisites('test', machine.system)).toBe(1);
    expect(machine.errors()).toContain(
      'apt-get install -y chromium socat libusb-1.0-0 fonts-dejavu-core',
    );
  });

  it('as root installs exactly the missing packages, then goes on', () => {
    const machine = fakeSystem(['socat', 'dejavuFonts'], { isRoot: true });
    expect(ensurePrerequisites('test', machine.system)).toBe(0);
    expect(machine.install).toHaveBeenCalledOnce();
    expect(machine.install).toHaveBeenCalledWith(['socat', 'fonts-dejavu-core']);
    expect(machine.output()).toContain('installing system packages: socat fonts-dejavu-core');
  });

  it('as root stops when apt-get fails', () => {
    const machine = fakeSystem(['socat'], {
      isRoot: true,
      env: { CI: 'true' },
      installWorks: false,
    });
    expect(ensurePrerequisites('test', machine.system)).toBe(1);
    expect(machine.errors()).toMatch(/apt-get failed; missing:\n {2}- socat: /);
  });

  it('does not install as another user, nor as root with KIOSK_NO_INSTALL=1', () => {
    const cases: Array<{ isRoot: boolean; env: Record<string, string> }> = [
      { isRoot: true, env: { KIOSK_NO_INSTALL: '1' } },
      { isRoot: false, env: { CI: 'true' } },
    ];
    for (const options of cases) {
      const machine = fakeSystem(['socat'], options);
      expect(ensurePrerequisites('test', machine.system)).toBe(1);
      expect(machine.install).not.toHaveBeenCalled();
    }
  });
});

describe('ensurePrerequisites: npm start', () => {
  it('needs socat for the embedded simulators', () => {
    const machine = fakeSystem(['socat']);
    expect(ensurePrerequisites('start', machine.system)).toBe(1);
    expect(machine.errors()).toContain('npm start cannot run on this machine');
    expect(machine.errors()).toContain('apt-get update && apt-get install -y socat\n');
  });

  it('runs without Chromium, saying the URL will be printed instead', () => {
    const machine = fakeSystem(['chromium', 'libusb', 'dejavuFonts']);
    expect(ensurePrerequisites('start', machine.system)).toBe(0);
    expect(machine.errors()).toBe('');
    expect(machine.output()).toContain('the kiosk URL is printed instead of opened');
    expect(machine.output()).toContain('apt-get install -y chromium');
    expect(machine.output()).not.toContain('libusb');
  });

  it('with --config (real devices) needs no socat', () => {
    const machine = fakeSystem(['socat']);
    expect(ensurePrerequisites('start-configured', machine.system)).toBe(0);
    expect(machine.output() + machine.errors()).toBe('');
  });

  it('as root installs socat itself', () => {
    const machine = fakeSystem(['socat', 'chromium'], { isRoot: true });
    expect(ensurePrerequisites('start', machine.system)).toBe(0);
    expect(machine.install).toHaveBeenCalledWith(['socat']);
  });
});
