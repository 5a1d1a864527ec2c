/** The digits a person has typed into the current field; pure helpers over an immutable string. */
export function appendDigit(buffer: string, digit: string, maxLength: number): string {
  return buffer.length >= maxLength ? buffer : buffer + digit;
}

export function removeLastDigit(buffer: string): string {
  return buffer.slice(0, -1);
}
