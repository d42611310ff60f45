// The table editor kind → replacement strategy; exactly one strategy runs per accept, never a chain.
import { editorKind } from '../editors';
import { beforeInputStrategy } from './before-input';
import { execCommandStrategy } from './exec-command';
import { textareaStrategy } from './textarea';
import type { EditorKind, ReplaceStrategy } from './types';

export type { EditorKind, ReplaceStrategy, ReplaceTarget } from './types';

/** Chosen per editor by evidence in a real browser; see each strategy's header and tests/e2e/editors. */
export const STRATEGIES: Readonly<Record<EditorKind, ReplaceStrategy>> = {
  textarea: textareaStrategy,
  contenteditable: execCommandStrategy,
  quill1: execCommandStrategy,
  quill2: beforeInputStrategy,
  prosemirror: execCommandStrategy,
  lexical: beforeInputStrategy,
  slate: beforeInputStrategy,
  draft: execCommandStrategy,
};

export function strategyFor(root: HTMLElement): ReplaceStrategy {
  return STRATEGIES[editorKind(root)];
}
