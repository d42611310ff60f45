// Time zones as people name them: a city typed by the user ("London", "new york") finds its IANA
// zone, and a zone reads to clients the way they say it ("UK time", "Eastern time"), never "Europe/London".
// Uses only Intl, so it runs the same in the page, the options page and Node.

/** Every IANA zone the runtime knows (empty where Intl cannot list them). */
export function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function cityOf(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

function isZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[_\s]+/g, ' ').trim();

/**
 * The IANA zone for what the user typed: an IANA name, a city ("London", "sao paulo"), or a picker
 * entry ("London · UK time"). Null when nothing matches (yet).
 */
export function findZone(input: string, zones: readonly string[] = allZones()): string | null {
  const text = input.split('·')[0]!.trim();
  if (!text) return null;
  if (text === 'local') return 'local';
  if (text.includes('/') && isZone(text)) return zones.find((z) => z.toLowerCase() === text.toLowerCase()) ?? text;
  const want = fold(text);
  return zones.find((z) => fold(cityOf(z)) === want) ?? null;
}

/** What clients read: "UK time", "Eastern time", "Central European time"; the city's time as a fallback. */
export function zoneName(zone: string): string {
  if (!zone || zone === 'local') return '';
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(0);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    // Offsets ("GMT+03:00") mean no common name: say the city instead.
    if (!name || /GMT|UTC|[+−-]\d/.test(name)) return `${cityOf(zone)} time`;
    return name
      .replace(/^United Kingdom\b/, 'UK')
      .replace(/^United States\b/, 'US')
      .replace(/\bStandard\s+/, '')
      .replace(/\bTime$/, 'time');
  } catch {
    return `${cityOf(zone)} time`;
  }
}

/** The clock people read where `locale` is used: 24-hour ("16:30") or 12-hour ("4:30 PM"). */
export function localeClock(locale?: string): '12h' | '24h' {
  try {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h23' || cycle === 'h24' ? '24h' : '12h';
  } catch {
    return '12h';
  }
}
