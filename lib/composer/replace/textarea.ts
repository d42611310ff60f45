// Strategy for <textarea>/<input>: select the offsets and execCommand('insertText'), which keeps
// the native undo stack and fires a trusted input event that React's onChange picks up.
import type { ReplaceStrategy, ReplaceTarget } from './types';
import { execInsert } from './exec-command';
import { ensureFocus } from './focus';

// Evidence (strategies.spec.ts, React 18 controlled textarea): React's state equals the DOM value
// after the insert and after Ctrl+Z; two inserts undo one at a time. setRangeText or the value
// setter would also update React but leave nothing for Ctrl+Z (composers.md §3.1), so they are not used.

export const textareaStrategy: ReplaceStrategy = {
  name: 'textarea execCommand insertText',
  replace(target: ReplaceTarget): boolean {
    const field = target.root as HTMLTextAreaElement | HTMLInputElement;
    if (typeof field.setSelectionRange !== 'function') return false;
    const { start, end, replacement } = target;
    if (start < 0 || end < start || end > field.value.length) return false;
    // focus() can move the caret; select after it. preventScroll keeps the page still.
    ensureFocus(field);
    field.setSelectionRange(start, end);
    return execInsert(field.ownerDocument, replacement);
  },
  undo(root: HTMLElement): boolean {
    ensureFocus(root);
    return root.ownerDocument.execCommand('undo', false);
  },
  undoable: true,
};
