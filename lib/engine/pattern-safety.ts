// Refuses user (and pack) regex patterns that are invalid, over-long, match empty text or can backtrack catastrophically.
// Pure: no DOM, no browser APIs. A small parser builds just enough structure to reason about
// quantifiers; character sets are approximated by testing each atom against a sample alphabet.

export type PatternCheck = { ok: true } | { ok: false; reason: string };

export const MAX_PATTERN_LENGTH = 200;

/** Flags the check compiles with; the engine compiles custom patterns the same way. */
export const PATTERN_FLAGS = 'giu';

// Characters used to decide whether two atoms can consume the same input. ASCII covers almost
// every custom phrase; the few others stand for accented letters, typographic quotes and spaces.
// Lower-case letters come first so refusal reasons name the most readable example.
const SAMPLE: readonly string[] = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789 ',
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter((c) => !/[a-z0-9 ]/.test(c)),
  '\t', '\n', '\r',
  'é', 'ß', 'ñ', '\u2019', '\u201c', '\u00a0', '\u2014', '日',
];

type CharSet = boolean[]; // index-aligned with SAMPLE

interface Quant {
  min: number;
  max: number; // Infinity when unbounded
  src: string;
}

type Atom =
  | { type: 'char'; src: string } // literal, escape, class, dot: consumes one character
  | { type: 'zero'; src: string } // ^ $ \b \B: consumes nothing
  | { type: 'group'; src: string; alts: Term[][]; look: 'ahead' | null }
  | { type: 'backref'; src: string };

interface Term {
  atom: Atom;
  quant: Quant | null;
  src: string;
}

class Refusal extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Term[][] {
    const alts = this.alternatives();
    if (this.i < this.s.length) throw new Refusal(`unexpected "${this.s[this.i]}" at position ${this.i + 1}`);
    return alts;
  }

  private alternatives(): Term[][] {
    const alts: Term[][] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Term[] {
    const terms: Term[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const start = this.i;
      const atom = this.atom();
      const quant = this.quantifier();
      terms.push({ atom, quant, src: this.s.slice(start, this.i) });
    }
    return terms;
  }

  private atom(): Atom {
    const s = this.s;
    const start = this.i;
    const c = s[this.i]!;
    if (c === '^' || c === '$') {
      this.i++;
      return { type: 'zero', src: c };
    }
    if (c === '.') {
      this.i++;
      return { type: 'char', src: '.' };
    }
    if (c === '[') {
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++; // closing ]
      return { type: 'char', src: s.slice(start, this.i) };
    }
    if (c === '(') {
      this.i++;
      let look: 'ahead' | null = null;
      if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        throw new Refusal('lookbehind "(?<=…)" / "(?<!…)" is not supported in custom patterns');
      }
      if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        look = 'ahead';
        this.i += 2;
      } else if (s.startsWith('?:', this.i)) {
        this.i += 2;
      } else if (s.startsWith('?<', this.i)) {
        this.i = s.indexOf('>', this.i) + 1;
      } else if (s[this.i] === '?') {
        throw new Refusal('inline modifiers "(?i:…)" are not supported in custom patterns');
      }
      const alts = this.alternatives();
      this.i++; // closing )
      return { type: 'group', src: s.slice(start, this.i), alts, look };
    }
    if (c === '\\') {
      const n = s[this.i + 1]!;
      if (/[1-9]/.test(n) || n === 'k') throw new Refusal(`backreference "${n === 'k' ? '\\k<…>' : '\\' + n}" is not supported in custom patterns`);
      if (n === 'b' || n === 'B') {
        this.i += 2;
        return { type: 'zero', src: s.slice(start, this.i) };
      }
      this.i += 2;
      if (n === 'u' && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
      else if (n === 'u') this.i += 4;
      else if (n === 'x') this.i += 2;
      else if (n === 'c') this.i += 1;
      else if ((n === 'p' || n === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
      return { type: 'char', src: s.slice(start, this.i) };
    }
    // A surrogate pair is one character under the u flag.
    const cp = s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return { type: 'char', src: s.slice(start, this.i) };
  }

  private quantifier(): Quant | null {
    const s = this.s;
    const start = this.i;
    let q: Quant | null = null;
    const c = s[this.i];
    if (c === '*') q = { min: 0, max: Infinity, src: '' };
    else if (c === '+') q = { min: 1, max: Infinity, src: '' };
    else if (c === '?') q = { min: 0, max: 1, src: '' };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
      q = { min, max, src: '' };
    }
    if (!q) return null;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy: same worst case as greedy when the match fails
    q.src = s.slice(start, this.i);
    return q;
  }
}

const charSetCache = new Map<string, CharSet>();

function charSetOf(atom: Atom): CharSet {
  if (atom.type === 'zero' || atom.type === 'backref') return SAMPLE.map(() => false);
  if (atom.type === 'group') {
    if (atom.look) return SAMPLE.map(() => false);
    const out = SAMPLE.map(() => false);
    for (const alt of atom.alts) for (const t of alt) charSetOf(t.atom).forEach((v, i) => (out[i] ||= v));
    return out;
  }
  let set = charSetCache.get(atom.src);
  if (!set) {
    const re = new RegExp(`^(?:${atom.src})$`, 'iu');
    set = SAMPLE.map((ch) => re.test(ch));
    charSetCache.set(atom.src, set);
  }
  return set;
}

