// The cheap first pass: a scan of the paragraph's words against every rule's trigger words. A
// paragraph only meets the rules whose triggers occur in it, so ordinary mail costs one scan.
//
// Trigger forms: "word" matches words starting with it ("call" → "calling"); "word$" only the
// whole word; "two words" any whitespace between them; "/regex/" a pattern of its own (for
// things that are not words, like "9pm").
import type { CompiledRule } from './load-packs';

export interface Prefilter {
  /** Rules worth trying on this text (in pack order). */
  candidates(norm: string): CompiledRule[];
}

interface WordTrigger {
  /** The first word (or the whole single-word trigger). */
  head: string;
  exact: boolean;
  /** For multi-word triggers: a sticky regex for the whole phrase, tried at the first word. */
  phrase: RegExp | null;
  rules: number[];
}

const isRegexTrigger = (t: string) => t.length > 2 && t.startsWith('/') && t.endsWith('/');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Words as the triggers see them: letters, digits and the apostrophe; anything else is a word
// of its own character (emoji halves, "/" in 24/7 are matched by the phrase check).
const TOKEN = /[a-z0-9']+|[^\sa-z0-9']/g;

export function buildPrefilter(rules: CompiledRule[]): Prefilter {
  const byKey = new Map<string, WordTrigger[]>();
  const patterns: { re: RegExp; rules: number[] }[] = [];
  const merged = new Map<string, WordTrigger>();
  rules.forEach((rule, i) => {
    for (const raw of rule.triggers) {
      if (isRegexTrigger(raw)) {
        patterns.push({ re: new RegExp(raw.slice(1, -1), 'i'), rules: [i] });
        continue;
      }
      const t = raw.toLowerCase();
      const existing = merged.get(t);
      if (existing) {
        existing.rules.push(i);
        continue;
      }
      const exact = t.endsWith('$');
      const body = exact ? t.slice(0, -1) : t;
      const words = body.split(' ');
      const head = words[0]!.match(TOKEN)?.[0] ?? words[0]!;
      const multi = words.length > 1 || head !== words[0];
      const trigger: WordTrigger = {
        head,
        exact: exact && !multi,
        phrase: multi ? new RegExp(`${words.map(escape).join('\\s+')}${exact ? '\\b' : ''}`, 'y') : null,
        rules: [i],
      };
      merged.set(t, trigger);
      // Keyed by the first two characters: a word is checked only against triggers that could start it.
      const key = head.slice(0, 2);
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push(trigger);
    }
  });
  return {
    candidates(norm: string): CompiledRule[] {
      const text = norm.toLowerCase();
      const hit = new Set<number>();
      TOKEN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = TOKEN.exec(text)) !== null) {
        const list = byKey.get(m[0].slice(0, 2));
        if (!list) continue;
        const word = m[0];
        for (const t of list) {
          if (t.phrase) {
            if (!word.startsWith(t.head)) continue;
            t.phrase.lastIndex = m.index;
            if (!t.phrase.test(text)) continue;
          } else if (t.exact ? word !== t.head : !word.startsWith(t.head)) continue;
          for (const r of t.rules) hit.add(r);
        }
      }
      for (const p of patterns) if (p.re.test(norm)) for (const r of p.rules) hit.add(r);
      return [...hit].sort((a, b) => a - b).map((i) => rules[i]!);
    },
  };
}
