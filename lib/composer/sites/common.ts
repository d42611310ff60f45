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

/** Writable, visible, and not a control that only looks like a text box. */
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
  if (el.closest('[aria-hidden="true"], [inert]')) return false;
  return isVisible(el);
}

/** Rendered with some size. Hidden composers (closed moles, minimised overlays) are not composers. */
export function isVisible(el: HTMLElement): boolean {
  if (!el.isConnected) return false;
  // checkVisibility covers display:none ancestors, content-visibility and visibility:hidden.
  const check = (el as HTMLElement & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  return el.getClientRects().length > 0;
}

/** Elements shared by every adapter that are never part of the text: our own UI and hidden helpers. */
export function isAlwaysExcluded(el: Element): boolean {
  if (el.tagName === 'CLEARLINE-ROOT') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.classList.contains('ql-clipboard')) return true;
  return false;
}
