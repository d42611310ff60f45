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
  const direct = zones.find((z) => fold(cityOf(z)) === want);
  if (direct) return direct;
  // A city or country the IANA list does not name ("Manchester", "San Francisco", "UK").
  const alias = PLACES[want];
  return alias && isZone(alias) ? alias : null;
}

/** Places people type that are not IANA zone names, with the zone they keep (folded names). */
const PLACES: Record<string, string> = Object.fromEntries(
  Object.entries({
    'Europe/London': ['uk', 'united kingdom', 'britain', 'great britain', 'england', 'scotland', 'wales', 'northern ireland', 'manchester', 'birmingham', 'leeds', 'glasgow', 'edinburgh', 'liverpool', 'bristol', 'cardiff', 'belfast', 'newcastle', 'sheffield', 'nottingham', 'leicester', 'brighton', 'oxford', 'cambridge', 'york', 'aberdeen', 'swansea', 'southampton', 'norwich', 'exeter', 'bath', 'plymouth', 'coventry', 'reading'],
    'Europe/Dublin': ['ireland', 'cork', 'galway', 'limerick'],
    'America/New_York': ['boston', 'washington', 'washington dc', 'philadelphia', 'miami', 'atlanta', 'pittsburgh', 'baltimore', 'charlotte', 'orlando', 'tampa', 'brooklyn', 'nyc', 'cleveland', 'columbus', 'raleigh', 'eastern time', 'eastern'],
    'America/Chicago': ['houston', 'dallas', 'austin', 'san antonio', 'minneapolis', 'new orleans', 'st louis', 'kansas city', 'nashville', 'milwaukee', 'central time', 'central'],
    'America/Denver': ['salt lake city', 'albuquerque', 'colorado springs', 'mountain time', 'mountain'],
    'America/Los_Angeles': ['san francisco', 'seattle', 'portland', 'san diego', 'san jose', 'las vegas', 'sacramento', 'oakland', 'pacific time', 'pacific'],
    'America/Toronto': ['ottawa', 'montreal', 'quebec'],
    'America/Edmonton': ['calgary'],
    'Europe/Berlin': ['germany', 'munich', 'frankfurt', 'hamburg', 'cologne', 'stuttgart', 'dusseldorf', 'leipzig', 'dresden'],
    'Europe/Paris': ['france', 'lyon', 'marseille', 'toulouse', 'nice', 'bordeaux', 'lille'],
    'Europe/Madrid': ['spain', 'barcelona', 'valencia', 'seville', 'malaga', 'bilbao'],
    'Europe/Rome': ['italy', 'milan', 'florence', 'naples', 'turin', 'venice', 'bologna'],
    'Europe/Amsterdam': ['netherlands', 'holland', 'rotterdam', 'the hague', 'utrecht', 'eindhoven'],
    'Europe/Zurich': ['switzerland', 'geneva', 'basel', 'bern', 'lausanne'],
    'Europe/Brussels': ['belgium', 'antwerp', 'ghent'],
    'Europe/Lisbon': ['portugal', 'porto'],
    'Europe/Warsaw': ['poland', 'krakow', 'gdansk', 'wroclaw'],
    'Europe/Stockholm': ['sweden', 'gothenburg'],
    'Asia/Kolkata': ['kolkata', 'calcutta', 'india', 'mumbai', 'delhi', 'new delhi', 'bangalore', 'bengaluru', 'chennai', 'hyderabad', 'pune', 'ahmedabad', 'bombay'],
    'Asia/Shanghai': ['china', 'beijing', 'guangzhou', 'shenzhen', 'chengdu'],
    'Asia/Tokyo': ['japan', 'osaka', 'kyoto', 'yokohama'],
    'Asia/Kathmandu': ['kathmandu', 'katmandu', 'nepal'],
    'Europe/Kyiv': ['kyiv', 'kiev', 'ukraine'],
    'Asia/Ho_Chi_Minh': ['ho chi minh', 'saigon', 'vietnam'],
    'Asia/Yangon': ['yangon', 'rangoon', 'myanmar'],
    'Asia/Dubai': ['uae', 'abu dhabi', 'sharjah'],
    'Asia/Singapore': ['singapore'],
    'Australia/Sydney': ['canberra', 'newcastle nsw'],
    'Australia/Brisbane': ['gold coast', 'queensland'],
    'Pacific/Auckland': ['new zealand', 'wellington', 'christchurch'],
    'Africa/Johannesburg': ['south africa', 'cape town', 'durban', 'pretoria'],
    'America/Sao_Paulo': ['brazil', 'rio de janeiro', 'rio', 'brasilia'],
    'America/Mexico_City': ['mexico', 'guadalajara', 'monterrey'],
  }).flatMap(([zone, names]) => names.map((n) => [n, zone])),
);

/** A recent fixed date to name zones at: 1970 (time 0) names some by what they were then (Kyiv as Moscow time). */
const NAMED_AT = Date.UTC(2025, 0, 15);

/** What clients read: "UK time", "Eastern time", "Central European time"; the city's time as a fallback. */
export function zoneName(zone: string): string {
  if (!zone || zone === 'local') return '';
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(NAMED_AT);
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
