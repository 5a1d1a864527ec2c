import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/load-config';
import { buildForTest, ROOT } from '../build/production-build.test-helper';
import { buildDeb, type DebBuild } from './build-deb';
import { INSTALL_DIR, KIOSK_USER } from './deb-layout';
import { parseUnit } from './unit-file';

const run = promisify(execFile);

let dir: string;
let deb: DebBuild;
/** `dpkg-deb -c`: path → mode string and owner. */
const listing = new Map<string, { mode: string; owner: string }>();
let extracted: string;
let control: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-deb-'));
  await buildForTest(dir);
  deb = buildDeb({ root: ROOT, distDir: join(dir, 'dist'), outDir: dir });
  for (const line of execFileSync('dpkg-deb', ['-c', deb.path], { encoding: 'utf8' }).split('\n')) {
    const match = /^(\S+) (\S+)\s+\d+ \S+ \S+ \.(\/\S*?)(?: -> .*)?$/.exec(line);
    if (match)
      listing.set(match[3]!.replace(/\/$/, '') || '/', { mode: match[1]!, owner: match[2]! });
  }
  extracted = join(dir, 'root');
  control = join(dir, 'control');
  execFileSync('dpkg-deb', ['-x', deb.path, extracted]);
  execFileSync('dpkg-deb', ['-e', deb.path, control]);
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const entry = (path: string) => {
  const found = listing.get(path);
  if (!found) throw new Error(`${path} is not in the package`);
  return found;
};

