// Picks the site adapter for a page: by hostname, generic for sites the user added.
import type { SiteAdapter } from './types';
import { generic } from './generic';
import { gmail } from './gmail';
import { linkedin } from './linkedin';
import { outlook } from './outlook';

export type { SiteAdapter, SiteId } from './types';

const BY_HOST: ReadonlyArray<[RegExp, SiteAdapter]> = [
  [/^mail\.google\.com$/, gmail],
  [/^www\.linkedin\.com$/, linkedin],
  [/^outlook\.(office|live|office365)\.com$/, outlook],
];

export function adapterFor(hostname: string): SiteAdapter {
  for (const [re, adapter] of BY_HOST) if (re.test(hostname)) return adapter;
  return generic;
}

export { generic, gmail, linkedin, outlook };
