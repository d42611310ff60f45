// The table editor kind → replacement strategy; exactly one strategy runs per accept, never a chain.
import { editorKind } from '../editors';
import { beforeInputStrategy } from './before-input';
import { draftStrategy } from './draft';
import { execCommandStrategy } from './exec-command';
import { textareaStrategy } from './textarea';
import type { EditorKind, ReplaceStrategy } from './types';

export type { EditorKind, ReplaceStrategy, ReplaceTarget } from './types';

/**
 * Chosen per editor by evidence in Chromium 156 against the real libraries
 * (tests/e2e/editors/strategies.spec.ts; each strategy's header says why).
 */
export const STRATEGIES: Readonly<Record<EditorKind, ReplaceStrategy>> = {
  textarea: textareaStrategy,
  contenteditable: execCommandStrategy,
  quill1: execCommandStrategy,
  quill2: beforeInputStrategy({ emptyInputType: 'insertReplacementText' }),
  prosemirror: execCommandStrategy,
  lexical: beforeInputStrategy({ emptyInputType: 'deleteContentBackward' }),
  slate: beforeInputStrategy({ emptyInputType: 'deleteContentBackward' }),
  draft: draftStrategy,
};

export function strategyFor(root: HTMLElement): ReplaceStrategy {
  return STRATEGIES[editorKind(root)];
}
