import { join } from 'node:path';
import { flipFuses, getCurrentFuseWire, type FuseConfig } from '@electron/fuses';
import { KIOSK_FUSE_CONFIG, fuseWireProblems } from './kiosk-fuses';

/** The Electron executable inside a packaged Linux app folder. */
export function packagedBinaryPath(appDir: string, executableName: string): string {
  return join(appDir, executableName);
}

/** Flips the kiosk fuses on a packaged binary, then reads them back; throws on any mismatch. */
export async function flipKioskFuses(binaryPath: string): Promise<void> {
  await flipFuses(binaryPath, KIOSK_FUSE_CONFIG);
  const problems = fuseWireProblems((await getCurrentFuseWire(binaryPath)) as FuseConfig<number>);
  if (problems.length > 0)
    throw new Error(
      `Fuses of ${binaryPath} are not as configured:\n  - ${problems.join('\n  - ')}`,
    );
}
