/** A systemd unit file read as systemd does for these keys: sections, repeated keys, comments. */
export interface UnitFile {
  get(section: string, key: string): string[];
}

export function parseUnit(text: string): UnitFile {
  const values = new Map<string, string[]>();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`not a unit file line: ${line}`);
    const key = `${section}/${line.slice(0, eq).trim()}`;
    values.set(key, [...(values.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return { get: (s, k) => values.get(`${s}/${k}`) ?? [] };
}
