import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';

/**
 * The bytes a fuse wire holds, as getCurrentFuseWire returns them ('0', '1', 'r'). @electron/fuses
 * 1.8 types them as its FuseState but does not export that enum at run time.
 */
export const FUSE_BYTE = { off: 0x30, on: 0x31, removed: 0x72 } as const;

/**
 * The fuses of the packaged kiosk binary: the one list, flipped at packaging time and checked
 * again on the binary afterwards. `satisfies Record<...>` makes leaving out a fuse that
 * @electron/fuses knows a type error.
 */
export const KIOSK_FUSES = {
  /** ELECTRON_RUN_AS_NODE=1 would turn the kiosk binary into a plain Node. */
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  /** NODE_OPTIONS=--require=... would run any script in the main process. */
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  /** --inspect / --inspect-brk would open a debugger on the main process. */
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  /** macOS and Windows only: Electron has no asar integrity check on Linux (see the doc). */
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  /** No loose `resources/app` folder next to the asar can replace the app. */
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies Record<FuseV1Options, boolean>;

/**
 * Fuses that newer Electron binaries have and @electron/fuses 1.8 cannot name or set: they keep
 * Electron's default. Electron 43+ has a ninth, WasmTrapHandlers (default on). Because of it,
 * `strictlyRequireAllFuses` cannot be used with 1.8 (it throws on a 9-fuse wire); instead
 * `fuseWireProblems` fails the packaging on any fuse that is in neither list.
 */
export const FUSES_LEFT_AT_DEFAULT: Readonly<Record<number, string>> = { 8: 'WasmTrapHandlers' };

export const KIOSK_FUSE_CONFIG: FuseConfig = { version: FuseVersion.V1, ...KIOSK_FUSES };

const fuseName = (index: number) =>
  FuseV1Options[index] ?? FUSES_LEFT_AT_DEFAULT[index] ?? `fuse #${index}`;

/** What is wrong with a binary's fuse wire as read back after flipping; empty when all is set. */
export function fuseWireProblems(wire: FuseConfig<number>): string[] {
  if (wire.version !== FuseVersion.V1) return [`fuse wire version ${wire.version}, expected 1`];
  const states = wire as unknown as Record<string, number>;
  const problems: string[] = [];
  for (const [index, on] of Object.entries(KIOSK_FUSES)) {
    const expected = on ? FUSE_BYTE.on : FUSE_BYTE.off;
    const actual = states[index];
    if (actual === FUSE_BYTE.removed) continue; // Electron dropped it: nothing left to set
    if (actual !== expected)
      problems.push(
        `${fuseName(Number(index))} is ${describeState(actual)}, expected ${on ? 'on' : 'off'}`,
      );
  }
  for (const index of Object.keys(states).filter((key) => /^\d+$/.test(key))) {
    if (!(index in KIOSK_FUSES) && !(index in FUSES_LEFT_AT_DEFAULT))
      problems.push(
        `${fuseName(Number(index))} is not decided: set it in electron/packaging/kiosk-fuses.ts`,
      );
  }
  return problems;
}

function describeState(state: number | undefined): string {
  if (state === FUSE_BYTE.on) return 'on';
  if (state === FUSE_BYTE.off) return 'off';
  return state === undefined ? 'missing' : `state ${state}`;
}
