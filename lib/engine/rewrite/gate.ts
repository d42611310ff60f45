// The gate every rewrite passes before it is shown: applied to its paragraph and checked. A
// suggestion that fails is not offered; the reasons are counted for the eval.
import type { Policy } from '../types';
import { contradictingTime, statedHours } from './times';
import { wordCount } from './text-ops';

export const GATE_REASONS = [
  'placeholder', 'warning-left', 'duplicate-sentence', 'lowercase-start', 'doubled-space', 'stray-punctuation', 'torn-phrase',
  'contradicting-time', 'urgent-route-lost', 'empty-draft', 'unchanged',
] as const;
export type GateReason = (typeof GATE_REASONS)[number];

const rejections: Record<string, number> = {};

/** Rejections by reason since the last reset (the eval prints them). */
export function gateRejections(): Record<string, number> {
  return { ...rejections };
}

export function resetGateRejections(): void {
  for (const k of Object.keys(rejections)) delete rejections[k];
}

export function countRejection(reason: GateReason): void {
  rejections[reason] = (rejections[reason] ?? 0) + 1;
}

/** Routes to urgent help a rewrite must never drop. */
const URGENT = /\b(?:111|999|911|988|112|000|116\s?123|A&E|ER|emergency|crisis|samaritans|duty (?:line|doctor|team|nurse)|out[- ]of[- ]hours (?:line|service|doctor))\b/gi;

export function urgentRoutes(text: string): string[] {
  // A quoted phrase ("rankings for 'emergency locksmith leeds'") names a search term, not a route.
  const unquoted = text.replace(/(['\u2018"\u201C])[^'\u2019"\u201D\n]{1,60}?['\u2019"\u201D](?=[\s,.;:!?)]|$)/g, ' ');
  return [...new Set((unquoted.match(URGENT) ?? []).map((s) => s.toLowerCase()))];
}

const FUNCTION_WORD_BEFORE_PUNCT = /\b(?:the|a|an|to|of|and|or|but|with|for|in|on|at|my|your|until|till|from|than|ask|whether|if|because)\s*[.!?,;:](?!\d)/i;

// A sentence ending on its verb "is" lost what it said ("your idea of launching in August is."),
// unless the subject makes "is" the end ("that's just how it is", "there it is").
const COPULA_AT_END = /\S+\s+(?<!\b(?:it|that|what|this|there|how|who|which|where|here|he|she|one|they|we|you|i)\s)(?:is|are|was|were)\s*[.!?](?!\d)/i;

/** Sentences of a text, normalised for comparison. */
function sentenceKeys(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim())
    .filter((s) => wordCount(s) >= 3);
}

export interface GateInput {
  /** The paragraph as written, and the part of it the rewrite replaces. */
  paragraph: string;
  start: number;
  end: number;
  replacement: string;
  policy: Policy;
  /** The group carries an availability finding: no time outside the hours may be left in it. */
  timeSensitive: boolean;
  /** Warning-or-above span findings of a paragraph (the engine's own detection). */
  reanalyse: (paragraph: string) => { start: number; end: number }[];
}

