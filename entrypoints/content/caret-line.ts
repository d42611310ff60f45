// The line the user is typing on (the caret's line box inside the composer), so the card can keep clear of it.

export function caretLine(root: HTMLElement): DOMRect | null {
  const doc = root.ownerDocument;
  if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) return null; // the card sits under the words there
  const sel = doc.getSelection();
  if (!sel || !sel.rangeCount || !sel.focusNode || !root.contains(sel.focusNode)) return null;
  const r = doc.createRange();
  r.setStart(sel.focusNode, sel.focusOffset);
  r.collapse(true);
  let rect: DOMRect | undefined = r.getClientRects()[0];
  // A collapsed range at the start of an empty line has no rects: measure the line's element instead.
  if (!rect || (!rect.height && !rect.width)) {
    const el = sel.focusNode instanceof Element ? sel.focusNode : sel.focusNode.parentElement;
    rect = el?.getBoundingClientRect();
    if (rect && rect.height > 60) return null; // a whole block, not one line
  }
  if (!rect || !rect.height) return null;
  const box = root.getBoundingClientRect();
  return new DOMRect(box.left, rect.top, box.width, rect.height);
}
