// Which site a URL belongs to (built-in or user-added), and whether Clearline is on there.
import { BUILT_IN_SITES, type BuiltInSiteId } from './defaults';
import type { Settings } from './types';

export type SiteMatch =
  | { kind: 'builtIn'; id: BuiltInSiteId; name: string; origin: string }
  | { kind: 'added'; origin: string }
  | { kind: 'none'; origin: string | null };

/** Origin of a URL ("https://host[:port]"), or null for non-web URLs (chrome://, about:, file:). */
export function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function matchSite(url: string | undefined, settings: Pick<Settings, 'sites'>): SiteMatch {
  const origin = originOf(url);
  if (!origin) return { kind: 'none', origin: null };
  const host = new URL(origin).hostname;
  if (origin.startsWith('https:')) {
    for (const site of BUILT_IN_SITES) {
      if ((site.hosts as readonly string[]).includes(host)) return { kind: 'builtIn', id: site.id, name: site.name, origin };
    }
  }
  if (settings.sites.added.includes(origin)) return { kind: 'added', origin };
  return { kind: 'none', origin };
}

/** Whether Clearline should analyse on this site. Unknown pages are not switched off here:
 *  the content script only runs where it is registered, so that registration is the gate. */
export function isSiteOff(url: string | undefined, settings: Pick<Settings, 'sites'>): boolean {
  const site = matchSite(url, settings);
  return site.kind === 'builtIn' && !settings.sites.builtIn[site.id];
}

/** Match pattern for an origin, as used by permissions and registered content scripts. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
