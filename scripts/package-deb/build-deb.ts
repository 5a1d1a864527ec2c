import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  cpSync,
  openSync,
  readSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import {
  BUILD_DIRS,
  INSTALL_DIR,
  MAINTAINER_SCRIPTS,
  PACKAGE_NAME,
  PACKAGED_FILES,
} from './deb-layout';

const PackageJson = z.object({ version: z.string(), description: z.string() });

export interface DebBuildOptions {
  /** The checkout (deploy/, docs/, package.json). */
  root: string;
  /** The production build: `<distDir>/app` and `<distDir>/renderer`. */
  distDir: string;
  /** Where the .deb goes. */
  outDir: string;
  /** Debian architecture; default this machine's (`dpkg --print-architecture`). */
  architecture?: string;
}

export interface DebBuild {
  path: string;
  version: string;
  architecture: string;
  bytes: number;
}

/** Node's names in prebuild folders for each Debian architecture. */
const NODE_ARCH: Record<string, string> = { amd64: 'x64', arm64: 'arm64', armhf: 'arm' };

/**
 * Stages the package tree and runs dpkg-deb. Everything is owned by root in the package
 * (--root-owner-group); postinst gives the config and data to the kiosk user. File times are
 * SOURCE_DATE_EPOCH (or the last commit), so the same build gives the same package.
 */
export function buildDeb(options: DebBuildOptions): DebBuild {
  const { root, distDir, outDir } = options;
  const pkg = PackageJson.parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  const architecture =
    options.architecture ??
    execFileSync('dpkg', ['--print-architecture'], { encoding: 'utf8' }).trim();
  const nodeArch = NODE_ARCH[architecture];
  if (!nodeArch) throw new Error(`no native prebuilds for Debian architecture ${architecture}`);
  const version = pkg.version;
  const stage = join(outDir, `${PACKAGE_NAME}_${version}_${architecture}`);
  rmSync(stage, { recursive: true, force: true });

  for (const dir of BUILD_DIRS) {
    const to = join(stage, INSTALL_DIR, 'dist', dir);
    cpSync(join(distDir, dir), to, {
      recursive: true,
      filter: (src) => keepPrebuild(relative(distDir, src), nodeArch),
    });
  }
  for (const file of PACKAGED_FILES) {
    const to = join(stage, file.path);
    mkdirSync(dirname(to), { recursive: true });
    const content = readFileSync(join(root, file.from));
    writeFileSync(to, file.gzip ? gzipSync(content, { level: 9 }) : content);
  }
  const docDir = join(stage, '/usr/share/doc', PACKAGE_NAME);
  writeFileSync(join(docDir, 'changelog.gz'), gzipSync(changelog(version, root), { level: 9 }));

  const control = join(stage, 'DEBIAN');
  mkdirSync(control, { recursive: true });
  for (const script of MAINTAINER_SCRIPTS)
    cpSync(join(root, 'deploy/debian', script), join(control, script));
  writeFileSync(
    join(control, 'conffiles'),
    PACKAGED_FILES.filter((f) => f.conffile)
      .map((f) => `${f.path}\n`)
      .join(''),
  );

  normaliseModes(stage);
  for (const file of PACKAGED_FILES) chmodSync(join(stage, file.path), file.mode);
  for (const script of MAINTAINER_SCRIPTS) chmodSync(join(control, script), 0o755);
  for (const bundle of ['kiosk-web.mjs', 'kiosk-diag.mjs', 'kiosk-screen.mjs'])
    chmodSync(join(stage, INSTALL_DIR, 'dist/app', bundle), 0o755);

  writeFileSync(join(control, 'md5sums'), md5sums(stage));
  writeFileSync(
    join(control, 'control'),
    controlFile({
      version,
      architecture,
      description: pkg.description,
      installedKiB: Math.ceil(treeBytes(stage, control) / 1024),
    }),
  );
  chmodSync(join(control, 'md5sums'), 0o644);
  chmodSync(join(control, 'control'), 0o644);
  chmodSync(join(control, 'conffiles'), 0o644);
  setTimes(stage, sourceDateEpoch(root));

  const path = join(outDir, `${PACKAGE_NAME}_${version}_${architecture}.deb`);
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '-z6', '--build', stage, path], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SOURCE_DATE_EPOCH: String(sourceDateEpoch(root)) },
  });
  rmSync(stage, { recursive: true, force: true });
  return { path, version, architecture, bytes: statSync(path).size };
}