/** Characters that can start a match of this sequence. */
function firstSet(terms: Term[]): CharSet {
  const out = SAMPLE.map(() => false);
  for (const t of terms) {
    const atomFirst = t.atom.type === 'group' && !t.atom.look
      ? t.atom.alts.map(firstSet).reduce((a, b) => a.map((v, i) => v || b[i]!))
      : charSetOf(t.atom);
    atomFirst.forEach((v, i) => (out[i] ||= v));
    if (!termNullable(t)) break;
  }
  return out;
}

function overlap(a: CharSet, b: CharSet): string | null {
  for (let i = 0; i < a.length; i++) if (a[i] && b[i]) return SAMPLE[i]!;
  return null;
}

function atomNullable(atom: Atom): boolean {
  if (atom.type === 'zero') return true;
  if (atom.type === 'group') return atom.look !== null || atom.alts.some(seqNullable);
  return false;
}
function termNullable(t: Term): boolean {
  return (t.quant !== null && t.quant.min === 0) || atomNullable(t.atom);
}
function seqNullable(terms: Term[]): boolean {
  return terms.every(termNullable);
}

function containsRepetition(alts: Term[][]): Term | null {
  for (const alt of alts) {
    for (const t of alt) {
      if (t.quant && t.quant.max > 1) return t;
      if (t.atom.type === 'group') {
        const inner = containsRepetition(t.atom.alts);
        if (inner) return inner;
      }
    }
  }
  return null;
}

function show(ch: string): string {
  return ch === ' ' ? 'a space' : ch === '\n' ? 'a line break' : ch === '\t' ? 'a tab' : `"${ch}"`;
}

function checkSequence(terms: Term[]): void {
  for (const t of terms) {
    if (t.atom.type === 'group') {
      if (t.quant && t.quant.max > 1) {
        const inner = containsRepetition(t.atom.alts);
        if (inner) {
          throw new Refusal(
            `nested quantifiers: "${inner.src}" is repeated inside "${t.src}", which can take exponential time on text that almost matches`,
          );
        }
        if (t.atom.alts.some(seqNullable)) {
          throw new Refusal(`"${t.src}" repeats a group that can match empty text, which can backtrack without end`);
        }
        const firsts = t.atom.alts.map(firstSet);
        for (let a = 0; a < firsts.length; a++) {
          for (let b = a + 1; b < firsts.length; b++) {
            const ch = overlap(firsts[a]!, firsts[b]!);
            if (ch !== null) {
              throw new Refusal(
                `"${t.src}" repeats alternatives that can both start with ${show(ch)}, which can backtrack catastrophically`,
              );
            }
          }
        }
      }
      for (const alt of t.atom.alts) checkSequence(alt);
    }
  }
  // Two unbounded repetitions that can eat the same characters, with nothing required between
  // them (e.g. "\w+\s*\w+", ".*.*"), make matching time grow polynomially with the text.
  for (let a = 0; a < terms.length; a++) {
    const ta = terms[a]!;
    if (!ta.quant || ta.quant.max !== Infinity) continue;
    for (let b = a + 1; b < terms.length; b++) {
      const tb = terms[b]!;
      if (tb.quant && tb.quant.max === Infinity) {
        const ch = overlap(charSetOf(ta.atom), charSetOf(tb.atom));
        if (ch !== null) {
          throw new Refusal(
            `"${ta.src}" and "${tb.src}" can both match ${show(ch)} with nothing required between them, which makes matching slow on long text`,
          );
        }
      }
      if (!termNullable(tb)) break;
    }
  }
}

/**
 * A search retries a pattern at every position, so one that opens with an unbounded run able to
 * cross words ("\.*", "[^,]+", "\s*") scans the rest of the draft from each of them: quadratic
 * time, for nothing, since the match is found wherever it starts anyway.
 */
function checkLeadingRepetition(alts: Term[][]): void {
  const space = SAMPLE.indexOf(' ');
  for (const alt of alts) {
    const first = alt.find((t) => t.atom.type !== 'zero' || t.atom.src !== '\\b');
    if (!first || first.atom.type !== 'char' || first.quant?.max !== Infinity) continue;
    if (charSetOf(first.atom)[space]) {
      throw new Refusal(`starts with "${first.src}", which makes every search scan the rest of the draft; start with the words you want to find`);
    }
  }
}

/** Decide whether a custom pattern is safe to run on every keystroke. */
export function checkCustomPattern(source: string): PatternCheck {
  if (source.trim() === '') return { ok: false, reason: 'the pattern is empty' };
  if (source.length > MAX_PATTERN_LENGTH) {
    return { ok: false, reason: `the pattern is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}` };
  }
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, PATTERN_FLAGS);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `not a valid pattern: ${msg.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}` };
  }
  let tree: Term[][];
  try {
    tree = new Parser(source).parse();
    if (tree.some(seqNullable)) return { ok: false, reason: 'the pattern can match empty text, so it would flag every draft' };
    const top: Term = { atom: { type: 'group', src: source, alts: tree, look: null }, quant: null, src: source };
    checkSequence([top]);
    checkLeadingRepetition(tree);
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.message };
    throw e;
  }
  // Belt and braces for zero-width cases the structure misses (e.g. only assertions).
  for (const probe of ['', 'a', 'Hello, world 123!', '  ']) {
    compiled.lastIndex = 0;
    for (const m of probe.matchAll(compiled)) {
      if (m[0].length === 0) return { ok: false, reason: 'the pattern can match empty text, so it would flag every draft' };
    }
  }
  return { ok: true };
}
