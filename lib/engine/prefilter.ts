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
  /** The same, as indices into the rules the prefilter was built from (ascending). */
  indices(norm: string): number[];
}

// Tokens as the triggers see them: runs of letters, digits and the apostrophe; any other
// character (punctuation, an emoji half, an accented letter) is a token of its own.
const TOKEN = /[a-z0-9']+|[^\sa-z0-9']/g;
const WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789'";
/** 1 for a–z, 0–9 and the apostrophe (the text is lower-cased first). */
const WORD = new Uint8Array(128);
/** Position of a word character in WORD_CHARS, for prefix keys. */
const SLOT = new Int8Array(128).fill(-1);
[...WORD_CHARS].forEach((ch, i) => {
  WORD[ch.charCodeAt(0)] = 1;
  SLOT[ch.charCodeAt(0)] = i;
});
const BASE = WORD_CHARS.length;
/** Prefix triggers are keyed by their first one to three characters. */
const KEY_LENGTH = 3;

/** Everything that starts with one whole token: exact single words and the phrases it opens. */
interface TokenEntry {
  token: string;
  /** "word$" triggers equal to the token. */
  exact: number[];
  /** All phrases opened by this token as one sticky regex: a cheap "does any start here?". */
  phrase: RegExp | null;
  /** Each phrase on its own, to collect every one that starts here ("i told" and "i told you"). */
  phrases: RegExp[];
  phraseRules: number[][];
  phraseSources: string[];
  /** Every rule this entry can add: once all are hit, later copies of the token are skipped. */
  allRules: number[];
  /** The candidates() call in which all of allRules were hit (a stamp, cheaper than a set). */
  doneIn: number;
}

/** Prefix triggers ("call" → "calling") sharing one key. */
type PrefixList = { head: string; rules: number[] }[];

const hashOf = (s: string): number => {
  let h = 0;
  for (let k = 0; k < s.length; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
  return h;
};
const prefixIndex = (s: string): number => {
  let idx = 0;
  for (let k = 0; k < s.length; k++) idx = idx * BASE + SLOT[s.charCodeAt(k)]!;
  return idx;
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isRegexTrigger = (t: string) => t.length > 2 && t.startsWith('/') && t.endsWith('/');

/**
 * Whole tokens by hash in an open-addressing table: a word costs one typed-array probe, and no
 * string is cut out of the text unless its hash is a trigger's.
 */
class TokenTable {
  readonly mask: number;
  /** 1 where some token's hash starts probing: most words are turned away by this one read. */
  readonly home: Uint8Array;
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  readonly entries: TokenEntry[][] = [];

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 4) size <<= 1;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    this.home = new Uint8Array(size);
  }

  /** The entries whose token hashes to `h` (verify the token: hashes collide). */
  get(h: number): TokenEntry[] | undefined {
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.slots[s]!;
      if (v < 0) return undefined;
      if (this.hashes[s] === h) return this.entries[v];
    }
  }

  entry(token: string): TokenEntry {
    const h = hashOf(token);
    let list = this.get(h);
    if (!list) {
      let s = h & this.mask;
      while (this.slots[s]! >= 0) s = (s + 1) & this.mask;
      this.hashes[s] = h;
      this.slots[s] = this.entries.length;
      this.home[h & this.mask] = 1;
      this.entries.push((list = []));
    }
    let e = list.find((x) => x.token === token);
    if (!e) list.push((e = { token, exact: [], phrase: null, phrases: [], phraseRules: [], phraseSources: [], allRules: [], doneIn: 0 }));
    return e;
  }
}

