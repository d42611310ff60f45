// Stack rules: one "sorry" or "I think" is politeness; apologies, hedges and permission-seeking
// piled into a few sentences give the boundary away. Scores markers per window of sentences,
// with extra weight for an apology that opens or closes the paragraph.
import { snapToGraphemes } from '../graphemes';
import { fillTemplate, fitToContext } from '../suggestions';
import type { Finding } from '../types';
import { sentenceIndexAt, type RuleMatcher } from './types';

interface Hit {
  start: number;
  end: number;
  weight: number;
  category: string;
  remove: boolean;
  sentence: number;
}

const WINDOW = 3;
/**
 * Markers read per paragraph. Real mail has a handful; a hostile draft of nothing but hedges
 * would otherwise have the whole marker alternation run over all of it, hit after hit.
 */
const MAX_HITS = 300;
/** Group names m0, m1, … of markerRegex, built once rather than per match. */
const GROUP_NAMES: string[] = [];
const groupName = (i: number) => (GROUP_NAMES[i] ??= `m${i}`);

export const matchStack: RuleMatcher = (rule, ctx) => {
  const hits: Hit[] = [];
  const re = rule.markerRegex!;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (hits.length < MAX_HITS && (m = re.exec(ctx.norm)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const groups = m.groups!;
    let index = 0;
    while (index < rule.markers.length && groups[groupName(index)] === undefined) index++;
    const marker = rule.markers[index]!;
    const start = m.index;
    const end = start + m[0].length;
    hits.push({ start, end, weight: marker.weight, category: marker.category, remove: marker.remove, sentence: Math.max(0, sentenceIndexAt(ctx.sentences, start)) });
  }
  if (hits.length === 0) return [];
  // Overlapping markers ("so sorry" and "sorry") count once, at the larger weight.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Hit[] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h.start < last.end) {
      if (h.weight > last.weight) Object.assign(last, { weight: h.weight, category: h.category });
      last.end = Math.max(last.end, h.end);
      last.remove = last.remove || h.remove;
      continue;
    }
    merged.push({ ...h });
  }
  // Position: an apology that opens the paragraph or stands alone at its end weighs more.
  const first = ctx.sentences[0];
  const lastSentence = ctx.sentences[ctx.sentences.length - 1];
  for (const h of merged) {
    if (h.category !== 'apology') continue;
    if (first && h.start - first.start < 4) h.weight += 0.5;
    if (lastSentence && ctx.sentences.length > 1 && h.sentence === ctx.sentences.length - 1 && lastSentence.end - lastSentence.start < 16) h.weight += 0.5;
  }
  const threshold = rule.def.threshold ?? 3;
  const minCategories = rule.def.minCategories ?? 2;
  let best: { score: number; from: number; to: number } | null = null;
  // Hits by sentence, so each window looks at its own few sentences (linear in the paragraph).
  const bySentence = new Map<number, Hit[]>();
  for (const h of merged) {
    const list = bySentence.get(h.sentence);
    if (list) list.push(h);
    else bySentence.set(h.sentence, [h]);
  }
  const starts = new Set<number>();
  for (const s of bySentence.keys()) for (let from = Math.max(0, s - WINDOW + 1); from <= s; from++) starts.add(from);
  for (const from of [...starts].sort((a, b) => a - b)) {
    const to = Math.min(ctx.sentences.length - 1, from + WINDOW - 1);
    const inWindow: Hit[] = [];
    for (let s = from; s <= to; s++) inWindow.push(...(bySentence.get(s) ?? []));
    const score = inWindow.reduce((sum, h) => sum + h.weight, 0);
    const categories = new Set(inWindow.map((h) => h.category)).size;
    const apologies = inWindow.filter((h) => h.category === 'apology').length;
    if (score >= threshold && (categories >= minCategories || apologies >= 3) && (!best || score > best.score)) best = { score, from, to };
  }
  if (!best) return [];
  const inBest = merged.filter((h) => h.sentence >= best!.from && h.sentence <= best!.to);
  const firstS = ctx.sentences[Math.min(...inBest.map((h) => h.sentence))]!;
  const lastS = ctx.sentences[Math.max(...inBest.map((h) => h.sentence))]!;
  const span = snapToGraphemes(ctx.text, firstS.start, lastS.end);
  const spanText = ctx.text.slice(span.start, span.end);
  // When nothing but apologies is left, gratitude is the clear, kind replacement.
  const cleaned = clean(ctx.text, span.start, span.end, inBest.filter((h) => h.remove)) || 'Thank you for understanding.';
  const values = { ...ctx.values, match: spanText, cleaned };
  const marks = inBest.map((h) => markOf(ctx.text, h));
  const suggestions = [
    ...new Set((rule.def.suggestions ?? []).map((t) => fitToContext(fillTemplate(t, values), spanText, true)).filter((s) => s && s !== spanText)),
  ];
  return [
    {
      rule: rule.def.id,
      intent: rule.def.id,
      detector: 'rules',
      pack: rule.pack,
      severity: rule.severity,
      kind: 'span',
      start: span.start,
      end: span.end,
      marks,
      message: fillTemplate(rule.def.message, values),
      why: rule.def.why,
      suggestions,
    },
  ];
};

