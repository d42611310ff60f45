// Strategy "beforeinput insertReplacementText": hand the edit to editors that apply beforeinput
// to their own model (Lexical, Slate, Quill 2) instead of letting the browser touch the DOM.
import type { ReplaceStrategy, ReplaceTarget } from './types';
import { selectRange } from './exec-command';
import { ensureFocus } from './focus';

/*
 * Why not execCommand for these editors: Chromium's execCommand fires no beforeinput, and these
 * editors drive their model from beforeinput; a DOM-only change is reverted or duplicated
 * (composers.md §1.5, §3.4). The event is synthetic (untrusted), but Chromium shares the DOM
 * between the content script's isolated world and the page, so the page's listeners receive it
 * (tests/e2e/editors/strategies.spec.ts dispatches it from a CDP isolated world).
 *
 * Evidence (Chromium 156): Quill 2.0.3's Input module and Lexical 0.52 both preventDefault and apply
 * insertReplacementText through their model; each accept is one step of the editor's own history;
 * 'historyUndo' undoes it (Quill 2 History, Lexical UNDO_COMMAND).
 * An empty replacement: Quill 2 deletes on insertReplacementText with '' (Input.replaceText), while
 * Lexical inserts nothing for '' and needs 'deleteContentBackward' (DELETE_CHARACTER_COMMAND removes the
 * non-collapsed selection; 'deleteContent' is cancelled but changes nothing in 0.52); Slate's
 * Editable also deletes an expanded selection on any delete* inputType.
 * execCommand('delete') would bypass all three (no beforeinput in Chromium), so it is not used here.
 */

function dispatchInput(root: HTMLElement, init: InputEventInit): boolean {
  const event = new InputEvent('beforeinput', { bubbles: true, cancelable: true, composed: true, ...init });
  root.dispatchEvent(event);
  // The editor calls preventDefault when it applied the edit itself; otherwise nothing happened.
  return event.defaultPrevented;
}

export interface BeforeInputOptions {
  /** The inputType this editor deletes a selected span with (for an empty replacement). */
  emptyInputType: 'insertReplacementText' | 'deleteContentBackward';
}

export function beforeInputStrategy({ emptyInputType }: BeforeInputOptions): ReplaceStrategy {
  return {
    name: 'beforeinput insertReplacementText',
    replace(target: ReplaceTarget): boolean {
      const { root, range, replacement } = target;
      if (!range) return false;
      const targetRanges = [new StaticRange(range)];
      // Editors read the span either from the DOM selection (Lexical, at beforeinput time) or from
      // getTargetRanges() (Quill 2, Slate); give them both.
      if (!selectRange(root, range)) return false;
      if (replacement === '' && emptyInputType === 'deleteContentBackward') {
        return dispatchInput(root, { inputType: 'deleteContentBackward', targetRanges });
      }
      const dataTransfer = new DataTransfer();
      dataTransfer.setData('text/plain', replacement);
      return dispatchInput(root, { inputType: 'insertReplacementText', data: replacement, dataTransfer, targetRanges });
    },
    undo(root: HTMLElement): boolean {
      // The edit lives in the editor's own history, not the browser's, so ask the editor to undo.
      ensureFocus(root);
      return dispatchInput(root, { inputType: 'historyUndo' });
    },
    undoable: true,
  };
}
