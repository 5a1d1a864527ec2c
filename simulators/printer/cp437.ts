/** Code page 437 (ESC t 0, the power-on default), upper half 0x80..0xFF. */
const UPPER =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Decodes one printable byte (0x20..0xFF) as the printer would show it. */
export function decodeCp437(byte: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return UPPER[byte - 0x80] ?? '?';
}

export const CP437_UPPER_LENGTH = UPPER.length;
