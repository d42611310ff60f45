// The cheap first pass: one combined regex of every rule's trigger words. A paragraph only meets
// the rules whose triggers occur in it, so ordinary mail costs one scan.
import type { CompiledRule } from './load-packs';

export interface Prefilter {
  /** Rules worth trying on this text (in pack order). */
  candidates(norm: string): CompiledRule[];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildPrefilter(rules: CompiledRule[]): Prefilter {
  const byTrigger = new Map<string, Set<number>>();
  rules.forEach((rule, i) => {
    for (const t of rule.triggers) {
      if (!byTrigger.has(t)) byTrigger.set(t, new Set());
      byTrigger.get(t)!.add(i);
    }
  });
  const triggers = [...byTrigger.keys()].sort((a, b) => b.length - a.length);
  if (triggers.length === 0) return { candidates: () => [] };
  const words = triggers.filter((t) => /^\w/.test(t)).map(escape);
  const others = triggers.filter((t) => !/^\w/.test(t)).map(escape);
  const parts: string[] = [];
  if (words.length) parts.push(`\\b(?:${words.join('|')})`);
  if (others.length) parts.push(`(?:${others.join('|')})`);
  const re = new RegExp(parts.join('|'), 'gi');
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
      const hit = new Set<number>();
      let m: RegExpExecArray | null;
      while ((m = re.exec(norm)) !== null) {
        for (const id of lookup(m[0].toLowerCase())) hit.add(id);
        // Triggers overlap ("i can't" and "can't"): resume inside the match, not after it.
        re.lastIndex = m.index + 1;
      }
      return [...hit].sort((a, b) => a - b).map((i) => rules[i]!);
    },
  };
}
