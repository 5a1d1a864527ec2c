/**
 * WCAG 2.x contrast ratio of two `#rrggbb` colours, (L1 + 0.05) / (L2 + 0.05) of their relative
 * luminances. Written out rather than taken from a colour library: the maintained ones (colord)
 * round luminance and ratio to two decimals, which would let a 4.495:1 pair pass a 4.5:1 check.
 */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter! + 0.05) / (darker! + 0.05);
}

/** https://www.w3.org/TR/WCAG22/#dfn-relative-luminance */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => linear(parseInt(hex.slice(at, at + 2), 16) / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function linear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}
