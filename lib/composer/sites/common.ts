// Checks shared by every site adapter: is an element an editable, visible, writable text surface.

/** Tags whose text a user writes in; everything else must be a contenteditable host. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

/** The editing host of `el`: the outermost contenteditable ancestor-or-self, or the text field itself. */
export function editingHost(el: Element | null): HTMLElement | null {
  if (!el || !(el instanceof HTMLElement)) {
    // Text nodes and SVG: climb to the nearest HTML element.
    const parent = el?.parentElement ?? null;
    return parent && parent !== el ? editingHost(parent) : null;
  }
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement) return null; // single-line inputs are subjects and recipients: never composers
  if (!el.isContentEditable) return null;
  let host: HTMLElement = el;
  for (let p = parentInTree(el); p && p instanceof HTMLElement && p.isContentEditable; p = parentInTree(p)) host = p;
  return host;
}

/** Parent element, stopping at shadow-root boundaries (an editor never spans one). */
function parentInTree(el: Element): Element | null {
  return el.parentElement;
}

/**
 * Writable, visible, and not a control that only looks like a text box. Visibility is judged from
 * layout, never from ARIA on ancestors: Outlook's Fluent UI sets aria-hidden="true" on #app while a
 * layer is open, with the composer still on screen and in use. `inert` is different: the browser
 * really stops the user from typing there.
 */
export function isWritableSurface(el: HTMLElement): boolean {
  if (el instanceof HTMLTextAreaElement) {
    if (el.readOnly || el.disabled) return false;
  } else if (el instanceof HTMLInputElement) {
    if (!TEXT_INPUT_TYPES.has(el.type) || el.readOnly || el.disabled) return false;
  } else {
    const ce = el.getAttribute('contenteditable');
    if (ce === 'false' || !el.isContentEditable) return false;
  }
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return false;
  if (el.hasAttribute('disabled')) return false;
  const role = el.getAttribute('role');
  if (role === 'combobox' || role === 'searchbox' || role === 'listbox') return false;
  if (el.closest('[inert]')) return false;
  return isVisible(el);
}

/** Largest size (CSS px, either side) that still counts as a tracking pixel rather than a text box. */
const PIXEL = 1;

type VisibilityCheck = (o?: { visibilityProperty?: boolean; opacityProperty?: boolean }) => boolean;

/**
 * Something the user can see and reach: rendered (no display:none, visibility:hidden or opacity 0 on
 * it or an ancestor), larger than a pixel, inside the page rather than pushed off it, not clipped to a
 * pixel by a screen-reader-only wrapper, and taking pointer input. Closed moles, minimised overlays
 * and a page's invisible look-alike boxes all fail; a composer merely scrolled out of view does not.
 */
export function isVisible(el: HTMLElement): boolean {
  if (!el.isConnected) return false;
  const check = (el as HTMLElement & { checkVisibility?: VisibilityCheck }).checkVisibility;
  if (typeof check === 'function') {
    if (!check.call(el, { visibilityProperty: true, opacityProperty: true })) return false;
  } else if (el.getClientRects().length === 0 || hasTransparentAncestor(el)) {
    return false;
  }
  const rect = el.getBoundingClientRect();
  if (rect.width <= PIXEL || rect.height <= PIXEL) return false;
  if (isOffPage(el, rect)) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  if (view.getComputedStyle(el).pointerEvents === 'none') return false;
  return !clippedToPixel(el, view);
}

/** Where checkVisibility is missing: opacity 0 anywhere up the flat tree. */
function hasTransparentAncestor(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let p: Element | null = el; p && view; p = flatParent(p)) {
    if (parseFloat(view.getComputedStyle(p).opacity) === 0) return true;
  }
  return false;
}

/**
 * Entirely outside the area the page can be scrolled over: left of or above its origin, or beyond
 * its far edges. A page cannot scroll to negative coordinates, so such a box is never on screen.
 */
function isOffPage(el: Element, rect: DOMRect): boolean {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (!view) return true;
  const root = doc.documentElement;
  const left = rect.left + view.scrollX;
  const top = rect.top + view.scrollY;
  const width = Math.max(root.scrollWidth, view.innerWidth);
  const height = Math.max(root.scrollHeight, view.innerHeight);
  return left + rect.width <= 0 || top + rect.height <= 0 || left >= width || top >= height;
}

/** Inside a wrapper that hides its overflow and is itself a pixel or less (the "visually hidden" pattern). */
function clippedToPixel(el: Element, view: Window): boolean {
  // A fixed box escapes the clipping of everything above it (LinkedIn paints dialogs that way
  // from a zero-height host), so the walk stops there.
  if (view.getComputedStyle(el).position === 'fixed') return false;
  for (let p = flatParent(el); p && p !== el.ownerDocument.documentElement; p = flatParent(p)) {
    const style = view.getComputedStyle(p);
    if (/hidden|clip/.test(`${style.overflow} ${style.overflowX} ${style.overflowY}`)) {
      const r = p.getBoundingClientRect();
      if (r.width <= PIXEL || r.height <= PIXEL) return true;
    }
    if (style.position === 'fixed') return false;
  }
  return false;
}

/** Parent in the flat tree: a shadow root's host when we reach the top of a shadow tree. */
function flatParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? ((root as ShadowRoot).host ?? null) : null;
}

/** Elements shared by every adapter that are never part of the text: our own UI and hidden helpers. */
export function isAlwaysExcluded(el: Element): boolean {
  if (el.tagName === 'CLEARLINE-ROOT') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.classList.contains('ql-clipboard')) return true;
  return false;
}