describe('the Debian package', () => {
  it('names itself, its architecture and what it needs', () => {
    const info = execFileSync('dpkg-deb', ['-f', deb.path], { encoding: 'utf8' });
    expect(info).toMatch(/^Package: bpjs-kiosk$/m);
    expect(info).toMatch(new RegExp(`^Version: ${deb.version}$`, 'm'));
    expect(info).toMatch(new RegExp(`^Architecture: ${deb.architecture}$`, 'm'));
    expect(info).toMatch(/^Depends: .*nodejs \(>= 20\.19\).*adduser/m);
    expect(info).toMatch(/^Recommends: .*cage.*chromium/m);
  });

  it('installs the build, the units, the udev rules and kiosk-diag, all root-owned', () => {
    for (const path of [
      `${INSTALL_DIR}/dist/renderer/index.html`,
      `${INSTALL_DIR}/dist/app/node_modules/serialport/package.json`,
      `${INSTALL_DIR}/dist/app/node_modules/node-hid/package.json`,
      '/lib/systemd/system/bpjs-kiosk.service',
      '/lib/systemd/system/bpjs-kiosk-screen.service',
      '/lib/udev/rules.d/60-bpjs-kiosk.rules',
      '/usr/share/doc/bpjs-kiosk/copyright',
      '/usr/share/man/man1/kiosk-diag.1.gz',
    ])
      expect(entry(path).mode, path).toBe('-rw-r--r--');
    expect(entry('/usr/bin/kiosk-diag').mode).toBe('-rwxr-xr-x');
    expect(entry(`${INSTALL_DIR}/dist/app/kiosk-web.mjs`).mode).toBe('-rwxr-xr-x');
    expect(entry(`${INSTALL_DIR}/dist/app/kiosk-diag.mjs`).mode).toBe('-rwxr-xr-x');
    expect(entry(`${INSTALL_DIR}/dist/app/kiosk-screen.mjs`).mode).toBe('-rwxr-xr-x');
    expect(entry(`${INSTALL_DIR}/kiosk-screen`).mode).toBe('-rwxr-xr-x');
    expect(new Set([...listing.values()].map((e) => e.owner))).toEqual(new Set(['root/root']));
    const paths = [...listing.keys()];
    // No dev dependencies, no sources, no prebuilds for other systems.
    expect(
      paths.filter((p) => /node_modules\/(tsx|esbuild|vitest|vite|typescript)\//.test(p)),
    ).toEqual([]);
    expect(paths.filter((p) => /prebuilds\/[^/]*(darwin|win32|android)/.test(p))).toEqual([]);
    expect(paths.some((p) => /node-hid\/prebuilds\/HID-linux-/.test(p))).toBe(true);
  });

  it('ships the config owner-only, as a conffile, and one that the kiosk accepts', () => {
    expect(entry('/etc/bpjs-kiosk/kiosk.json').mode).toBe('-rw-------');
    expect(readFileSync(join(control, 'conffiles'), 'utf8').trim().split('\n')).toEqual([
      '/etc/bpjs-kiosk/kiosk.json',
      '/etc/default/bpjs-kiosk-screen',
    ]);
    const config = parseConfig(
      JSON.parse(readFileSync(join(extracted, 'etc/bpjs-kiosk/kiosk.json'), 'utf8')),
      'kiosk.json',
    );
    expect(config.journal.dir).toBe('/var/lib/bpjs-kiosk/journal');
    expect(config.technician.diagSocket).toMatch(/^\/run\/bpjs-kiosk\//);
  });

  it('creates the system user and gives it the config (0600) and data folders (0700) in postinst', () => {
    const postinst = readFileSync(join(control, 'postinst'), 'utf8');
    expect(postinst).toMatch(/adduser --system --group --home \/var\/lib\/bpjs-kiosk/);
    expect(postinst).toContain(`getent passwd ${KIOSK_USER}`);
    expect(postinst).toContain('own 0600 /etc/bpjs-kiosk/kiosk.json');
    expect(postinst).toContain('own 0700 /var/lib/bpjs-kiosk/journal');
    expect(postinst).toMatch(/chown bpjs-kiosk:bpjs-kiosk "\$2"/);
    expect(postinst).toContain('dpkg-statoverride --list');
  });

  it('stops the units before removal and cleans up on purge', () => {
    const prerm = readFileSync(join(control, 'prerm'), 'utf8');
    expect(prerm).toContain('deb-systemd-invoke stop bpjs-kiosk-screen.service bpjs-kiosk.service');
    const postrm = readFileSync(join(control, 'postrm'), 'utf8');
    expect(postrm).toMatch(/"\$1" = purge[\s\S]*deb-systemd-helper purge/);
    for (const script of ['postinst', 'prerm', 'postrm']) {
      expect(statSync(join(control, script)).mode & 0o777, script).toBe(0o755);
      execFileSync('sh', ['-n', join(control, script)]); // throws on a syntax error
    }
  });

  it('runs its kiosk-diag and loads its native modules with plain node', async () => {
    const app = join(extracted, INSTALL_DIR, 'dist/app');
    const help = await run(process.execPath, [join(app, 'kiosk-diag.mjs'), '--help'], {
      cwd: dir,
      env: { PATH: process.env.PATH },
    });
    expect(help.stdout).toMatch(/^Usage: kiosk-diag COMMAND/);
    const probe = [
      `const hid = await import(${JSON.stringify(join(app, 'node_modules/node-hid/nodehid.js'))});`,
      `const { autoDetect } = await import(${JSON.stringify(join(app, 'node_modules/@serialport/bindings-cpp/dist/index.js'))});`,
      'console.log(Array.isArray(hid.default.devices()), typeof (await autoDetect().list()).length);',
    ].join('\n');
    const loaded = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: dir });
    expect(loaded.stdout.trim()).toBe('true number');
  });
});

