// The contract between the accept procedure (lib/composer/accept.ts) and the per-editor
// replacement strategies (one file each in this folder, chosen by lib/composer/replace/index.ts).

/** Which editor library owns a composer root; decides the replacement strategy. */
export type EditorKind =
  | 'textarea' // <textarea> / <input>, including React-controlled ones
  | 'contenteditable' // plain contenteditable: Gmail, Outlook, LinkedIn messaging
  | 'quill1'
  | 'quill2'
  | 'prosemirror' // ProseMirror and TipTap
  | 'lexical'
  | 'slate'
  | 'draft';

export interface ReplaceTarget {
  /** The composer root: the contenteditable element, or the textarea/input. */
  root: HTMLElement;
  /** For contenteditable kinds: a Range over exactly the span (may live inside a shadow root). Null for textarea. */
  range: Range | null;
  /** For textarea/input: UTF-16 offsets into root.value. For contenteditable: offsets in the text model (informational). */
  start: number;
  end: number;
  replacement: string;
}

export interface ReplaceStrategy {
  /** Name shown in logs and test titles, e.g. "execCommand insertText". */
  name: string;
  /**
   * Run the edit through the editor's own input path (so its model and undo history see it).
   * Returns false when the editor visibly refused (execCommand returned false, event not handled).
   * The caller verifies the result afterwards; a strategy never chains to another one.
   */
  replace(target: ReplaceTarget): boolean;
  /** Undo the strategy's own last edit (used to roll back when verification fails). */
  undo(root: HTMLElement): boolean;
  /** True when Ctrl+Z after this strategy restores the text (shown to the user when false). */
  undoable: boolean;
}