/** The last apology word of a marker ("I'm so sorry the mockups are late" → "I'm so sorry"). */
const APOLOGY_WORDS = /\b(?:sorry|apolog(?:ies|ize|ise|izing|ising)|forgive me|my bad)\b/gi;

/**
 * The words a marker underlines: the marker itself, except that an apology ends at its last apology
 * word (its pattern reads on into the sentence to weigh it, but those words are the request).
 */
function markOf(text: string, h: Hit): { start: number; end: number } {
  let end = h.end;
  if (h.category === 'apology') {
    const raw = text.slice(h.start, h.end);
    let last: RegExpExecArray | null = null;
    APOLOGY_WORDS.lastIndex = 0;
    for (let m = APOLOGY_WORDS.exec(raw); m; m = APOLOGY_WORDS.exec(raw)) last = m;
    // "sorry to bother you", "apologies again": the short phrase is the apology, keep it whole.
    if (last && !/^\s+(?:to|again)\b/i.test(raw.slice(last.index + last[0].length))) end = h.start + last.index + last[0].length;
  }
  // Neither start nor end on the spaces or punctuation the pattern took in.
  let start = h.start;
  while (start < end - 1 && /[\s,;:\u2014\u2013-]/.test(text[start]!)) start++;
  while (end > start + 1 && /[\s,;:.!?\u2014\u2013-]/.test(text[end - 1]!)) end--;
  return snapToGraphemes(text, start, end);
}

const QUESTION_START = /^(?:can|could|would|will|do|does|did|is|are|was|were|may|might|shall|should|have|has|how|what|when|where|why|who|which)\b/i;

/** The span with apologies and hedges taken out, tidied into clean sentences. */
export function clean(text: string, start: number, end: number, removals: { start: number; end: number }[]): string {
  let out = '';
  let cursor = start;
  for (const r of removals) {
    if (r.start < cursor) continue;
    out += text.slice(cursor, r.start);
    // A removed permission tail ("…, if that's okay?") leaves the sentence a statement: keep a full stop.
    const endsSentence = /[?!.]\s*$/.test(text.slice(r.start, r.end)) && !/[?!.]\s*$/.test(out);
    out += endsSentence ? '.' : '\u0000';
    cursor = r.end;
  }
  out += text.slice(cursor, end);
  let s = out
    // A removed clause takes its comma with it; "but" left at a clause start has nothing to contrast.
    .replace(/\u0000\s*[,;:]?\s*/g, '\u0000')
    .replace(/(^|[.!?]\s+|\u0000)\s*(?:but|and|so)\s+/gi, '$1')
    .replace(/\u0000+/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/([,;:])\s*([.!?])/g, '$2')
    .replace(/,\s*,/g, ',')
    .replace(/([.!?])(?:\s*[.!?])+/g, '$1')
    .replace(/^[\s,;:.!?]+/, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s*,\s*$/, '.')
    .trim();
  // Drop sentences emptied down to punctuation, capitalise what is left.
  s = s
    .split(/(?<=[.!?])\s+/)
    .map((x) => x.replace(/^[,;:\s]+/, '').trim())
    .filter((x) => /[A-Za-z]{2}/.test(x))
    .map((x) => x[0]!.toUpperCase() + x.slice(1))
    // Without its hedges, "we could keep Fridays free?" is a statement, not a question.
    .map((x) => (/\?$/.test(x) && !QUESTION_START.test(x) ? x.replace(/\?+$/, '.') : x))
    .join(' ');
  // A request that lost its hedges is a statement now.
  if (s && !/[.!?]$/.test(s)) s += '.';
  return s;
}
