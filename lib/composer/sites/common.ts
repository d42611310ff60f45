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
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  if (view.getComputedStyle(el).pointerEvents === 'none') return false;
  const layout = ancestorsLayout(el, view);
  return !layout.clipped && !isOffPage(el, rect, layout, view);
}

/** Where checkVisibility is missing: opacity 0 anywhere up the flat tree. */
function hasTransparentAncestor(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  for (let p: Element | null = el; p && view; p = flatParent(p)) {
    if (parseFloat(view.getComputedStyle(p).opacity) === 0) return true;
  }
  return false;
}

const POSITIONED = /^(relative|absolute|fixed|sticky)$/;

interface AncestorsLayout {
  /** Inside a box that hides its overflow and is itself a pixel or less (the "visually hidden" pattern). */
  clipped: boolean;
  /** The nearest ancestor the box scrolls in (overflow auto/scroll), if any. */
  scroller: Element | null;
  /** Positioned against the viewport (itself or an ancestor is position: fixed). */
  fixed: boolean;
}

/**
 * One walk up the flat tree. Only ancestors that really clip or scroll the box count: an absolutely
 * positioned box escapes every ancestor below its containing block, and a fixed one everything
 * above it (LinkedIn paints dialogs that way from a zero-height host).
 */
function ancestorsLayout(el: Element, view: Window): AncestorsLayout {
  const root = el.ownerDocument.documentElement;
  const own = view.getComputedStyle(el).position;
  if (own === 'fixed') return { clipped: false, scroller: null, fixed: true };
  let escaping = own === 'absolute';
  let scroller: Element | null = null;
  for (let p = flatParent(el); p && p !== root; p = flatParent(p)) {
    const style = view.getComputedStyle(p);
    // A positioned ancestor is the containing block of the absolute box below: it clips that box.
    if (escaping && POSITIONED.test(style.position)) escaping = false;
    if (!escaping) {
      const overflow = `${style.overflow} ${style.overflowX} ${style.overflowY}`;
      if (/hidden|clip|auto|scroll/.test(overflow)) {
        const r = p.getBoundingClientRect();
        if (r.width <= PIXEL || r.height <= PIXEL) return { clipped: true, scroller, fixed: false };
        if (!scroller && /auto|scroll/.test(overflow)) scroller = p;
      }
    }
    if (style.position === 'fixed') return { clipped: false, scroller, fixed: true };
    if (style.position === 'absolute') escaping = true;
  }
  return { clipped: false, scroller, fixed: false };
}

/**
 * Entirely outside the area it can be scrolled into view over: left of or above the origin of its
 * scroll container (or the page, or for fixed boxes the viewport), or beyond the far edges. Nothing
 * scrolls to negative coordinates, so such a box is never on screen. A composer merely scrolled out
 * of view in a long thread is inside that area and still counts.
 */
function isOffPage(el: Element, rect: DOMRect, layout: AncestorsLayout, view: Window): boolean {
  let left: number;
  let top: number;
  let width: number;
  let height: number;
  if (layout.scroller) {
    const c = layout.scroller.getBoundingClientRect();
    left = rect.left - c.left - layout.scroller.clientLeft + layout.scroller.scrollLeft;
    top = rect.top - c.top - layout.scroller.clientTop + layout.scroller.scrollTop;
    width = layout.scroller.scrollWidth;
    height = layout.scroller.scrollHeight;
  } else if (layout.fixed) {
    ({ left, top } = rect);
    width = view.innerWidth;
    height = view.innerHeight;
  } else {
    const root = el.ownerDocument.documentElement;
    left = rect.left + view.scrollX;
    top = rect.top + view.scrollY;
    width = Math.max(root.scrollWidth, view.innerWidth);
    height = Math.max(root.scrollHeight, view.innerHeight);
  }
  return left + rect.width <= 0 || top + rect.height <= 0 || left >= width || top >= height;
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
