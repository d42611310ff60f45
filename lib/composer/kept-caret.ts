// The user's caret in a composer, kept while keyboard focus visits our card and put back when focus
// returns (Shift+Tab, Esc, Tab past the card's last button), so writing goes on where it stopped.
import { selectionRange } from './accept';
import { isTextField } from './text-model';

export interface KeptCaret {
  /** Focus the composer again, with the caret (or selection) where it was. */
  restore(): void;
}

export function keepCaret(root: HTMLElement): KeptCaret {
  if (isTextField(root)) {
    const start = root.selectionStart;
    const end = root.selectionEnd;
    const direction = root.selectionDirection ?? 'none';
    return {
      restore() {
        root.focus({ preventScroll: true });
        if (start !== null && end !== null) root.setSelectionRange(start, end, direction);
      },
    };
  }
  const r = selectionRange(root);
  const kept = r && { sc: r.startContainer, so: r.startOffset, ec: r.endContainer, eo: r.endOffset };
  return {
    restore() {
      root.focus({ preventScroll: true });
      // The editor may have re-rendered meanwhile: then its own idea of the caret stands.
      if (!kept || !root.contains(kept.sc) || !root.contains(kept.ec)) return;
      try {
        root.ownerDocument.getSelection()?.setBaseAndExtent(kept.sc, kept.so, kept.ec, kept.eo);
      } catch {
        // Offsets past the end of a node that shrank: leave the caret as focus() put it.
      }
    },
  };
}
