// Strategy for Draft.js: sync Draft's own SelectionState to the span, then hand it the text through
// the textInput event it handles itself (React onBeforeInput), so its EditorState and undo stack own the edit.
import type { ReplaceStrategy, ReplaceTarget } from './types';
import { isFocused, selectRange } from './exec-command';
import { ensureFocus, focusInside } from './focus';

/*
 * Why not execCommand('insertText') (evidence: tests/e2e/editors/strategies.spec.ts, Chromium 156):
 * Chromium's execCommand fires neither beforeinput nor textInput, only input. Draft's editOnInput then
 * copies the DOM leaf's text into the block named by Draft's *stored* selection, which is stale until
 * React delivers onSelect — the line above was overwritten with the edited line (draft-js #616 family).
 *
 * What works: after selecting the span, a synchronous `selectionchange` makes React call Draft's
 * onSelect, which reads the DOM selection into EditorState; a synthetic `textInput` then reaches
 * Draft's editOnBeforeInput, which replaces the (non-collapsed) selection in its model and cancels
 * the event, so the browser never touches the DOM. Deletion is a synthetic Backspace keydown
 * (Draft's 'backspace' key command removes a non-collapsed selection). Undo is Draft's own:
 * Ctrl+Z keydown (keyCode 90), which Draft maps to EditorState.undo.
 *
 * Draft ignores onSelect while a render is pending (its latest state differs from its props), which
 * is the case right after focus() — React 18 renders that update in a microtask. So when the editor
 * was not focused, the edit runs in a microtask after React's, and replace() returns true; the
 * caller verifies the text after a frame anyway (accept.ts).
 */

/** The Draft block element (div[data-block]) holding a node, or null. */
function blockOf(node: Node): Element | null {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest('[data-block="true"]') ?? null;
}

function key(root: HTMLElement, init: KeyboardEventInit & { keyCode: number }): boolean {
  // keyCode/which are honoured in Chromium's KeyboardEventInit; Draft's key bindings read keyCode.
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, which: init.keyCode, ...init } as KeyboardEventInit);
  root.dispatchEvent(event);
  return event.defaultPrevented;
}

function insert(root: HTMLElement, range: Range, text: string): boolean {
  const doc = root.ownerDocument;
  const sel = doc.getSelection();
  if (!sel) return false;
  sel.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  // React's onSelect listens for selectionchange on the document; deliver it now, not after this task.
  doc.dispatchEvent(new Event('selectionchange'));
  if (text === '') return key(root, { key: 'Backspace', code: 'Backspace', keyCode: 8 });
  const event = doc.createEvent('TextEvent') as Event & {
    initTextEvent(type: string, bubbles: boolean, cancelable: boolean, view: Window | null, data: string): void;
  };
  event.initTextEvent('textInput', true, true, doc.defaultView, text);
  root.dispatchEvent(event);
  return event.defaultPrevented;
}

export const draftStrategy: ReplaceStrategy = {
  name: 'Draft.js textInput',
  replace(target: ReplaceTarget): boolean {
    const { root, range, replacement } = target;
    if (!range) return false;
    // Draft replaces within one block only; a span across blocks would merge them (draft-js #616).
    const block = blockOf(range.startContainer);
    if (!block || block !== blockOf(range.endContainer)) return false;
    const wasFocused = isFocused(root);
    const saved = range.cloneRange();
    if (!selectRange(root, range)) return false;
    if (wasFocused) return insert(root, saved, replacement);
    queueMicrotask(() => {
      if (root.isConnected && focusInside(root)) insert(root, saved, replacement);
    });
    return true;
  },
  undo(root: HTMLElement): boolean {
    ensureFocus(root);
    // Draft's "command" modifier is Cmd on Apple platforms, Ctrl elsewhere.
    const apple = /Mac|iPhone|iPad/.test(navigator.platform);
    return key(root, { key: 'z', code: 'KeyZ', keyCode: 90, ctrlKey: !apple, metaKey: apple });
  },
  undoable: true,
};
