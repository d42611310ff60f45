// Where each word of a paragraph starts, found in one pass and shared by every rule: a token
// pattern's trigger words are looked up here instead of each pattern scanning the paragraph with
// a regex of its own (dozens of scans of every paragraph, most of them finding nothing).
//
// Two kinds of key, folded to lower case, share the map:
// - every maximal run of ASCII letters, digits and apostrophes ("it's", "'call"): exactly the runs a
//   gate like (?<![a-z0-9'])(?:call|ring)(?![a-z0-9']) with the "i" flag (no "u") can start on,
//   because without "u" such a class matches ASCII letters only, in either case;
// - inside such a run with apostrophes, each run of letters and digits ("it", "s"; "call"): with
//   the runs without apostrophes, every place a word regex \bcall… can start (an apostrophe is not
//   a \w character, so "\bs" matches in "it's").
// A key may be listed at a place where its regex cannot match (a gate at "call" in "'call"): the
// index only says where to look, and the regex decides.

/** The words of a text in order, and by word. */
export interface WordIndex {
  /** Every key in text order (a run with apostrophes is followed by its inner runs, same place or later). */
  words: string[];
  /** Parallel to words: where each starts. Non-decreasing. */
  starts: number[];
  /** Word → ascending start offsets. */
  byWord: Map<string, number[]>;
  /** Whether each word set asked about occurs anywhere in the text. */
  anywhere: Map<WordSet, boolean>;
}

const WORD = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'") WORD[ch.charCodeAt(0)] = 1;

function add(index: WordIndex, word: string, at: number): void {
  index.words.push(word);
  index.starts.push(at);
  const list = index.byWord.get(word);
  if (list) list.push(at);
  else index.byWord.set(word, [at]);
}

export function wordIndex(text: string): WordIndex {
  const index: WordIndex = { words: [], starts: [], byWord: new Map(), anywhere: new Map() };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || WORD[c] !== 1) {
      i++;
      continue;
    }
    let j = i + 1;
    let apostrophe = c === 39;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d >= 128 || WORD[d] !== 1) break;
      if (d === 39) apostrophe = true;
      j++;
    }
    add(index, text.slice(i, j).toLowerCase(), i);
    if (apostrophe) {
      let a = i;
      for (let k = i; k <= j; k++) {
        if (k < j && text.charCodeAt(k) !== 39) continue;
        if (k > a) add(index, text.slice(a, k).toLowerCase(), a);
        a = k + 1;
      }
    }
    i = j;
  }
  return index;
}

/**
 * The first word of a trigger ("any time" → "any", "24/7" → "24", "it's" → "it's"), or null when
 * the trigger does not start with a word character (an emoji, "<3"): such gates keep their scan.
 */
export function leadingWord(trigger: string): string | null {
  return /^[a-z0-9']+/i.exec(trigger)?.[0]?.toLowerCase() ?? null;
}

/** A set of words, as a list and a set: lookups go whichever way is shorter. */
export interface WordSet {
  list: string[];
  set: Set<string>;
}

const interned = new Map<string, WordSet>();

/** The set of `words`; equal sets are one object, so a paragraph answers for each only once. */
export const wordSet = (words: Iterable<string>): WordSet => {
  const set = new Set(words);
  const key = [...set].sort().join(' ');
  let ws = interned.get(key);
  if (!ws) interned.set(key, (ws = { list: [...set], set }));
  return ws;
};

/** Ascending, distinct offsets where any of `words` starts. */
export function startsOf(index: WordIndex, words: WordSet): number[] {
  if (words.list.length * 4 < index.byWord.size) {
    let out: number[] | null = null;
    let merged = false;
    for (const w of words.list) {
      const list = index.byWord.get(w);
      if (!list) continue;
      if (!out) out = list;
      else {
        out = out.concat(list);
        merged = true;
      }
    }
    if (!out) return [];
    return merged ? [...new Set(out)].sort((a, b) => a - b) : out;
  }
  const out: number[] = [];
  const { words: keys, starts } = index;
  for (let k = 0; k < keys.length; k++) {
    if (!words.set.has(keys[k]!)) continue;
    const at = starts[k]!;
    if (out.length === 0 || out[out.length - 1]! < at) out.push(at);
  }
  return out;
}

/** First k with starts[k] >= from. */
function firstAt(starts: number[], from: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether any of `words` starts somewhere in [from, to). */
export function anyWithin(index: WordIndex, words: WordSet, from: number, to: number): boolean {
  const { words: keys, starts } = index;
  if (from <= 0 && to >= (starts[starts.length - 1] ?? 0) + 1) {
    // The whole text: whichever of the two lists is shorter, once per set.
    let found = index.anywhere.get(words);
    if (found === undefined) {
      found = words.list.length < index.byWord.size ? words.list.some((w) => index.byWord.has(w)) : [...index.byWord.keys()].some((w) => words.set.has(w));
      index.anywhere.set(words, found);
    }
    return found;
  }
  const lo = firstAt(starts, from);
  const hi = firstAt(starts, to);
  // A long sentence (a draft without full stops): look the set's words up instead of reading every word.
  if (hi - lo > words.list.length * 8) {
    for (const w of words.list) {
      const list = index.byWord.get(w);
      if (list) {
        const k = firstAt(list, from);
        if (k < list.length && list[k]! < to) return true;
      }
    }
    return false;
  }
  for (let k = lo; k < hi; k++) if (words.set.has(keys[k]!)) return true;
  return false;
}

/** Ascending, distinct offsets in [from, to) where any of `words` starts. */
export function startsWithin(index: WordIndex, words: WordSet, from: number, to: number): number[] {
  const { words: keys, starts } = index;
  const lo = firstAt(starts, from);
  const hi = firstAt(starts, to);
  if (hi - lo > words.list.length * 8) {
    const found: number[] = [];
    for (const w of words.list) {
      const list = index.byWord.get(w);
      if (!list) continue;
      for (let k = firstAt(list, from); k < list.length && list[k]! < to; k++) found.push(list[k]!);
    }
    found.sort((a, b) => a - b);
    return found.filter((at, k) => k === 0 || found[k - 1]! < at);
  }
  const out: number[] = [];
  for (let k = lo; k < hi; k++) {
    if (!words.set.has(keys[k]!)) continue;
    const at = starts[k]!;
    if (out.length === 0 || out[out.length - 1]! < at) out.push(at);
  }
  return out;
}

/** Offsets of every . ! ? and line break in the text, ascending (where sentence windows end). */
export function stopsOf(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10) out.push(i);
  }
  return out;
}
