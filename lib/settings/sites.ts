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

/** The built-in site an origin belongs to, if any (https only, as in the manifest). */
export function builtInSiteOf(origin: string): (typeof BUILT_IN_SITES)[number] | null {
  if (!origin.startsWith('https:')) return null;
  const host = new URL(origin).hostname;
  return BUILT_IN_SITES.find((site) => (site.hosts as readonly string[]).includes(host)) ?? null;
}

export function matchSite(url: string | undefined, settings: Pick<Settings, 'sites'>): SiteMatch {
  const origin = originOf(url);
  if (!origin) return { kind: 'none', origin: null };
  const site = builtInSiteOf(origin);
  if (site) return { kind: 'builtIn', id: site.id, name: site.name, origin };
  if (settings.sites.added.includes(origin)) return { kind: 'added', origin };
  return { kind: 'none', origin };
}

/**
 * Whether Clearline is off for this page: a built-in site the user switched off, or a web page
 * that is neither built in nor added, which is where a script keeps running after the user
 * removed its site (until the tab reloads). An unknown sender (no URL) is not judged here.
 */
export function isSiteOff(url: string | undefined, settings: Pick<Settings, 'sites'>): boolean {
  const site = matchSite(url, settings);
  if (site.kind === 'builtIn') return !settings.sites.builtIn[site.id];
  return site.kind === 'none' && site.origin !== null;
}

/** Match pattern for an origin, as used by permissions and registered content scripts. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
