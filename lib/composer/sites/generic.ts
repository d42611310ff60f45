// What a composer is on a site the user added: any writable textarea or contenteditable host.
import type { SiteAdapter } from './types';
import { isAlwaysExcluded, isWritableSurface } from './common';

export const generic: SiteAdapter = {
  id: 'generic',
  // Unknown sites: any open shadow root may hold a composer.
  shadowRoots: 'all',
  candidates: 'textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]',
  isComposer(el) {
    if (el.classList.contains('ql-clipboard')) return false;
    if (!(el instanceof HTMLTextAreaElement) && !el.isContentEditable) return false;
    return isWritableSurface(el);
  },
  isExcluded(el) {
    return isAlwaysExcluded(el) || el.matches('blockquote');
  },
  label(el) {
    return el instanceof HTMLTextAreaElement ? 'Text field' : 'Text box';
  },
};
