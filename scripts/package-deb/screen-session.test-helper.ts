import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { PNG } from 'pngjs';

/** A user to run the screen session as: cage and Chromium's sandbox refuse root. */
export interface ScreenUser {
  name: string;
  uid: number;
  gid: number;
}

const TEST_USER = 'bpjs-screen-test';

/**
 * Not root: this user. Root (CI): a system user made for the test (kept for the next run, as
 * useradd --system users are; it owns nothing but the test's temporary folders).
 */
export function screenUser(): ScreenUser {
  if (process.getuid!() !== 0) {
    return { name: 'self', uid: process.getuid!(), gid: process.getgid!() };
  }
  const id = (flag: string) => Number(execFileSync('id', [flag, TEST_USER], { encoding: 'utf8' }));
  try {
    return { name: TEST_USER, uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      TEST_USER,
    ]);
    return { name: TEST_USER, uid: id('-u'), gid: id('-g') };
  }
}

export function spawnAs(
  user: ScreenUser,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): ChildProcess {
  return spawn(command, args, {
    uid: user.uid,
    gid: user.gid,
    env,
    detached: true, // its own process group: cage, Chromium and its helpers stop together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ColourCount {
  /** Share of the shot in this colour (0-1). */
  share: number;
  pixels: number;
}

/** How much of the PNG is `hex` (within `tolerance` per channel). */
export function colourIn(png: Buffer, hex: string, tolerance = 6): ColourCount {
  const image = PNG.sync.read(png);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let pixels = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (
      Math.abs(image.data[i]! - r!) <= tolerance &&
      Math.abs(image.data[i + 1]! - g!) <= tolerance &&
      Math.abs(image.data[i + 2]! - b!) <= tolerance
    )
      pixels++;
  }
  return { pixels, share: pixels / (image.width * image.height) };
}
