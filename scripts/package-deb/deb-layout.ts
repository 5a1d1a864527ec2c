/**
 * What the Debian package installs, where, and with which mode: one table the builder follows
 * and the package test checks. Files of deploy/ unless `from` says otherwise.
 */
export const PACKAGE_NAME = 'bpjs-kiosk';
export const INSTALL_DIR = '/usr/lib/bpjs-kiosk';
export const KIOSK_USER = 'bpjs-kiosk';

export interface PackagedFile {
  /** Path in the installed system. */
  path: string;
  /** Source, relative to the checkout. */
  from: string;
  mode: number;
  /** A file dpkg keeps when the admin changed it (listed in DEBIAN/conffiles). */
  conffile?: boolean;
  /** gzip -9n it (man pages, the Debian changelog). */
  gzip?: boolean;
}

export const PACKAGED_FILES: readonly PackagedFile[] = [
  { path: '/etc/bpjs-kiosk/kiosk.json', from: 'deploy/kiosk.json', mode: 0o600, conffile: true },
  // Debian's place for a package's rules; the admin adapts a copy in /etc/udev/rules.d (same
  // name: it replaces this one), which an upgrade never touches.
  {
    path: '/lib/udev/rules.d/60-bpjs-kiosk.rules',
    from: 'deploy/udev/60-bpjs-kiosk.rules',
    mode: 0o644,
  },
  {
    path: '/etc/default/bpjs-kiosk-screen',
    from: 'deploy/default-screen',
    mode: 0o644,
    conffile: true,
  },
  {
    path: '/lib/systemd/system/bpjs-kiosk.service',
    from: 'deploy/systemd/bpjs-kiosk.service',
    mode: 0o644,
  },
  {
    path: '/lib/systemd/system/bpjs-kiosk-screen.service',
    from: 'deploy/systemd/bpjs-kiosk-screen.service',
    mode: 0o644,
  },
  { path: '/usr/bin/kiosk-diag', from: 'deploy/kiosk-diag', mode: 0o755 },
  { path: `${INSTALL_DIR}/kiosk-screen`, from: 'deploy/kiosk-screen', mode: 0o755 },
  {
    path: '/usr/share/man/man1/kiosk-diag.1.gz',
    from: 'deploy/kiosk-diag.1',
    mode: 0o644,
    gzip: true,
  },
  { path: '/usr/share/doc/bpjs-kiosk/copyright', from: 'deploy/debian/copyright', mode: 0o644 },
  { path: '/usr/share/doc/bpjs-kiosk/deploy.md', from: 'docs/deploy.md', mode: 0o644 },
  {
    path: '/usr/share/lintian/overrides/bpjs-kiosk',
    from: 'deploy/debian/lintian-overrides',
    mode: 0o644,
  },
];

export const MAINTAINER_SCRIPTS = ['postinst', 'prerm', 'postrm'] as const;

/** The build (dist/app and dist/renderer) goes under INSTALL_DIR/dist, as in the checkout. */
export const BUILD_DIRS = ['app', 'renderer'] as const;
