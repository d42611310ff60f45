// What a grammar condition sees: the normalised draft, the sentence and the match inside it.
import type { Policy } from '../types';
import type { NlpCache } from '../nlp';

export interface ConditionContext {
  norm: string;
  sentence: { start: number; end: number };
  match: { start: number; end: number };
  policy: Policy;
  nlp: NlpCache;
}

export type Condition = ((ctx: ConditionContext) => boolean) & {
  /**
   * Optional: a pattern the whole paragraph must contain for the condition ever to hold. A rule
   * whose condition's gate fails is skipped for the paragraph before any of its patterns run.
   */
  gate?: RegExp;
};

/** The clause before the match: the sentence cut at the last , ; : dash or contrastive conjunction. */
export function clauseBefore(ctx: ConditionContext): string {
  const before = ctx.norm.slice(ctx.sentence.start, ctx.match.start);
  let cut = -1;
  for (const m of before.matchAll(/[;:,]|\s-\s|\b(?:but|though|although|however|otherwise|whereas|while|and)\b/gi)) {
    cut = m.index! + m[0].length;
  }
  return cut >= 0 ? before.slice(cut) : before;
}

export function sentenceText(ctx: ConditionContext): string {
  return ctx.norm.slice(ctx.sentence.start, ctx.sentence.end);
}