/** Native prebuilds for other systems are dead weight: only linux-<arch> (glibc) ones stay. */
function keepPrebuild(path: string, nodeArch: string): boolean {
  const match = /(?:^|\/)prebuilds\/([^/]+)/.exec(path);
  if (!match) return true;
  const folder = match[1]!;
  return new RegExp(`linux-${nodeArch}$`).test(folder);
}

function controlFile(fields: {
  version: string;
  architecture: string;
  description: string;
  installedKiB: number;
}): string {
  return [
    `Package: ${PACKAGE_NAME}`,
    `Version: ${fields.version}`,
    `Architecture: ${fields.architecture}`,
    'Maintainer: BPJS Kiosk Team <kiosk-team@bpjs-kiosk.example>',
    `Installed-Size: ${fields.installedKiB}`,
    'Depends: nodejs (>= 20.19), libc6 (>= 2.28), adduser, systemd, libusb-1.0-0',
    'Recommends: cage, chromium, fonts-dejavu-core',
    'Section: misc',
    'Priority: optional',
    'Homepage: https://www.bpjsketenagakerjaan.go.id/',
    `Description: ${fields.description}`,
    ' The brain of the BPJS Ketenagakerjaan self-service kiosk (host, devices,',
    ' journal) as a systemd service with a watchdog, its touchscreen UI in a',
    ' Wayland kiosk session (cage and Chromium), udev rules for stable device',
    ' names and the kiosk-diag field tool.',
    '',
  ].join('\n');
}

function changelog(version: string, root: string): string {
  const date = new Date(sourceDateEpoch(root) * 1000).toUTCString().replace('GMT', '+0000');
  return [
    `${PACKAGE_NAME} (${version}) unstable; urgency=medium`,
    '',
    '  * Built from the kiosk repository; see its git history for changes.',
    '',
    ` -- BPJS Kiosk Team <kiosk-team@bpjs-kiosk.example>  ${date}`,
    '',
  ].join('\n');
}

function walk(dir: string, visit: (path: string, isDir: boolean) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    visit(path, entry.isDirectory());
    if (entry.isDirectory()) walk(path, visit);
  }
}

/** Folders 0755, scripts (#!) 0755, other files 0644, whatever npm left. */
function normaliseModes(stage: string): void {
  chmodSync(stage, 0o755);
  walk(stage, (path, isDir) => chmodSync(path, isDir || isScript(path) ? 0o755 : 0o644));
}

function isScript(path: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === '#!';
}

function md5sums(stage: string): string {
  const lines: string[] = [];
  walk(stage, (path, isDir) => {
    const rel = relative(stage, path);
    if (isDir || rel.startsWith('DEBIAN')) return;
    lines.push(`${createHash('md5').update(readFileSync(path)).digest('hex')}  ${rel}`);
  });
  return `${lines.sort((a, b) => a.slice(34).localeCompare(b.slice(34))).join('\n')}\n`;
}

function treeBytes(stage: string, skip: string): number {
  let bytes = 0;
  walk(stage, (path, isDir) => {
    if (!isDir && !path.startsWith(skip)) bytes += statSync(path).size;
  });
  return bytes;
}

function sourceDateEpoch(root: string): number {
  const given = Number(process.env.SOURCE_DATE_EPOCH);
  if (Number.isInteger(given) && given > 0) return given;
  try {
    return Number(
      execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).trim(),
    );
  } catch {
    return Math.floor(Date.now() / 1000);
  }
}

function setTimes(stage: string, epoch: number): void {
  walk(stage, (path) => utimesSync(path, epoch, epoch));
  utimesSync(stage, epoch, epoch);
}
