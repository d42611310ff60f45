// Which editor library owns a composer root: one small get<Editor>Root predicate per editor, read from DOM markers only.
import type { EditorKind } from './replace/types';

// The content script runs in an isolated world, so expandos such as `__lexicalEditor` or `__quill`
// are invisible to it; every predicate below relies on attributes and classes the libraries write.

/** Lexical writes data-lexical-editor="true" on its root element (Lexical setRootElement). */
export function getLexicalRoot(el: Element): HTMLElement | null {
  return el.closest<HTMLElement>('[data-lexical-editor="true"]');
}

/** slate-react's <Editable> renders data-slate-editor="true" on its root. */
export function getSlateRoot(el: Element): HTMLElement | null {
  return el.closest<HTMLElement>('[data-slate-editor="true"]');
}

/** Quill (both majors) makes its editable `.ql-editor` inside `.ql-container`. */
export function getQuillRoot(el: Element): HTMLElement | null {
  const root = el.closest<HTMLElement>('.ql-editor');
  return root && root.parentElement?.classList.contains('ql-container') ? root : null;
}

/**
 * Quill 1 vs 2. The marker: Quill 1's Clipboard module adds a hidden `div.ql-clipboard`
 * (contenteditable, tabindex -1) to the container; Quill 2's Clipboard reads native clipboard
 * events and adds no element. (Quill 1 also sets data-gramm="false" on the editor; Quill 2
 * does not, but sites may set it themselves, so it is not relied on.)
 */
export function isQuill1(quillRoot: HTMLElement): boolean {
  const container = quillRoot.parentElement;
  if (!container) return false;
  for (const child of Array.from(container.children)) {
    if (child.classList.contains('ql-clipboard')) return true;
  }
  return false;
}

/** prosemirror-view adds class "ProseMirror" to its editable (TipTap adds "tiptap" beside it). */
export function getProseMirrorRoot(el: Element): HTMLElement | null {
  return el.closest<HTMLElement>('.ProseMirror');
}

/** Draft.js renders its contenteditable as div.public-DraftEditor-content inside .DraftEditor-root. */
export function getDraftRoot(el: Element): HTMLElement | null {
  return el.closest<HTMLElement>('.public-DraftEditor-content');
}

/** Tag check, not instanceof: a composer in an iframe has another window's constructors. */
export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** The editor kind of a composer root; decides the replacement strategy (replace/index.ts). */
export function editorKind(root: HTMLElement): EditorKind {
  if (isTextField(root)) return 'textarea';
  // Order matters only for nesting that does not happen in practice; most specific first.
  if (getLexicalRoot(root)) return 'lexical';
  if (getSlateRoot(root)) return 'slate';
  const quill = getQuillRoot(root);
  if (quill) return isQuill1(quill) ? 'quill1' : 'quill2';
  if (getProseMirrorRoot(root)) return 'prosemirror';
  if (getDraftRoot(root)) return 'draft';
  return 'contenteditable';
}
