// Strategy "execCommand insertText": select the span's Range and let the browser insert the text
// as if typed, so native undo and DOM-observing editors (Gmail, Outlook, LinkedIn messaging,
// Quill 1, ProseMirror) see an ordinary trusted input.
import { ensureFocus } from './focus';
import type { ReplaceStrategy, ReplaceTarget } from './types';

/*
 * Evidence (Chromium 156, tests/e2e/editors/strategies.spec.ts, real libraries): the insertion is a
 * trusted input that Quill 1.3.7 (MutationObserver) and ProseMirror (DOMObserver) adopt into their
 * models with no duplication; one Ctrl+Z reverts it (Quill's History / prosemirror-history record it
 * as one step), and execCommand('undo') rolls it back. Plain contenteditable keeps the browser's
 * own undo stack. Known gap: Quill 1 inside a shadow root does not handle its own Ctrl+Z (its
 * hasFocus() compares document.activeElement, i.e. the shadow host), so native undo runs there and
 * cannot restore a span that ended exactly at the end of a removed bold element.
 * Not used for Lexical, Slate, Quill 2 (before-input.ts) or Draft.js (draft.ts): Chromium's
 * execCommand fires no beforeinput, and Draft mis-files the edit (see those files).
 */

/**
 * Focus the editable without scrolling and select exactly `range` (works inside open shadow roots).
 * Throws FocusLostError when the page moves focus elsewhere.
 */
export function selectRange(root: HTMLElement, range: Range): boolean {
  const doc = root.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return false;
  // Focus first: focusing can move the selection to a remembered caret position.
  ensureFocus(root);
  sel.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  return sel.rangeCount > 0;
}

/** Whether `root` has focus, read in its own tree (document.activeElement is the host in a shadow root). */
export function isFocused(root: HTMLElement): boolean {
  const scope = root.getRootNode() as Document | ShadowRoot;
  return scope.activeElement === root;
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
    ensureFocus(root);
    return root.ownerDocument.execCommand('undo', false);
  },
  undoable: true,
};