describe('the systemd units', () => {
  const unit = (name: string) =>
    parseUnit(readFileSync(join(extracted, 'lib/systemd/system', name), 'utf8'));

  it('run the brain as a notify service with a watchdog, restarted on failure, hardened', () => {
    const brain = unit('bpjs-kiosk.service');
    expect(brain.get('Service', 'Type')).toEqual(['notify']);
    expect(brain.get('Service', 'NotifyAccess')).toEqual(['all']);
    expect(Number(brain.get('Service', 'WatchdogSec')[0])).toBeGreaterThan(0);
    expect(brain.get('Service', 'Restart')).toEqual(['on-failure']);
    expect(brain.get('Service', 'User')).toEqual([KIOSK_USER]);
    for (const [key, value] of [
      ['ProtectSystem', 'strict'],
      ['PrivateTmp', 'yes'],
      ['NoNewPrivileges', 'yes'],
      ['ProtectHome', 'yes'],
      ['DevicePolicy', 'closed'],
      ['StateDirectoryMode', '0700'],
      ['RuntimeDirectoryMode', '0700'],
    ] as const)
      expect(brain.get('Service', key), key).toEqual([value]);
    expect(brain.get('Service', 'ReadWritePaths')).toEqual(['/var/lib/bpjs-kiosk']);
    expect(brain.get('Service', 'DeviceAllow')).toEqual(
      expect.arrayContaining(['char-ttyUSB rw', 'char-hidraw rw', 'char-usbmisc rw']),
    );
    const exec = brain.get('Service', 'ExecStart')[0]!.split(' ');
    expect(exec[0]).toBe('/usr/bin/node');
    expect(listing.has(exec.find((word) => word.endsWith('kiosk-web.mjs'))!)).toBe(true);
    expect(exec.slice(exec.indexOf('--config'), exec.indexOf('--config') + 2)).toEqual([
      '--config',
      '/etc/bpjs-kiosk/kiosk.json',
    ]);
  });

  it('run the screen as a cage session that always comes back, after the brain', () => {
    const screen = unit('bpjs-kiosk-screen.service');
    expect(screen.get('Service', 'Restart')).toEqual(['always']);
    expect(screen.get('Service', 'User')).toEqual([KIOSK_USER]);
    expect(screen.get('Service', 'PAMName')).toEqual(['login']);
    expect(screen.get('Unit', 'After').join(' ')).toContain('bpjs-kiosk.service');
    expect(listing.has(screen.get('Service', 'ExecStart')[0]!)).toBe(true);
    // The brain writes the launch file where the screen reads it.
    const launch = /--launch-file (\S+)/.exec(
      unit('bpjs-kiosk.service').get('Service', 'ExecStart')[0]!,
    )![1];
    const script = readFileSync(join(extracted, INSTALL_DIR, 'kiosk-screen'), 'utf8');
    expect(script).toContain(`KIOSK_LAUNCH_FILE:-${launch}`);
    // It runs the packaged kiosk-screen (Chromium, reloaded when its page crashes) in cage.
    const program = /KIOSK_SCREEN_PROGRAM:-(\S+)\}/.exec(script)![1]!;
    expect(listing.has(program)).toBe(true);
    expect(script).toMatch(/exec cage .* -- \/usr\/bin\/node "\$PROGRAM"/);
  });

  it('pass systemd-analyze verify', (context) => {
    if (!existsSync('/usr/bin/systemd-analyze')) {
      console.warn('skipped: systemd-analyze is not installed (apt-get install systemd)');
      context.skip();
    }
    // The units name programs under /usr/lib/bpjs-kiosk, which the extracted tree holds.
    const verifyDir = join(dir, 'verify');
    execFileSync('mkdir', ['-p', verifyDir]);
    for (const name of ['bpjs-kiosk.service', 'bpjs-kiosk-screen.service'])
      writeFileSync(
        join(verifyDir, name),
        readFileSync(join(extracted, 'lib/systemd/system', name), 'utf8').replaceAll(
          INSTALL_DIR,
          join(extracted, INSTALL_DIR),
        ),
      );
    const result = execFileSync(
      'sh',
      ['-c', 'systemd-analyze verify --man=no "$@" 2>&1; echo "rc=$?"', 'verify'].concat(
        ['bpjs-kiosk.service', 'bpjs-kiosk-screen.service'].map((n) => join(verifyDir, n)),
      ),
      { encoding: 'utf8' },
    );
    // Without systemd as PID 1 it cannot find sysinit.target; nothing else may be said.
    const complaints = result
      .split('\n')
      .filter((line) => line && !/Unit sysinit\.target not found|^rc=/.test(line));
    expect(complaints).toEqual([]);
  });
});