/** The first reason this rewrite must not be offered, or null. */
export function gate(g: GateInput): GateReason | null {
  const { paragraph, start, end, replacement } = g;
  const old = paragraph.slice(start, end);
  if (replacement === old) return 'unchanged';
  if (/\{[A-Za-z]+\}/.test(replacement)) return 'placeholder';
  const next = paragraph.slice(0, start) + replacement + paragraph.slice(end);
  const from = start;
  const to = start + replacement.length;
  // The joins: two characters either side of the new text.
  const around = next.slice(Math.max(0, from - 2), Math.min(next.length, to + 2));
  // A doubled space the rewrite made (the writer's own, outside it, stay theirs).
  if ((/[^\S\n]{2,}/.test(around) && !/[^\S\n]{2,}/.test(paragraph.slice(Math.max(0, start - 2), Math.min(paragraph.length, end + 2)))) || /[^\S\n]{2,}/.test(replacement)) return 'doubled-space';
  if (/\s[,.!?;:]/.test(around) || /[,;:]\s*[.!?]/.test(around) || /,\s*,/.test(around) || /(?<!\.)\.\.(?!\.)/.test(around) || /^[\s,;:.!?]/.test(next.slice(0, to).trimStart().slice(0, 1))) {
    return 'stray-punctuation';
  }
  if (/\s[,.!?;:]|[,;:]\s*[.!?]|,\s*,|(?<![.\d])\.\.(?!\.)/.test(replacement)) return 'stray-punctuation';
  // A sentence starting in or right after the new text starts with a capital.
  const window = next.slice(0, Math.min(next.length, to + 40));
  const starts = /(?:^|[.!?]["')\]]*\s+|\n\s*)([a-z])/g;
  let m: RegExpExecArray | null;
  while ((m = starts.exec(window)) !== null) {
    const at = m.index + m[0].length - 1;
    // Only sentences the rewrite starts; the writer's own lower-case lines after it stay theirs.
    if (at >= from && at < to) return 'lowercase-start';
  }
  // A sentence (or the words after a greeting) that now opens with a joining word lost the clause
  // it joined: "And that idiot wasn't me.", "Hi Gavin, and that idiot wasn't me."
  const joinsOf = (t: string) =>
    [...t.matchAll(/(?:^|[.!?]["')\]]*\s+|\n\s*|\b(?:hi|hello|hey|dear|morning|evening)\s+[\p{L}'-]+,\s+)(?:and|but|or|nor|yet|because|whereas)\s+\S+/giu)].map((x) => x[0].toLowerCase().replace(/\s+/g, ' ').trim());
  const oldJoins = joinsOf(paragraph);
  if (joinsOf(next).some((j) => !oldJoins.includes(j))) return 'torn-phrase';
  // A greeting run straight into the message once what stood between went ("Hi lovely 💕 thinking
  // of you" → "Hi thinking of you"); a lower-case name the writer typed ("hi mrs chen") was there before.
  const greetingsOf = (t: string) =>
    [...t.matchAll(/(?:^|\n)\s*(?:hi|hey|hello|hiya|morning|evening)\s+(?!(?:there|all|everyone|both|team|guys|folks|again|you|y'all|mate|love)\b)([a-z][a-z']*)\b(?![,!:])/g)].map((x) => x[0].trim().toLowerCase());
  const oldGreetings = greetingsOf(paragraph);
  if (greetingsOf(next).some((x) => !oldGreetings.includes(x))) return 'torn-phrase';
  // A function word left before a mark by the join ("over the.", "ask trouble, whether") that the
  // writer's own text did not have.
  // Compared without the mark: the writer's "you asked for, sorry" ending as "you asked for." is theirs.
  const tornOf = (t: string) => [...t.matchAll(new RegExp(`\\S+\\s+${FUNCTION_WORD_BEFORE_PUNCT.source}|${COPULA_AT_END.source}`, 'gi'))].map((x) => x[0].toLowerCase().replace(/\s*[.!?,;:]$/, ''));
  const oldTorn = new Set(tornOf(old));
  if (tornOf(replacement).some((t) => !oldTorn.has(t))) return 'torn-phrase';
  const keys = sentenceKeys(next);
  if (new Set(keys).size < keys.length && new Set(sentenceKeys(paragraph)).size === sentenceKeys(paragraph).length) return 'duplicate-sentence';
  // The writer's own hours statement, cut back from the offer that followed it, names no new time.
  const ownHoursKept = old.includes(replacement.replace(/[.!?]+\s*$/, '').trim()) && statedHours(replacement) !== null;
  if (g.timeSensitive && !ownHoursKept && contradictingTime(replacement, g.policy)) return 'contradicting-time';
  for (const route of urgentRoutes(old)) if (!urgentRoutes(next).includes(route)) return 'urgent-route-lost';
  // A warning over the new words (for a removal: one that now runs across the join).
  const left = g.reanalyse(next).some((f) => (replacement.trim() ? f.start < to && from < f.end : f.start < from && from < f.end));
  if (left) return 'warning-left';
  return null;
}

/** The same check for a whole draft: no sentence twice. */
export function duplicatesIn(text: string): boolean {
  const keys = sentenceKeys(text);
  return new Set(keys).size < keys.length;
}

/** Broken joins anywhere in a text (the eval's check after accepting). */
export function brokenJoins(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/[^\S\n]{2,}\S/.test(line.trimStart())) out.push('doubled-space');
    if (/\s[,.!?;:](?!\d)/.test(line) || /[,;:]\s*[.!?]/.test(line) || /,\s*,/.test(line)) out.push('stray-punctuation');
    if (/[.!?]\s+[a-z]/.test(line) && !/\b(?:e\.g|i\.e|etc|vs|a\.m|p\.m)\.\s+[a-z]/i.test(line)) out.push('lowercase-start');
  }
  return out;
}
