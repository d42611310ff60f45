// What a LinkedIn composer is (messaging box, Quill post box, ProseMirror comment box), light DOM or
// inside #interop-outlet's open shadow root, and what to leave out of it.
import type { SiteAdapter } from './types';
import { isAlwaysExcluded, isWritableSurface } from './common';

const CANDIDATES = [
  // Plain text boxes too, e.g. the invitation note (textarea#custom-message).
  'textarea',
  '.msg-form__contenteditable',
  '.ql-editor',
  '.ProseMirror',
  '[contenteditable="true"][role="textbox"]',
].join(', ');

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  // The messaging overlay lives in #interop-outlet's open shadow root, attached late.
  shadowRoots: 'all',
  candidates: CANDIDATES,
  isComposer(el) {
    // Quill's hidden clipboard is contenteditable too; never a composer.
    if (el.classList.contains('ql-clipboard')) return false;
    return el.matches(CANDIDATES) && isWritableSurface(el);
  },
  isExcluded(el) {
    return isAlwaysExcluded(el);
  },
  label(el) {
    if (el instanceof HTMLTextAreaElement) return 'LinkedIn note';
    if (el.classList.contains('msg-form__contenteditable')) return 'LinkedIn message';
    if (el.classList.contains('ql-editor')) return 'LinkedIn post';
    if (el.classList.contains('ProseMirror')) return 'LinkedIn comment';
    return 'LinkedIn text box';
  },
};

// Fixtures: tests/fixtures/sites/linkedin/{messaging,overlay-late,new-ui-thread,new-ui-overlay}.html (+ editors' post-quill, comment-prosemirror)
// Real pages: https://www.linkedin.com/messaging/, the feed's "Start a post" and comment boxes.
