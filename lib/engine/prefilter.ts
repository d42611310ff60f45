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

/** Everything that can start with one key (the first one to three characters of a word). */
interface HeadEntry {
  /** Single-word triggers: the word must equal (exact) or start with `head`. */
  singles: { head: string; exact: boolean; rules: number[] }[];
  /** All phrases of this key as one sticky regex: a cheap "does any start here?". */
  phrase: RegExp | null;
  /** Each phrase on its own, to collect every one that starts here ("i told" and "i told you"). */
  phrases: RegExp[];
  phraseRules: number[][];
  phraseSources: string[];
  /** Length of the shortest first word among the phrases: shorter words cannot start one. */
  phraseHeadLength: number;
}

const isRegexTrigger = (t: string) => t.length > 2 && t.startsWith('/') && t.endsWith('/');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Words as the triggers see them: letters, digits and the apostrophe; anything else is a word
// of its own character (emoji halves; "/" in 24/7 is matched by the phrase check).
const TOKEN = /[a-z0-9']+|[^\sa-z0-9']/g;
const KEY_LENGTH = 3;

// Keys made of ASCII word characters (nearly all) index flat arrays, one per key length.
const SLOT = new Int8Array(128).fill(-1);
"abcdefghijklmnopqrstuvwxyz0123456789'".split('').forEach((ch, i) => (SLOT[ch.charCodeAt(0)] = i));
const BASE = 37;
/** 1 for a–z, 0–9 and the apostrophe (the text is lower-cased first). */
const WORD = new Uint8Array(128);
"abcdefghijklmnopqrstuvwxyz0123456789'".split('').forEach((ch) => (WORD[ch.charCodeAt(0)] = 1));
function asciiIndex(s: string, start: number, length: number): number {
  let idx = 0;
  for (let k = 0; k < length; k++) {
    const c = s.charCodeAt(start + k);
    const slot = c < 128 ? SLOT[c]! : -1;
    if (slot < 0) return -1;
    idx = idx * BASE + slot;
  }
  return idx;
}

export function buildPrefilter(rules: CompiledRule[]): Prefilter {
  // tables[n - 1] holds the entries whose key is n characters long.
  const tables: (HeadEntry | undefined)[][] = [1, 2, 3].map((n) => new Array(BASE ** n).fill(undefined));
  const other = new Map<string, HeadEntry>();
  const patterns: { re: RegExp; rules: number[] }[] = [];
  const entry = (key: string): HeadEntry => {
    const idx = asciiIndex(key, 0, key.length);
    const existing = idx >= 0 ? tables[key.length - 1]![idx] : other.get(key);
    if (existing) return existing;
    const e: HeadEntry = { singles: [], phrase: null, phrases: [], phraseRules: [], phraseSources: [], phraseHeadLength: Infinity };
    if (idx >= 0) tables[key.length - 1]![idx] = e;
    else other.set(key, e);
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
      const e = entry(head.slice(0, KEY_LENGTH));
      if (words.length === 1 && head === words[0]) {
        const same = e.singles.find((x) => x.head === head && x.exact === exact);
        if (same) same.rules.push(i);
        else e.singles.push({ head, exact, rules: [i] });
        continue;
      }
      const source = `${words.map(escape).join('\\s+')}${exact ? '\\b' : ''}`;
      e.phraseHeadLength = Math.min(e.phraseHeadLength, head.length);
      const at = e.phraseSources.indexOf(source);
      if (at >= 0) e.phraseRules[at]!.push(i);
      else {
        e.phraseSources.push(source);
        e.phraseRules.push([i]);
      }
    }
  });
  const all = [...tables.flatMap((t) => t.filter((x): x is HeadEntry => !!x)), ...other.values()];
  for (const e of all) {
    if (!e.phraseSources.length) continue;
    e.phrase = new RegExp(e.phraseSources.join('|'), 'y');
    e.phrases = e.phraseSources.map((x) => new RegExp(x, 'y'));
  }

  return {
    candidates(norm: string): CompiledRule[] {
      const text = norm.toLowerCase();
      const hit = new Set<number>();
      const n = text.length;
      const check = (e: HeadEntry | undefined, start: number, len: number) => {
        if (!e) return;
        for (const t of e.singles) {
          // No string is cut out of the text: compare in place, and only where lengths allow.
          if (t.exact ? len === t.head.length && text.startsWith(t.head, start) : len >= t.head.length && text.startsWith(t.head, start)) {
            for (const r of t.rules) hit.add(r);
          }
        }
        if (e.phrase && len >= e.phraseHeadLength) {
          e.phrase.lastIndex = start;
          if (e.phrase.test(text)) {
            e.phrases.forEach((re, k) => {
              re.lastIndex = start;
              if (re.test(text)) for (const r of e.phraseRules[k]!) hit.add(r);
            });
          }
        }
      };
      // A hand-rolled word scan: a word is looked up by its first one, two and three characters,
      // and most words meet no trigger at all without a string being allocated.
      let i = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        let j = i + 1;
        if (c < 128 && WORD[c] === 1) {
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d >= 128 || WORD[d] !== 1) break;
            j++;
          }
        } else if (c <= 32) {
          i++;
          continue;
        }
        const len = j - i;
        // The one-, two- and three-character keys of the word, computed incrementally.
        let idx = 0;
        for (let k = 1; k <= KEY_LENGTH && k <= len; k++) {
          const ch = text.charCodeAt(i + k - 1);
          const slot = ch < 128 ? SLOT[ch]! : -1;
          if (slot < 0 || idx < 0) {
            idx = -1;
            if (other.size) check(other.get(text.slice(i, i + k)), i, len);
            continue;
          }
          idx = idx * BASE + slot;
          const e = tables[k - 1]![idx];
          if (e) check(e, i, len);
        }
        i = j;
      }
      for (const p of patterns) if (p.re.test(norm)) for (const r of p.rules) hit.add(r);
      return [...hit].sort((a, b) => a - b).map((r) => rules[r]!);
    },
  };
}
