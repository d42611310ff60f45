// Span rules: phrases and patterns, cancelled by exceptions, confirmed by grammar conditions.
import { snapToGraphemes } from '../graphemes';
import { fillTemplate, fitToContext } from '../suggestions';
import type { Finding } from '../types';
import { atSentenceStart, MAX_FINDINGS_PER_RULE, sentenceAt, type RuleMatcher } from './types';

/** Where a sentence around `at` starts and ends, by its closing punctuation or a line break. */
function sentenceWindow(norm: string, from: number, to: number): [number, number] {
  let s = from;
  while (s > 0 && !/[.!?\n]/.test(norm[s - 1]!)) s--;
  let e = to;
  while (e < norm.length && !/[.!?\n]/.test(norm[e]!)) e++;
  return [s, Math.min(norm.length, e + 1)];
}

/**
 * Every match of `re` in the paragraph, with the offset to add to its index. With a gate (a token
 * pattern's trigger words), the pattern runs only on the sentences around the gate's hits: a long
 * pattern over word classes then costs nothing on the rest of the paragraph.
 */
function* matchesOf(re: RegExp, norm: string, gate: RegExp | undefined): Generator<[RegExpExecArray, number]> {
  if (!gate) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(norm)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      else yield [m, 0];
    }
    return;
  }
  gate.lastIndex = 0;
  let done = 0;
  let g: RegExpExecArray | null;
  while ((g = gate.exec(norm)) !== null) {
    if (g.index + g[0].length <= done) continue;
    const [s, e] = sentenceWindow(norm, g.index, g.index + g[0].length);
    const from = Math.max(s, done);
    const part = norm.slice(from, e);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      else yield [m, from];
    }
    done = e;
    if (gate.lastIndex < e) gate.lastIndex = e;
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
    for (const [m, offset] of matchesOf(re, ctx.norm, variant?.window ? variant.gate : undefined)) {
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
