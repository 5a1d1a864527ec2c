import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumExecutable } from '../../e2e/support/chromium';
import { socatAvailable } from '../../simulators/embedded/socat-available';
import type { SystemPackageId } from './system-packages';

/** fonts-dejavu-core's monospace face, the receipt preview's font. */
const DEJAVU_MONO = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';
/** Debian's prometheus package: the server and promtool the metrics tests run. */
const PROMETHEUS = '/usr/bin/prometheus';
const PROMTOOL = '/usr/bin/promtool';

function sharedLibraryInstalled(soname: string): boolean {
  // ldconfig lives in /sbin, which a normal user's PATH may lack.
  const path = [process.env.PATH, '/usr/sbin', '/sbin'].filter(Boolean).join(':');
  const result = spawnSync('ldconfig', ['-p'], {
    encoding: 'utf8',
    env: { ...process.env, PATH: path },
  });
  return !result.error && result.status === 0 && result.stdout.includes(soname);
}

/** Whether each system package is usable here, looked up the way the code that needs it does. */
export const SYSTEM_PROBES: Readonly<Record<SystemPackageId, () => boolean>> = {
  chromium: () => chromiumExecutable() !== undefined,
  socat: socatAvailable,
  libusb: () => sharedLibraryInstalled('libusb-1.0.so.0'),
  dejavuFonts: () => existsSync(DEJAVU_MONO),
  prometheus: () => existsSync(PROMETHEUS) && existsSync(PROMTOOL),
  cage: () => existsSync('/usr/bin/cage'),
  grim: () => existsSync('/usr/bin/grim'),
  xwayland: () => existsSync('/usr/bin/Xwayland'),
  systemd: () => existsSync('/usr/bin/systemd-analyze'),
};
