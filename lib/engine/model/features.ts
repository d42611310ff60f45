// What the sentence model sees of a sentence: hashed word unigrams and bigrams, character 3- and
// 4-grams inside words (typos and text-speak share most of them with the spelled word), and the
// word classes of rules/classes.json the words belong to. Training and inference share this file,
// so a feature means the same thing in both. Pure; no DOM.

/** A word of the sentence with its UTF-16 offsets in the sentence text. */
export interface Token {
  /** Canonical form: lower case, apostrophes dropped, letters repeated 3+ times cut to two, text-speak spelled out. */
  word: string;
  start: number;
  end: number;
}

/** A hashed feature and the token it is attributed to (-1: the whole sentence). */
export interface Features {
  hashes: number[];
  owners: number[];
  tokens: Token[];
}

// Text-speak and common shortenings, spelled out so "u r" and "you are" share their features.
const SPELL_OUT = new Map<string, string>(Object.entries({
  u: 'you', ur: 'your', youre: 'youre', r: 'are', ya: 'you', yu: 'you', pls: 'please', plz: 'please', thx: 'thanks', ty: 'thanks',
  luv: 'love', lov: 'love', tmrw: 'tomorrow', tmr: 'tomorrow', '2nite': 'tonight', tonite: 'tonight', '2day': 'today', b4: 'before',
  gr8: 'great', cuz: 'because', bc: 'because', coz: 'because', wanna: 'want', gonna: 'going', dont: 'dont', cant: 'cant', im: 'im',
  ill: 'ill', ive: 'ive', whenevs: 'whenever', msg: 'message', txt: 'text', bf: 'boyfriend', gf: 'girlfriend', hun: 'hun', xx: 'xx',
  xxx: 'xx', x: 'x', k: 'ok', kk: 'ok', okay: 'ok', lol: 'lol', omg: 'omg', tbh: 'tbh', ppl: 'people', abt: 'about', w: 'with',
}));

/** 32-bit FNV-1a of a string, with a seed per feature family. */
export function hashString(s: string, seed: number): number {
  return hashRange(s, 0, s.length, seed);
}

/** FNV-1a of s[a, b) (no substring is made). */
function hashRange(s: string, a: number, b: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = a; i < b; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TIME = /^(?:\d{1,2}(?:[:.]\d{2})?(?:am|pm)|\d{1,2}[:.]\d{2})$/;

/** How a time of day reads to the model: evening/night, early morning or daytime. */
function timeWord(raw: string, next: string | undefined): string | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(raw);
  if (!m) return null;
  let suffix = m[3];
  if (!suffix && next && /^(?:am|pm)$/.test(next)) suffix = next;
  if (!suffix && !m[2]) return null;
  let h = Number(m[1]);
  if (h > 23) return null;
  if (suffix === 'pm' && h < 12) h += 12;
  if (suffix === 'am' && h === 12) h = 0;
  return h >= 19 || h < 7 ? '<late-time>' : '<day-time>';
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** A run of word characters as the model spells it: no apostrophes, a letter repeated 3+ times cut to two. */
function canonical(raw: string): string {
  let w = raw.includes("'") ? raw.replace(/'/g, '') : raw;
  for (let i = 2; i < w.length; i++) {
    if (w.charCodeAt(i) === w.charCodeAt(i - 1) && w.charCodeAt(i) === w.charCodeAt(i - 2) && !isDigit(w.charCodeAt(i))) {
      w = w.replace(/([a-z])\1{2,}/g, '$1$1');
      break;
    }
  }
  return w;
}

/** The sentence's words, canonical, with offsets. */
export function tokenize(sentence: string): Token[] {
  const lower = sentence.toLowerCase();
  const raw: { w: string; s: number; e: number }[] = [];
  const n = lower.length;
  for (let i = 0; i < n; ) {
    const c = lower.charCodeAt(i);
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n) {
        const d = lower.charCodeAt(j);
        if (isWordChar(d) || (d === 39 && j + 1 < n && isWordChar(lower.charCodeAt(j + 1)))) j++;
        else break;
      }
      raw.push({ w: lower.slice(i, j), s: i, e: j });
      i = j;
    } else if (c === 60 && lower.charCodeAt(i + 1) === 51) {
      raw.push({ w: '<3', s: i, e: i + 2 });
      i += 2;
    } else if (c === 33 || c === 63) {
      raw.push({ w: c === 33 ? '!' : '?', s: i, e: i + 1 });
      i++;
    } else if (c >= 0xd83c && c <= 0xd83e && i + 1 < n) {
      // An emoji (surrogate pair): one token of its own.
      raw.push({ w: lower.slice(i, i + 2), s: i, e: i + 2 });
      i += 2;
    } else i++;
  }
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    let w = canonical(r.w);
    if (isDigit(w.charCodeAt(0)) || isDigit(w.charCodeAt(w.length - 1)) || /\d/.test(w)) {
      const t = TIME.test(w) || /^\d{1,2}$/.test(w) ? timeWord(w, raw[i + 1]?.w) : null;
      w = t ?? w.replace(/\d+/g, '0');
    } else w = SPELL_OUT.get(w) ?? w;
    if (w) out.push({ word: w, start: r.s, end: r.e });
  }
  return out;
}

