// Strategy "execCommand insertText": select the span's Range and let the browser insert the text
// as if typed, so native undo and DOM-observing editors (Gmail, Outlook, LinkedIn messaging,
// Quill 1, ProseMirror, Draft.js single block) see an ordinary trusted input.
import type { ReplaceStrategy, ReplaceTarget } from './types';

/** Focus the editable without scrolling and select exactly `range` (works inside open shadow roots). */
export function selectRange(root: HTMLElement, range: Range): boolean {
  const doc = root.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return false;
  // Focus first: focusing can move the selection to a remembered caret position.
  if (doc.activeElement !== root && !isFocusedInShadow(root)) root.focus({ preventScroll: true });
  sel.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  return sel.rangeCount > 0;
}

function isFocusedInShadow(root: HTMLElement): boolean {
  const node = root.getRootNode();
  return node instanceof ShadowRoot ? node.activeElement === root : false;
}

/**
 * Run the insertion on the selected span. An empty replacement uses 'delete': insertText with ''
 * is a no-op in some engines (Firefox), while delete removes the selection as Backspace would.
 */
export function execInsert(doc: Document, text: string): boolean {
  return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
}

export const execCommandStrategy: ReplaceStrategy = {
  name: 'execCommand insertText',
  replace(target: ReplaceTarget): boolean {
    const { root, range, replacement } = target;
    if (!range) return false;
    if (!selectRange(root, range)) return false;
    return execInsert(root.ownerDocument, replacement);
  },
  undo(root: HTMLElement): boolean {
    root.focus({ preventScroll: true });
    return root.ownerDocument.execCommand('undo', false);
  },
  undoable: true,
};