export function buildPrefilter(rules: CompiledRule[]): Prefilter {
  const firstTokens = new Set<string>();
  for (const rule of rules) for (const raw of rule.triggers) if (!isRegexTrigger(raw)) firstTokens.add(raw);
  const tokens = new TokenTable(firstTokens.size);
  // prefix[n - 1] holds the prefix triggers whose key is n characters long (ASCII word characters).
  const prefix: (PrefixList | undefined)[][] = [1, 2, 3].map((n) => new Array<PrefixList | undefined>(BASE ** n));
  const prefixUsed = [false, false, false];
  const patterns: { re: RegExp; rules: number[] }[] = [];

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
      if (words.length === 1 && head === words[0]) {
        // A single token. Prefix form on a word: by its first characters; otherwise the whole token.
        if (!exact && WORD[head.charCodeAt(0)] === 1) {
          const key = head.slice(0, KEY_LENGTH);
          const table = prefix[key.length - 1]!;
          const list = (table[prefixIndex(key)] ??= []);
          const same = list.find((x) => x.head === head);
          if (same) same.rules.push(i);
          else list.push({ head, rules: [i] });
          prefixUsed[key.length - 1] = true;
        } else {
          tokens.entry(head).exact.push(i);
        }
        continue;
      }
      // A phrase (or a word with punctuation, like 24/7). Its first token is whole: in the
      // pattern it is followed by whitespace or a non-word character.
      const e = tokens.entry(head);
      const source = `${words.map(escape).join('\\s+')}${exact ? '\\b' : ''}`;
      const at = e.phraseSources.indexOf(source);
      if (at >= 0) e.phraseRules[at]!.push(i);
      else {
        e.phraseSources.push(source);
        e.phraseRules.push([i]);
      }
    }
  });
  for (const list of tokens.entries) {
    for (const e of list) {
      if (!e.phraseSources.length) continue;
      e.phrase = new RegExp(e.phraseSources.join('|'), 'y');
      e.phrases = e.phraseSources.map((x) => new RegExp(x, 'y'));
    }
  }
  for (const list of tokens.entries) for (const e of list) e.allRules = [...new Set([...e.exact, ...e.phraseRules.flat()])];
  const [use1, use2] = prefixUsed;
  const [prefix1, prefix2, prefix3] = prefix as [(PrefixList | undefined)[], (PrefixList | undefined)[], (PrefixList | undefined)[]];
  const { home, mask } = tokens;
  let calls = 0;

  const indices = (norm: string): number[] => {
      const text = norm.toLowerCase();
      const hit = new Set<number>();
      // Entries whose rules are all hit are stamped with this call: a text repeating a trigger
      // thousands of times tests its phrases only until each has matched once.
      const call = ++calls;
      const n = text.length;
      const token = (h: number, start: number, len: number) => {
        const list = tokens.get(h);
        if (!list) return;
        for (const e of list) {
          if (e.doneIn === call || e.token.length !== len || !text.startsWith(e.token, start)) continue;
          for (const r of e.exact) hit.add(r);
          if (!e.phrase) continue;
          if (e.allRules.every((r) => hit.has(r))) {
            e.doneIn = call;
            continue;
          }
          e.phrase.lastIndex = start;
          if (!e.phrase.test(text)) continue;
          e.phrases.forEach((re, k) => {
            re.lastIndex = start;
            if (re.test(text)) for (const r of e.phraseRules[k]!) hit.add(r);
          });
        }
      };
      const prefixes = (list: PrefixList, start: number, len: number) => {
        for (const p of list) if (len >= p.head.length && text.startsWith(p.head, start)) for (const r of p.rules) hit.add(r);
      };
      let i = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c <= 32) {
          i++;
          continue;
        }
        if (c >= 128 || WORD[c] !== 1) {
          if (home[c & mask]) token(c, i, 1); // a character of its own: its hash is its code
          i++;
          continue;
        }
        // One pass over the word for its hash; its prefix keys come from its first characters.
        let h = c;
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d >= 128 || WORD[d] !== 1) break;
          h = (Math.imul(h, 31) + d) | 0;
          j++;
        }
        const len = j - i;
        // Prefix triggers: most words have no list under their keys, so test before calling.
        const s0 = SLOT[c]!;
        if (use1) {
          const l1 = prefix1[s0];
          if (l1 !== undefined) prefixes(l1, i, len);
        }
        if (len >= 2) {
          const k2 = s0 * BASE + SLOT[text.charCodeAt(i + 1)]!;
          if (use2) {
            const l2 = prefix2[k2];
            if (l2 !== undefined) prefixes(l2, i, len);
          }
          if (len >= 3) {
            const l3 = prefix3[k2 * BASE + SLOT[text.charCodeAt(i + 2)]!];
            if (l3 !== undefined) prefixes(l3, i, len);
          }
        }
        if (home[h & mask]) token(h, i, len);
        i = j;
      }
      for (const p of patterns) if (p.re.test(norm)) for (const r of p.rules) hit.add(r);
      return [...hit].sort((a, b) => a - b);
  };
  return { indices, candidates: (norm) => indices(norm).map((r) => rules[r]!) };
}
