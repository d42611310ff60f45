// Splits analysable text into paragraphs (the unit of caching) and sentences (the unit of
// matching), all with UTF-16 offsets into the original draft.
import type { Region } from './regions';

export interface Span {
  start: number;
  end: number;
}

/** Paragraphs: runs of non-blank lines inside the regions, trimmed of surrounding whitespace. */
export function paragraphs(norm: string, regions: Region[]): Span[] {
  const out: Span[] = [];
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(norm[a]!)) a++;
    while (b > a && /\s/.test(norm[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (const region of regions) {
    const slice = norm.slice(region.start, region.end);
    const blank = /\n[ ]*(?:\n[ ]*)+/g;
    let cursor = 0;
    let m: RegExpExecArray | null;
    while ((m = blank.exec(slice)) !== null) {
      push(region.start + cursor, region.start + m.index);
      cursor = m.index + m[0].length;
    }
    push(region.start + cursor, region.end);
  }
  return out;
}

const ABBREVIATIONS = new Set([
  'a.m', 'p.m', 'e.g', 'i.e', 'mr', 'mrs', 'ms', 'dr', 'st', 'etc', 'vs', 'approx', 'no', 'inc', 'ltd', 'co',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu',
  'thur', 'thurs', 'fri', 'sat', 'sun', 'prof', 'jr', 'sr', 'u.s', 'dept', 'est', 'ext', 'fig', 'min', 'hr', 'hrs',
]);

/**
 * Longest sentence the engine looks at. Text that runs on without a full stop (a pasted log, a
 * page's prefilled body, the same phrase repeated) is cut into pieces of at most this length, so
 * the work per sentence (exceptions, grammar, custom patterns) is bounded however long the draft.
 * Real sentences in mail are far shorter.
 */
export const MAX_SENTENCE_LENGTH = 400;

/** Where to cut a run-on piece [a, b) longer than the cap: after a clause mark, else at a space. */
function cutPoint(norm: string, a: number, b: number): number {
  const limit = a + MAX_SENTENCE_LENGTH;
  const floor = a + MAX_SENTENCE_LENGTH / 2;
  let space = -1;
  for (let i = limit; i > floor; i--) {
    const c = norm[i - 1]!;
    if (/[,;:\u2014\u2013]/.test(c) && /\s/.test(norm[i] ?? ' ')) return i;
    if (space < 0 && /\s/.test(c)) space = i;
  }
  if (space > 0) return space;
  // No space at all (one giant token, an emoji run): cut at the cap, never inside a surrogate pair.
  return /[\uDC00-\uDFFF]/.test(norm[limit] ?? '') ? limit - 1 : Math.min(limit, b);
}

/**
 * Sentences of one paragraph. A sentence ends at . ! ? (not after a known abbreviation or inside a
 * number) followed by whitespace, or at a line break unless the next line continues in lower case.
 * A sentence longer than MAX_SENTENCE_LENGTH is split into pieces no longer than that.
 */
export function sentences(norm: string, para: Span): Span[] {
  const out: Span[] = [];
  let start = para.start;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(norm[a]!)) a++;
    while (b > a && /\s/.test(norm[b - 1]!)) b--;
    while (b - a > MAX_SENTENCE_LENGTH) {
      const cut = cutPoint(norm, a, b);
      let e = cut;
      while (e > a && /\s/.test(norm[e - 1]!)) e--;
      out.push({ start: a, end: e });
      a = cut;
      while (a < b && /\s/.test(norm[a]!)) a++;
    }
    if (b > a) out.push({ start: a, end: b });
    start = end;
  };
  for (let i = para.start; i < para.end; i++) {
    const c = norm[i]!;
    if (c === '\n') {
      let j = i + 1;
      while (j < para.end && norm[j] === ' ') j++;
      const next = norm[j];
      if (next === undefined || !/[a-z]/.test(next)) push(i);
      continue;
    }
    // A kiss ends a sentence like a full stop when a capital follows ("…rather than booking in x If you feel…").
    if ((c === 'x' || c === 'X') && (i === para.start || norm[i - 1] === ' ')) {
      let k = i;
      while (k < para.end && (norm[k] === 'x' || norm[k] === 'X')) k++;
      if (k - i <= 3 && /^ +[A-Z][a-z]/.test(norm.slice(k, k + 4)) && /[a-z]/.test(norm.slice(Math.max(para.start, i - 3), i))) {
        push(k);
        i = k - 1;
      }
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Take the whole run of terminal punctuation and closing quotes/brackets.
    let j = i + 1;
    while (j < para.end && /[.!?"')\]]/.test(norm[j]!)) j++;
    if (j < para.end && !/\s/.test(norm[j]!)) {
      i = j - 1;
      continue;
    }
    // "I know I said 24 hours… but honestly": a trailing-off dot before a lower-case "but" carries on.
    if (c === '.' && j === i + 1 && /^\s+(?:but|and|or|so|then|though|because|cos)\s/.test(norm.slice(j, j + 12))) {
      i = j - 1;
      continue;
    }
    if (c === '.') {
      let w = i;
      while (w > para.start && /[A-Za-z.]/.test(norm[w - 1]!)) w--;
      const word = norm.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word)) {
        let k = j;
        while (k < para.end && norm[k] === ' ') k++;
        // "9 a.m. Sunday" stays one sentence only when the next word is lower case; a title ("Mrs. Rossi") always.
        if (k >= para.end || /[a-z0-9]/.test(norm[k]!) || (/^(?:mr|mrs|ms|mx|dr|prof)$/.test(word) && /[A-Z]/.test(norm[k]!))) {
          i = j - 1;
          continue;
        }
      }
    }
    // "…only us two? 😉 Check-out is Sunday": an emoji after the mark still belongs to the sentence it ends.
    const tail = /^[ \t]*(?:(?:\p{Extended_Pictographic}|\p{Emoji_Modifier})\uFE0F?\u200D?)+(?=[ \t]|$)/u.exec(norm.slice(j, para.end));
    if (tail) j += tail[0].length;
    push(j);
    i = j - 1;
  }
  push(para.end);
  return out;
}
