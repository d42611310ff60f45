// Grammar looks at a bounded window of text around a match, never at a whole (possibly huge)
// sentence, and each decision is remembered by the window's text: a draft that repeats the same
// words thousands of times costs one parse, and no decision costs more than one short parse.
import { LruCache } from '../cache';
import type { ConditionContext } from './types';

/** Characters of the clause before a match that negation looks at (about a dozen words). */
export const CLAUSE_WINDOW = 60;
/** Characters before and after a match that the other grammar conditions look at. */
export const WINDOW_BEFORE = 80;
export const WINDOW_AFTER = 50;

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** text[from, to) trimmed inward to whole words at the ends that were cut. */
function wholeWords(norm: string, from: number, to: number, lo: number, hi: number): { start: number; end: number } {
  let a = from;
  let b = to;
  if (a > lo && !isSpace(norm[a - 1])) while (a < b && !isSpace(norm[a])) a++;
  if (b < hi && !isSpace(norm[b])) while (b > a && !isSpace(norm[b - 1])) b--;
  return { start: a, end: b };
}

/** The last CLAUSE_WINDOW characters of `before` (text ending at the match), cut at a word. */
export function clauseWindow(before: string): string {
  if (before.length <= CLAUSE_WINDOW) return before;
  const from = before.length - CLAUSE_WINDOW;
  return before.slice(wholeWords(before, from, before.length, 0, before.length).start);
}

/**
 * The sentence around the match: all of it when short, else WINDOW_BEFORE characters before the
 * match and WINDOW_AFTER after it, cut at words. `start` is the window's offset in the draft.
 */
export function matchWindow(ctx: ConditionContext): { text: string; start: number } {
  const { sentence, match, norm } = ctx;
  if (sentence.end - sentence.start <= WINDOW_BEFORE + WINDOW_AFTER + (match.end - match.start)) {
    return { text: norm.slice(sentence.start, sentence.end), start: sentence.start };
  }
  const from = Math.max(sentence.start, match.start - WINDOW_BEFORE);
  const to = Math.min(sentence.end, match.end + WINDOW_AFTER);
  const w = wholeWords(norm, from, to, sentence.start, sentence.end);
  const start = Math.min(w.start, match.start);
  return { text: norm.slice(start, Math.max(w.end, match.end)), start };
}

/** The first WINDOW_BEFORE + WINDOW_AFTER characters of the sentence (questions open with their word). */
export function sentenceHead(ctx: ConditionContext): string {
  const { sentence, norm } = ctx;
  const to = Math.min(sentence.end, sentence.start + WINDOW_BEFORE + WINDOW_AFTER);
  return norm.slice(sentence.start, wholeWords(norm, sentence.start, to, sentence.start, sentence.end).end);
}

// Decisions by condition and window text, bounded by characters held.
const decisions = new LruCache<string, boolean>(400_000, (key) => key.length + 16);

/** A remembered decision of `condition` on `key`, if any. */
export function recalled(condition: string, key: string): boolean | undefined {
  return decisions.get(`${condition}\u0000${key}`);
}

/** Remembers and returns a decision (only decisions made with grammar; fallbacks are not final). */
export function remember(condition: string, key: string, value: boolean): boolean {
  decisions.set(`${condition}\u0000${key}`, value);
  return value;
}

export function forgetDecisions(): void {
  decisions.clear();
}
