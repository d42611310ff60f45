// The shape every site adapter shares: what a composer is on this site and what to leave out of it.

export type SiteId = 'gmail' | 'linkedin' | 'outlook' | 'generic';

export interface SiteAdapter {
  id: SiteId;
  /** CSS selector for candidate composer roots, used when scanning added subtrees. */
  candidates: string;
  /** True when `el` (already a candidate editing host or text field) is a composer on this site. */
  isComposer(el: HTMLElement): boolean;
  /** True when `el`, inside a composer, starts a subtree to leave out (signature, quoted reply…). */
  isExcluded(el: Element): boolean;
  /** True when `el` and every later sibling are left out (Outlook's #appendonsend tail). */
  excludesRest?(el: Element): boolean;
  /**
   * Whether composers can live in open shadow roots here, so scans must walk the page for them
   * ('all'), or not ('none': a full walk per scan is the costliest part of watching a large page).
   * A composer focused inside a shadow root is found either way.
   */
  shadowRoots: 'all' | 'none';
  /** Short human label for the popup ("Gmail message"). */
  label(el: HTMLElement): string;
}