/** Word classes as the model was trained with them: class name → phrases (each a list of canonical words). */
export type ClassTable = Map<string, { name: string; hash: number; rest: string[] }[]>;

export function buildClassTable(classes: Record<string, string[]>): ClassTable {
  const table: ClassTable = new Map();
  for (const [name, words] of Object.entries(classes)) {
    for (const phrase of words) {
      const toks = tokenize(phrase).map((t) => t.word);
      if (toks.length === 0) continue;
      let list = table.get(toks[0]!);
      if (!list) table.set(toks[0]!, (list = []));
      list.push({ name, hash: hashString(name, CLS), rest: toks.slice(1) });
    }
  }
  return table;
}

// Feature families: distinct seeds keep a word, a bigram and a class of the same spelling apart.
const UNI = 1;
const BI = 2;
const CHAR = 3;
const CLS = 4;
const CLS_NEXT = 5;
const SHAPE = 6;

/** Features of one sentence. */
export function featurize(sentence: string, classes: ClassTable): Features {
  const tokens = tokenize(sentence);
  const hashes: number[] = [];
  const owners: number[] = [];
  const n = tokens.length;
  const classAt: number[] = [];
  let prevWord = hashString('<s>', UNI);
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!.word;
    const uni = hashString(w, UNI);
    hashes.push(uni, hashString(w, (Math.imul(prevWord, 31) ^ BI) >>> 0));
    owners.push(i, i);
    prevWord = uni;
    const L = w.length;
    if (L >= 3 && w.charCodeAt(0) >= 97 && w.charCodeAt(L - 1) >= 97) {
      const p = `^${w}$`;
      for (let k = 0; k + 3 <= p.length; k++) {
        hashes.push(hashRange(p, k, k + 3, CHAR));
        owners.push(i);
      }
      for (let k = 0; k + 4 <= p.length; k++) {
        hashes.push(hashRange(p, k, k + 4, CHAR + 16));
        owners.push(i);
      }
    }
    const cands = classes.get(w);
    if (cands) {
      for (const c of cands) {
        let ok = true;
        for (let j = 0; j < c.rest.length && ok; j++) if (tokens[i + 1 + j]?.word !== c.rest[j]) ok = false;
        if (!ok) continue;
        hashes.push(c.hash);
        owners.push(i);
        classAt[i] = c.hash;
      }
    }
  }
  if (n > 0) {
    hashes.push(hashString('</s>', (Math.imul(prevWord, 31) ^ BI) >>> 0));
    owners.push(n - 1);
  }
  // A class followed by the next word, and class pairs in order: shapes like ME-verb + ANY_HOUR.
  let prevClass = 0;
  for (let i = 0; i < n; i++) {
    const c = classAt[i];
    if (c === undefined) continue;
    if (i + 1 < n) {
      hashes.push(hashString(tokens[i + 1]!.word, (Math.imul(c, 31) ^ CLS_NEXT) >>> 0));
      owners.push(i);
    }
    if (prevClass) {
      hashes.push((Math.imul(prevClass, 0x01000193) ^ c ^ (CLS_NEXT + 16)) >>> 0);
      owners.push(i);
    }
    prevClass = c;
  }
  // Sentence shape: a length bucket, and a bias feature every sentence has.
  hashes.push(hashString(`len${Math.min(6, Math.floor(n / 4))}`, SHAPE), hashString('bias', SHAPE));
  owners.push(-1, -1);
  return { hashes, owners, tokens };
}
