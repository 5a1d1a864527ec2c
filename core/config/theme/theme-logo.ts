import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { StaticAsset } from '../../common/static-asset';

export const LOGO_LIMITS = {
  pngBytes: 256 * 1024,
  svgBytes: 64 * 1024,
  /** Width and height of a PNG, in pixels: a mark, not a photo nor a dot. */
  minSide: 16,
  maxSide: 2048,
} as const;

export type LogoCheck = { ok: true; asset: StaticAsset } | { ok: false; problem: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads the logo file at `path` and checks it (`field` names it in the problem). */
export function readThemeLogo(path: string, field = 'theme.logo'): LogoCheck {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, problem: `${field}: cannot read ${path} (${code})` };
  }
  const kind = LOGO_KINDS[extname(path).toLowerCase()];
  const problem = kind ? kind.problem(bytes) : 'must be a .png or .svg file';
  if (!kind || problem) return { ok: false, problem: `${field}: ${path} ${problem}` };
  return { ok: true, asset: { path: kind.path, contentType: kind.contentType, body: bytes } };
}

interface LogoKind {
  path: string;
  contentType: string;
  problem(bytes: Buffer): string | null;
}

const LOGO_KINDS: Readonly<Record<string, LogoKind>> = {
  '.png': { path: '/theme/logo.png', contentType: 'image/png', problem: pngProblem },
  '.svg': { path: '/theme/logo.svg', contentType: 'image/svg+xml', problem: svgProblem },
};

function pngProblem(bytes: Buffer): string | null {
  if (bytes.length > LOGO_LIMITS.pngBytes)
    return `is ${bytes.length} bytes, a PNG logo may have ${LOGO_LIMITS.pngBytes}`;
  // The signature, then the IHDR chunk first: length 13, type, width, height.
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    return 'is not a PNG (no PNG signature)';
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return 'is not a PNG (no IHDR chunk first)';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const { minSide, maxSide } = LOGO_LIMITS;
  if ([width, height].some((side) => side < minSide || side > maxSide))
    return `is ${width}x${height} pixels, each side must be ${minSide} to ${maxSide}`;
  return null;
}

/**
 * What an SVG logo must not hold. The page shows it through <img>, where a browser runs no
 * script and loads nothing external anyway; refusing them here keeps a file that would do harm
 * opened elsewhere (a tab, an editor's preview) off the kiosk altogether.
 */
const SVG_REFUSALS: readonly [RegExp, string][] = [
  [/<script\b/i, 'contains a script'],
  [/<foreignObject\b/i, 'contains a <foreignObject>'],
  [/<!(?:DOCTYPE|ENTITY)\b/i, 'contains a DOCTYPE or ENTITY declaration'],
  [/\son[a-z]+\s*=/i, 'contains an event-handler attribute'],
  [/javascript:/i, 'contains a javascript: URL'],
  [/\bhref\s*=\s*(?!["']\s*(?:#|data:))/i, 'refers to an external resource (href)'],
  [/url\(\s*["']?\s*(?!#|data:)/i, 'refers to an external resource (url())'],
  [/@import\b/i, 'imports a style sheet'],
];

function svgProblem(bytes: Buffer): string | null {
  if (bytes.length > LOGO_LIMITS.svgBytes)
    return `is ${bytes.length} bytes, an SVG logo may have ${LOGO_LIMITS.svgBytes}`;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'is not UTF-8 text';
  }
  if (!/<svg\b/i.test(text)) return 'is not an SVG (no <svg> element)';
  return SVG_REFUSALS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}
