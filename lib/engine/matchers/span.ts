// Span rules: phrases and patterns, cancelled by exceptions, confirmed by grammar conditions.
import { snapToGraphemes } from '../graphemes';
import { fillTemplate, fitToContext } from '../suggestions';
import type { Finding } from '../types';
import type { Variant } from '../load-packs';
import { anyWithin, startsOf, startsWithin } from '../word-index';
import { atSentenceStart, MAX_FINDINGS_PER_RULE, sentenceAt, type ParagraphContext, type RuleMatcher } from './types';

/**
 * Where the sentence around [from, to) starts and ends, by closing punctuation or a line break:
 * from the paragraph's sorted list of those characters, so a long run without any costs a search,
 * not a walk back to the paragraph's start for every hit.
 */
function sentenceWindow(norm: string, stops: number[], from: number, to: number): [number, number] {
  // Last stop before `from` (the window starts after it) and first stop at or after `to`.
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const s = lo > 0 ? stops[lo - 1]! + 1 : 0;
  let k = lo;
  while (k < stops.length && stops[k]! < to) k++;
  const e = k < stops.length ? stops[k]! : norm.length;
  return [s, Math.min(norm.length, e + 1)];
}

/** Every match of `re` in `norm`, with the offset to add to its index (0). */
function* allMatches(re: RegExp, norm: string): Generator<[RegExpExecArray, number]> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    else yield [m, 0];
  }
}

/**
 * Every match of a token pattern `re` in the paragraph, with the offset to add to its index: the
 * pattern runs only on the sentences around its gate's hits (its trigger words), so a long pattern
 * over word classes costs nothing on the rest of the paragraph. The hits are those of the gate
 * scanning the paragraph from the left, each scan resuming past the sentence just searched; with
 * the paragraph's word index, the gate is tried only where one of its words starts, which finds
 * the same hits without a scan per pattern.
 */
export function* windowMatches(re: RegExp, variant: Variant, ctx: Pick<ParagraphContext, "norm" | "words" | "stops">): Generator<[RegExpExecArray, number]> {
  const norm = ctx.norm;
  const required = variant.required ?? [];
  // Every required element must open somewhere in a sentence the pattern can match.
  const present = (from: number, to: number) => required.every((runs) => anyWithin(ctx.words, runs, from, to));
  if (!present(0, norm.length)) return;
  const gate = variant.gateAt ?? variant.gate!;
  const starts = variant.gateAt ? startsOf(ctx.words, variant.gateWords!) : null;
  let k = 0;
  let resume = 0;
  let done = 0;
  for (;;) {
    let g: RegExpExecArray | null = null;
    if (starts) {
      while (k < starts.length && g === null) {
        const at = starts[k++]!;
        if (at < resume) continue;
        gate.lastIndex = at;
        g = gate.exec(norm);
      }
    } else {
      gate.lastIndex = resume;
      g = gate.exec(norm);
    }
    if (g === null) return;
    resume = g.index + g[0].length;
    if (resume <= done) continue;
    const [s, e] = sentenceWindow(norm, ctx.stops, g.index, resume);
    const from = Math.max(s, done);
    if (present(from, e)) {
      const part = norm.slice(from, e);
      let m: RegExpExecArray | null;
      if (variant.first && variant.at) {
        // A match starts where a word of the pattern's first element does: the pattern is tried
        // there alone, left to right, which finds what a scan of the sentence finds.
        const at = variant.at;
        let next = 0;
        for (const q of startsWithin(ctx.words, variant.first, from, e)) {
          if (q - from < next) continue;
          at.lastIndex = q - from;
          if ((m = at.exec(part)) === null) continue;
          next = m.index + Math.max(1, m[0].length);
          if (m[0].length > 0) yield [m, from];
        }
      } else {
        re.lastIndex = 0;
        while ((m = re.exec(part)) !== null) {
          if (m[0].length === 0) re.lastIndex++;
          else yield [m, from];
        }
      }
    }
    done = e;
    if (resume < e) resume = e;
  }
}

