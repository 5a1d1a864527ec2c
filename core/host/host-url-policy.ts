/**
 * Where the kiosk may send a participant's KPJ and birth date: https:// anywhere, plain http://
 * only to this machine (the host simulator, a gateway on loopback). Config validation, the
 * client and `kiosk-diag host --url` all ask this one function.
 */
export function hostUrlProblem(url: string): string | null {
  if (!URL.canParse(url)) return 'must be an absolute URL';
  const parsed = new URL(url);
  if (parsed.protocol === 'http:') {
    if (!isLoopback(parsed.hostname)) {
      return 'must use https:// (plain http:// only to loopback: 127.0.0.0/8, ::1, localhost)';
    }
  } else if (parsed.protocol !== 'https:') {
    return `must use https:// (${parsed.protocol} is not allowed)`;
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (parsed.search || parsed.hash) return 'must not carry a query or a fragment';
  return null;
}

/** `hostname` as the WHATWG URL parser leaves it: IPv4 normalised (`127.1` -> `127.0.0.1`), IPv6 bracketed. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
