// Does a composer already hold the user's own words (a saved draft, a reply being continued)? A
// signature, quoted history or an empty line does not count: such a composer has not been used yet.
import type { SiteAdapter } from './sites/types';

export function holdsDraft(root: HTMLElement, adapter: SiteAdapter): boolean {
  if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) return /\S/.test(root.value);
  return hasWords(root, adapter);
}

function hasWords(node: Node, adapter: SiteAdapter): boolean {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === Node.TEXT_NODE) {
      if (/\S/.test((c as Text).data)) return true;
      continue;
    }
    if (c.nodeType !== Node.ELEMENT_NODE) continue;
    const el = c as Element;
    if (adapter.excludesRest?.(el)) break; // this element and every later sibling are history
    if (adapter.isExcluded(el)) continue;
    if (el.tagName === 'IMG' && (el as HTMLImageElement).alt) return true; // emoji drawn as images
    if (hasWords(el, adapter)) return true;
  }
  return false;
}