export const matchSpan: RuleMatcher = (rule, ctx) => {
  const out: Finding[] = [];
  const def = rule.def;
  // A condition that needs something the paragraph lacks rules out every match at once.
  for (const c of rule.conditions) if (c.gate && !c.gate.test(ctx.norm)) return out;
  // Exceptions are judged once per sentence, however many matches it holds.
  const excepted = new Map<number, boolean>();
  for (const [k, re] of rule.regexes.entries()) {
    if (out.length >= MAX_FINDINGS_PER_RULE) break;
    const variant = rule.variants[k];
    const scope = variant?.scope ?? def.scope;
    if (variant?.gate && !variant.window && ((variant.gate.lastIndex = 0), !variant.gate.test(ctx.norm))) continue;
    for (const [m, offset] of variant?.window ? windowMatches(re, variant, ctx) : allMatches(re, ctx.norm)) {
      if (out.length >= MAX_FINDINGS_PER_RULE) break;
      let start = offset + m.index;
      let end = start + m[0].length;
      const spanGroup = m.indices?.groups?.span;
      if (spanGroup) [start, end] = [spanGroup[0] + offset, spanGroup[1] + offset];
      else {
        // Patterns may start at a boundary like ". " or ", ": the finding starts at the words.
        while (start < end && /[\s.,;:!?]/.test(ctx.norm[start]!)) start++;
        while (end > start && /\s/.test(ctx.norm[end - 1]!)) end--;
      }
      const sentence = sentenceAt(ctx.sentences, start);
      const cctx = { norm: ctx.norm, sentence, match: { start, end }, policy: ctx.policy, nlp: ctx.nlp };
      // Conditions first: they are ordered cheap-to-costly and usually settle it; exceptions such
      // as {HOURS_STATEMENT} are long patterns worth running only on a surviving match.
      if (variant && !variant.conditions.every((c) => c(cctx))) continue;
      if (!rule.conditions.every((c) => c(cctx))) continue;
      if (rule.exceptions.length) {
        let hit = excepted.get(sentence.start);
        if (hit === undefined) {
          const sentenceText = ctx.norm.slice(sentence.start, sentence.end);
          excepted.set(sentence.start, (hit = rule.exceptions.some((x) => ((x.lastIndex = 0), x.test(sentenceText)))));
        }
        if (hit) continue;
      }
      // A match may run past a run-on piece's cut: the finding still covers all of it.
      const raw = scope === 'sentence' ? { start: Math.min(sentence.start, start), end: Math.max(sentence.end, end) } : { start, end };
      const span = snapToGraphemes(ctx.text, raw.start, raw.end);
      const spanText = ctx.text.slice(span.start, span.end);
      const values: Record<string, string | undefined> = { ...ctx.values, match: spanText };
      for (const [name, range] of Object.entries(m.indices?.groups ?? {})) {
        if (range && name !== 'span') values[name] = ctx.text.slice(range[0] + offset, range[1] + offset);
      }
      for (const [name, value] of Object.entries(m.groups ?? {})) {
        if (!(name in values) || values[name] === undefined) values[name] = value;
      }
      const startsSentence = atSentenceStart(ctx.norm, sentence, span.start);
      const suggestions = [
        ...new Set(
          (variant?.suggestions ?? def.suggestions ?? [])
            .map((t) => fitToContext(fillTemplate(t, values), spanText, startsSentence))
            .filter((s) => s && s !== spanText),
        ),
      ];
      const trigger = snapToGraphemes(ctx.text, start, end);
      out.push({
        rule: def.id,
        intent: def.id,
        detector: 'rules',
        pack: rule.pack,
        severity: rule.severity,
        kind: 'span',
        start: span.start,
        end: span.end,
        // A sentence-wide finding still points at the words that triggered it.
        ...(trigger.start > span.start || trigger.end < span.end ? { focus: trigger } : {}),
        message: fillTemplate(def.message, values),
        why: def.why,
        suggestions,
      });
    }
  }
  return out;
};
