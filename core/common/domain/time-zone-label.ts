/**
 * What a time on screen or on paper is followed by: `14:05 WIB`. Indonesia's three zones have
 * their own abbreviations; any other zone says its offset from UTC, never an Indonesian name.
 */
const INDONESIAN_LABELS: Readonly<Record<string, 'WIB' | 'WITA' | 'WIT'>> = {
  // Waktu Indonesia Barat, UTC+7: Sumatra, Java, West and Central Kalimantan.
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  // Waktu Indonesia Tengah, UTC+8: Sulawesi, Bali, Nusa Tenggara, East and North Kalimantan.
  'Asia/Makassar': 'WITA',
  // Waktu Indonesia Timur, UTC+9: Maluku and Papua.
  'Asia/Jayapura': 'WIT',
};

/** The IANA spelling Intl settles on (`Asia/Ujung_Pandang` is `Asia/Makassar`), or undefined. */
function canonical(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** `GMT+7`, `GMT+5:30`, `GMT-3`; `UTC` for a zone at UTC then. */
function offsetLabel(timeZone: string, at: Date): string {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return !name || name === 'GMT' || name === 'GMT+0' ? 'UTC' : name;
}

/**
 * `WIB` (Asia/Jakarta, Asia/Pontianak), `WITA` (Asia/Makassar), `WIT` (Asia/Jayapura); for a zone
 * outside Indonesia its offset at `at` (a zone with summer time changes it), `UTC` at UTC. A name
 * Intl does not know is returned as it is.
 */
export function timeZoneLabel(timeZone: string, at: Date = new Date()): string {
  const zone = canonical(timeZone);
  if (!zone) return timeZone;
  return INDONESIAN_LABELS[zone] ?? offsetLabel(zone, at);
}

/** Every Indonesian IANA zone with its label (for tests and documentation). */
export const INDONESIAN_TIME_ZONES = Object.freeze({ ...INDONESIAN_LABELS });
