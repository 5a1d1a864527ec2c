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

/** The PNG's pixels that are `hex` (within `tolerance` per channel), as x, y. */
function* pixelsOf(image: PNG, hex: string, tolerance: number): Generator<[number, number]> {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (
        Math.abs(image.data[i]! - r!) <= tolerance &&
        Math.abs(image.data[i + 1]! - g!) <= tolerance &&
        Math.abs(image.data[i + 2]! - b!) <= tolerance
      )
        yield [x, y];
    }
  }
}

/** How much of the PNG is `hex` (within `tolerance` per channel). */
export function colourIn(png: Buffer, hex: string, tolerance = 6): ColourCount {
  const image = PNG.sync.read(png);
  let pixels = 0;
  for (const _ of pixelsOf(image, hex, tolerance)) pixels++;
  return { pixels, share: pixels / (image.width * image.height) };
}

export interface EdgeSpread {
  left: boolean;
  right: boolean;
  top: boolean;
  bottom: boolean;
}

/** Whether `hex` is found in each edge band (the outer tenth) of the PNG: what fills the screen. */
export function spreadOf(png: Buffer, hex: string, tolerance = 6): EdgeSpread {
  const image = PNG.sync.read(png);
  const spread = { left: false, right: false, top: false, bottom: false };
  const bandX = image.width / 10;
  const bandY = image.height / 10;
  for (const [x, y] of pixelsOf(image, hex, tolerance)) {
    if (x < bandX) spread.left = true;
    if (x >= image.width - bandX) spread.right = true;
    if (y < bandY) spread.top = true;
    if (y >= image.height - bandY) spread.bottom = true;
  }
  return spread;
}
