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

/** Everything that can start at one first word: single-word triggers and multi-word phrases. */
interface HeadEntry {
  /** Single-word triggers: the word must equal (exact) or start with `head`. */
  singles: { head: string; exact: boolean; rules: number[] }[];
  /** All phrases sharing this two-letter key as one sticky regex: a cheap "does any start here?". */
  phrase: RegExp | null;
  /** Each phrase on its own, to collect every one that starts here ("i told" and "i told you"). */
  phrases: RegExp[];
  phraseRules: number[][];
  phraseSources: string[];
}

const isRegexTrigger = (t: string) => t.length > 2 && t.startsWith('/') && t.endsWith('/');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Words as the triggers see them: letters, digits and the apostrophe; anything else is a word
// of its own character (emoji halves, "/" in 24/7 are matched by the phrase check).
const TOKEN = /[a-z0-9']+|[^\sa-z0-9']/g;
/** a–z, 0–9 and the apostrophe make words (the text is lower-cased first). */
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39;
/** The first two UTF-16 units of a word as one number (one unit for one-letter words). */
const keyOf = (s: string, start: number, end: number) => (end - start > 1 ? s.charCodeAt(start) * 65536 + s.charCodeAt(start + 1) : s.charCodeAt(start));
/** Slot in a flat table for keys made of ASCII word characters (the common case), else -1. */
const SLOT = new Int8Array(128).fill(-1);
'abcdefghijklmnopqrstuvwxyz0123456789\''.split('').forEach((ch, i) => (SLOT[ch.charCodeAt(0)] = i));
const tableIndex = (s: string, start: number, end: number): number => {
  const a = s.charCodeAt(start);
  const sa = a < 128 ? SLOT[a]! : -1;
  if (sa < 0) return -1;
  if (end - start === 1) return 37 * 38 + sa;
  const b = s.charCodeAt(start + 1);
  const sb = b < 128 ? SLOT[b]! : -1;
  return sb < 0 ? -1 : sa * 38 + sb;
};

export function buildPrefilter(rules: CompiledRule[]): Prefilter {
  const byKey = new Map<number, HeadEntry>();
  const patterns: { re: RegExp; rules: number[] }[] = [];
  const entry = (key: number) => {
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { singles: [], phrase: null, phrases: [], phraseRules: [], phraseSources: [] }));
    return e;
  };
  rules.forEach((rule, i) => {
    for (const raw of rule.triggers) {
      if (isRegexTrigger(raw)) {
        patterns.push({ re: new RegExp(raw.slice(1, -1), 'i'), rules: [i] });
        continue;
      }
      const t = raw.toLowerCase();
      const exact = t.endsWith('$');
      const body = exact ? t.slice(0, -1) : t;
      const words = body.split(' ');
      const head = words[0]!.match(TOKEN)?.[0] ?? words[0]!;
      // Keyed by the first two characters: a word is checked only against triggers that could start it.
      const e = entry(keyOf(head, 0, head.length));
      if (words.length === 1 && head === words[0]) {
        const same = e.singles.find((x) => x.head === head && x.exact === exact);
        if (same) same.rules.push(i);
        else e.singles.push({ head, exact, rules: [i] });
        continue;
      }
      const source = `${words.map(escape).join('\\s+')}${exact ? '\\b' : ''}`;
      const at = e.phraseSources.indexOf(source);
      if (at >= 0) e.phraseRules[at]!.push(i);
      else {
        e.phraseSources.push(source);
        e.phraseRules.push([i]);
      }
    }
  });
  // Words made of ASCII letters and digits are looked up in a flat array instead of the map.
  const table: (HeadEntry | undefined)[] = new Array(38 * 38 + 38).fill(undefined);
  for (const [key, e] of byKey) {
    const k = key >= 65536 ? String.fromCharCode(Math.floor(key / 65536), key % 65536) : String.fromCharCode(key);
    const slot = tableIndex(k, 0, k.length);
    if (slot >= 0) table[slot] = e;
  }
  for (const e of byKey.values()) {
    if (!e.phraseSources.length) continue;
    e.phrase = new RegExp(e.phraseSources.join('|'), 'y');
    e.phrases = e.phraseSources.map((x) => new RegExp(x, 'y'));
  }
  return {
    candidates(norm: string): CompiledRule[] {
      const text = norm.toLowerCase();
      const hit = new Set<number>();
      const n = text.length;
      let i = 0;
      // A hand-rolled word scan: most words start with two letters no trigger starts with and
      // are skipped without allocating a string.
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!isWordChar(c)) {
          if (c > 32 && c !== 39) visit(i, i + 1);
          i++;
          continue;
        }
        let j = i + 1;
        while (j < n && isWordChar(text.charCodeAt(j))) j++;
        visit(i, j);
        i = j;
      }
      function visit(start: number, end: number): void {
        const slot = tableIndex(text, start, end);
        const e = slot >= 0 ? table[slot] : byKey.get(keyOf(text, start, end));
        if (!e) return;
        const word = text.slice(start, end);
        for (const t of e.singles) {
          if (t.exact ? word === t.head : word.startsWith(t.head)) for (const r of t.rules) hit.add(r);
        }
        if (e.phrase) {
          e.phrase.lastIndex = start;
          if (e.phrase.test(text)) {
            e.phrases.forEach((re, k) => {
              re.lastIndex = start;
              if (re.test(text)) for (const r of e.phraseRules[k]!) hit.add(r);
            });
          }
        }
      }
      for (const p of patterns) if (p.re.test(norm)) for (const r of p.rules) hit.add(r);
      return [...hit].sort((a, b) => a - b).map((i) => rules[i]!);
    },
  };
}
