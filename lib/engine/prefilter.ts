// The cheap first pass: one combined regex of every rule's trigger words. A paragraph only meets
// the rules whose triggers occur in it, so ordinary mail costs one scan.
//
// Trigger forms: "word" matches words starting with it ("call" → "calling"); "word$" only the
// whole word; "two words" any whitespace between them; "/regex/" a pattern of its own (for
// things that are not words, like "9pm").
import type { CompiledRule } from './load-packs';

export interface Prefilter {
  /** Rules worth trying on this text (in pack order). */
  candidates(norm: string): CompiledRule[];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordSource(t: string): string {
  const exact = t.endsWith('$');
  const body = (exact ? t.slice(0, -1) : t).split(' ').map(escape).join('\\s+');
  return exact ? `${body}\\b` : body;
}

export function buildPrefilter(rules: CompiledRule[]): Prefilter {
  const byTrigger = new Map<string, Set<number>>();
  const patterns: { source: string; rules: number[] }[] = [];
  rules.forEach((rule, i) => {
    for (const t of rule.triggers) {
      if (t.length > 2 && t.startsWith('/') && t.endsWith('/')) {
        const existing = patterns.find((p) => p.source === t.slice(1, -1));
        if (existing) existing.rules.push(i);
        else patterns.push({ source: t.slice(1, -1), rules: [i] });
        continue;
      }
      const key = t.replace(/\$$/, '');
      if (!byTrigger.has(key)) byTrigger.set(key, new Set());
      byTrigger.get(key)!.add(i);
    }
  });
  const triggers = [...new Set(rules.flatMap((r) => r.triggers.filter((t) => !(t.length > 2 && t.startsWith('/') && t.endsWith('/')))))].sort(
    (a, b) => b.length - a.length,
  );
  const words = triggers.filter((t) => /^\w/.test(t)).map(wordSource);
  const others = triggers.filter((t) => !/^\w/.test(t)).map(wordSource);
  const parts: string[] = [];
  if (words.length) parts.push(`\\b(?:${words.join('|')})`);
  if (others.length) parts.push(`(?:${others.join('|')})`);
  patterns.forEach((p, i) => parts.push(`(?<p${i}>${p.source})`));
  if (parts.length === 0) return { candidates: () => [] };
  // Lower-cased input and a case-sensitive regex: several times faster than the 'i' flag.
  const re = new RegExp(parts.join('|').toLowerCase().replace(/\\d/g, '\\d').replace(/\\s/g, '\\s').replace(/\\b/g, '\\b'), 'g');
  // A matched word like "calling" also stands for shorter triggers it starts with ("call").
  const expand = new Map<string, number[]>();
  const lookup = (hit: string): number[] => {
    let ids = expand.get(hit);
    if (!ids) {
      const set = new Set<number>();
      for (const [t, rs] of byTrigger) if (hit.startsWith(t)) for (const r of rs) set.add(r);
      ids = [...set];
      expand.set(hit, ids);
    }
    return ids;
  };
  return {
    candidates(norm: string): CompiledRule[] {
      re.lastIndex = 0;
      const text = norm.toLowerCase();
      const hit = new Set<number>();
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const pattern = m.groups ? patterns.findIndex((_, i) => m!.groups![`p${i}`] !== undefined) : -1;
        if (pattern >= 0) for (const id of patterns[pattern]!.rules) hit.add(id);
        else for (const id of lookup(m[0].replace(/\s+/g, ' '))) hit.add(id);
        // Triggers overlap ("i can't" and "can't"): resume inside the match, not after it.
        re.lastIndex = m.index + 1;
      }
      return [...hit].sort((a, b) => a - b).map((i) => rules[i]!);
    },
  };
}
