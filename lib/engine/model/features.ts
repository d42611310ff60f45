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
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WORD = /[a-z0-9][a-z0-9']*|[<>]3|[!?]|[\u{1F300}-\u{1FAFF}\u2600-\u27BF]/gu;
const TIME = /^(?:\d{1,2}(?:[:.]\d{2})?(?:am|pm)|\d{1,2}[:.]\d{2})$/;

/** How a time of day reads to the model: evening/night, early morning or daytime. */
function timeWord(raw: string, next: string | undefined): string | null {
  let m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(raw);
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

/** The sentence's words, canonical, with offsets. */
export function tokenize(sentence: string): Token[] {
  const lower = sentence.toLowerCase();
  const out: Token[] = [];
  const raw: { w: string; s: number; e: number }[] = [];
  for (const m of lower.matchAll(WORD)) raw.push({ w: m[0], s: m.index!, e: m.index! + m[0].length });
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    let w = r.w.replace(/'/g, '').replace(/([a-z])\1{2,}/g, '$1$1');
    if (/\d/.test(w)) {
      const t = TIME.test(w) || /^\d{1,2}$/.test(w) ? timeWord(w, raw[i + 1]?.w) : null;
      w = t ?? w.replace(/\d+/g, '0');
    } else w = SPELL_OUT.get(w) ?? w;
    if (w) out.push({ word: w, start: r.s, end: r.e });
  }
  return out;
}

/** Word classes as the model was trained with them: class name → phrases (each a list of canonical words). */
export type ClassTable = Map<string, { name: string; rest: string[] }[]>;

export function buildClassTable(classes: Record<string, string[]>): ClassTable {
  const table: ClassTable = new Map();
  for (const [name, words] of Object.entries(classes)) {
    for (const phrase of words) {
      const toks = tokenize(phrase).map((t) => t.word);
      if (toks.length === 0) continue;
      let list = table.get(toks[0]!);
      if (!list) table.set(toks[0]!, (list = []));
      list.push({ name, rest: toks.slice(1) });
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
  const add = (h: number, owner: number) => {
    hashes.push(h);
    owners.push(owner);
  };
  const n = tokens.length;
  const classAt: (string | null)[] = new Array<string | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!.word;
    add(hashString(w, UNI), i);
    add(hashString(`${i === 0 ? '<s>' : tokens[i - 1]!.word} ${w}`, BI), i);
    if (w.length >= 3 && /^[a-z]+$/.test(w)) {
      const p = `^${w}$`;
      for (let k = 0; k + 3 <= p.length; k++) add(hashString(p.slice(k, k + 3), CHAR), i);
      for (let k = 0; k + 4 <= p.length; k++) add(hashString(p.slice(k, k + 4), CHAR + 16), i);
    }
    const cands = classes.get(w);
    if (cands) {
      for (const c of cands) {
        let ok = true;
        for (let j = 0; j < c.rest.length; j++) if (tokens[i + 1 + j]?.word !== c.rest[j]) ok = false;
        if (!ok) continue;
        add(hashString(c.name, CLS), i);
        classAt[i] = c.name;
      }
    }
  }
  if (n > 0) add(hashString(`${tokens[n - 1]!.word} </s>`, BI), n - 1);
  // Class followed by the next word, and class pairs in order: shapes like ME-verb + ANY_HOUR.
  let prevClass: string | null = null;
  for (let i = 0; i < n; i++) {
    const c = classAt[i];
    if (!c) continue;
    if (i + 1 < n) add(hashString(`${c} ${tokens[i + 1]!.word}`, CLS_NEXT), i);
    if (prevClass) add(hashString(`${prevClass} ${c}`, CLS_NEXT + 16), i);
    prevClass = c;
  }
  // Sentence shape: length bucket, whether it asks.
  add(hashString(`len${Math.min(6, Math.floor(n / 4))}`, SHAPE), -1);
  add(hashString('bias', SHAPE), -1);
  return { hashes, owners, tokens };
}
