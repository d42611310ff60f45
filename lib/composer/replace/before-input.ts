// Strategy "beforeinput insertReplacementText": hand the edit to editors that apply beforeinput
// to their own model (Lexical, Slate, Quill 2) instead of letting the browser touch the DOM.
import type { ReplaceStrategy, ReplaceTarget } from './types';
import { selectRange } from './exec-command';

/**
 * Why not execCommand for these editors: Chromium's execCommand fires no beforeinput, and these
 * editors drive their model from beforeinput; a DOM-only change is reverted or duplicated
 * (composers.md §1.5, §3.4). The event is synthetic (untrusted); Chromium shares the DOM between
 * the content script's isolated world and the page, so page listeners receive it.
 */
function dispatchInput(root: HTMLElement, init: InputEventInit): boolean {
  const event = new InputEvent('beforeinput', { bubbles: true, cancelable: true, composed: true, ...init });
  root.dispatchEvent(event);
  // The editor calls preventDefault when it applied the edit itself; otherwise nothing happened.
  return event.defaultPrevented;
}

export const beforeInputStrategy: ReplaceStrategy = {
  name: 'beforeinput insertReplacementText',
  replace(target: ReplaceTarget): boolean {
    const { root, range, replacement } = target;
    if (!range) return false;
    // Editors read the span either from the DOM selection (Lexical) or from getTargetRanges()
    // (Quill 2, Slate); give them both.
    if (!selectRange(root, range)) return false;
    const dataTransfer = new DataTransfer();
    dataTransfer.setData('text/plain', replacement);
    return dispatchInput(root, {
      inputType: 'insertReplacementText',
      data: replacement,
      dataTransfer,
      targetRanges: [new StaticRange(range)],
    });
  },
  undo(root: HTMLElement): boolean {
    // The edit lives in the editor's own history, not the browser's, so ask the editor to undo.
    root.focus({ preventScroll: true });
    return dispatchInput(root, { inputType: 'historyUndo' });
  },
  undoable: true,
};
