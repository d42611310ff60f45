// What a Gmail composer is (a Closure editable field inside a compose root) and what to leave out of it.
import type { SiteAdapter } from './types';
import { isAlwaysExcluded, isWritableSurface } from './common';

/**
 * Compose roots: new-message moles and full-screen windows ([role=dialog], .aSs), inline replies
 * (.M9 inside .AO) and the pop-out window (body.xE [role=main]). The Google-Chat input also carries
 * g_editable but lives in none of them. Never select by aria-label: it is localised.
 */
const COMPOSE_ROOTS = 'div.M9, [role="dialog"], .aSs, .AO';
const EXCLUDED =
  '.gmail_signature, [data-smartmail="gmail_signature"], .gmail_signature_prefix, .gmail_quote, .gmail_quote_container, blockquote';

export const gmail: SiteAdapter = {
  id: 'gmail',
  // Gmail's compose bodies are in the light DOM.
  shadowRoots: 'none',
  candidates: '[g_editable="true"][contenteditable="true"]',
  isComposer(el) {
    if (el.getAttribute('g_editable') !== 'true') return false;
    if (!isWritableSurface(el)) return false;
    if (el.closest(COMPOSE_ROOTS)) return true;
    return !!el.closest('body.xE [role="main"]');
  },
  isExcluded(el) {
    return isAlwaysExcluded(el) || el.matches(EXCLUDED);
  },
  label(el) {
    return el.closest('.AO, div.M9') && !el.closest('[role="dialog"]') ? 'Gmail reply' : 'Gmail message';
  },
};

// Fixtures: tests/fixtures/sites/gmail/{new-message,inline-reply,popout,spanish,demo,thread-reply,fullscreen,settings-signature}.html
// Real pages: https://mail.google.com/mail/u/0/#inbox?compose=new, an opened thread's Reply.
