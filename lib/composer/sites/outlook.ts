// What an Outlook on the web composer is (the multi-line body textbox) and what to leave out of it.
import type { SiteAdapter } from './types';
import { isAlwaysExcluded, isWritableSurface } from './common';

const CANDIDATES = '[role="textbox"][contenteditable="true"][aria-multiline="true"]';

export const outlook: SiteAdapter = {
  id: 'outlook',
  // Outlook's compose bodies are in the light DOM (or a same-origin iframe, which runs its own script).
  shadowRoots: 'none',
  // The To/Cc wells are contenteditable textboxes too, but never aria-multiline.
  candidates: CANDIDATES,
  isComposer(el) {
    return el.matches(CANDIDATES) && isWritableSurface(el);
  },
  isExcluded(el) {
    if (isAlwaysExcluded(el)) return true;
    // The signature block is #Signature; some builds suffix it (#Signature_1…).
    return el.id.startsWith('Signature') || el.id === 'divRplyFwdMsg';
  },
  excludesRest(el) {
    // Everything from #appendonsend on is the reply/forward history.
    return el.id === 'appendonsend';
  },
  label() {
    return 'Outlook message';
  },
};

// Fixtures: tests/fixtures/sites/outlook/{reply,app-hidden,popout,compose-frame}.html
// Real pages: https://outlook.office.com/mail/ (New mail, Reply), https://outlook.live.com/mail/0/
