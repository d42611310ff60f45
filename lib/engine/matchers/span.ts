// Span rules: phrases and patterns, cancelled by exceptions, confirmed by grammar conditions.
import { snapToGraphemes } from '../graphemes';
import { fillTemplate, fitToContext } from '../suggestions';
import type { Finding } from '../types';
import { atSentenceStart, sentenceAt, type RuleMatcher } from './types';

export const matchSpan: RuleMatcher = (rule, ctx) => {
  const out: Finding[] = [];
  const def = rule.def;
  // A condition that needs something the paragraph lacks rules out every match at once.
  for (const c of rule.conditions) if (c.gate && !c.gate.test(ctx.norm)) return out;
  for (const [k, re] of rule.regexes.entries()) {
    const variant = rule.variants[k];
    const scope = variant?.scope ?? def.scope;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.norm)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      let start = m.index;
      let end = start + m[0].length;
      const spanGroup = m.indices?.groups?.span;
      if (spanGroup) [start, end] = spanGroup;
      else {
        // Patterns may start at a boundary like ". " or ", ": the finding starts at the words.
        while (start < end && /[\s.,;:!?]/.test(ctx.norm[start]!)) start++;
        while (end > start && /\s/.test(ctx.norm[end - 1]!)) end--;
      }
      const sentence = sentenceAt(ctx.sentences, start);
      const sentenceText = ctx.norm.slice(sentence.start, sentence.end);
      const cctx = { norm: ctx.norm, sentence, match: { start, end }, policy: ctx.policy, nlp: ctx.nlp };
      // Conditions first: they are ordered cheap-to-costly and usually settle it; exceptions such
      // as {HOURS_STATEMENT} are long patterns worth running only on a surviving match.
      if (variant && !variant.conditions.every((c) => c(cctx))) continue;
      if (!rule.conditions.every((c) => c(cctx))) continue;
      if (rule.exceptions.some((x) => ((x.lastIndex = 0), x.test(sentenceText)))) continue;
      const raw = scope === 'sentence' ? sentence : { start, end };
      const span = snapToGraphemes(ctx.text, raw.start, raw.end);
      const spanText = ctx.text.slice(span.start, span.end);
      const values: Record<string, string | undefined> = { ...ctx.values, match: spanText };
      for (const [name, range] of Object.entries(m.indices?.groups ?? {})) {
        if (range && name !== 'span') values[name] = ctx.text.slice(range[0], range[1]);
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
      out.push({
        rule: def.id,
        intent: def.id,
        detector: 'rules',
        pack: rule.pack,
        severity: rule.severity,
        kind: 'span',
        start: span.start,
        end: span.end,
        message: fillTemplate(def.message, values),
        why: def.why,
        suggestions,
      });
    }
  }
  return out;
};
