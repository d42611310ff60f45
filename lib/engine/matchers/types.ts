// What a matcher gets for one paragraph and what it returns: findings relative to the paragraph.
import type { CompiledRule } from '../load-packs';
import type { NlpCache } from '../nlp';
import type { Span } from '../segment';
import type { Finding, Policy } from '../types';
import type { WordIndex } from '../word-index';

export interface ParagraphContext {
  /** Original paragraph text (for suggestions that quote the user's words). */
  text: string;
  /** Normalised copy, same length. */
  norm: string;
  /** Computed on first use. */
  readonly sentences: Span[];
  /** Where each word of `norm` starts (word-index.ts); computed on first use. */
  readonly words: WordIndex;
  /** Offsets of every . ! ? and line break in `norm`, ascending; computed on first use. */
  readonly stops: number[];
  policy: Policy;
  values: Record<string, string>;
  nlp: NlpCache;
}

/**
 * Findings one rule reports per draft (and so per paragraph). Past a few dozen underlines of the
 * same kind the user has the message; a hostile draft repeating a phrase thousands of times would
 * otherwise cost a suggestion built per copy.
 */
export const MAX_FINDINGS_PER_RULE = 50;

export type RuleMatcher = (rule: CompiledRule, ctx: ParagraphContext) => Finding[];

/** Index of the first sentence ending after `offset` (the last one when none does); binary search. */
export function sentenceIndexAt(sentences: Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offset < sentences[mid]!.end) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function sentenceAt(sentences: Span[], offset: number): Span {
  return sentences[sentenceIndexAt(sentences, offset)] ?? { start: 0, end: 0 };
}

/** True when only opening quotes, brackets or list marks stand between the sentence start and `offset`. */
export function atSentenceStart(norm: string, sentence: Span, offset: number): boolean {
  return /^[\s"'(\[*\-•]*$/.test(norm.slice(sentence.start, offset));
}
