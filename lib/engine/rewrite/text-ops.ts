// Small text surgery for rewrites: delete a range and repair what touches it (spaces, commas,
// capitals), split a sentence into clauses, tidy a rebuilt sentence. Pure string functions.

export interface Range {
  start: number;
  end: number;
}

/** Emoji and pictographs (with their modifiers and joiners). */
export const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u200D|\p{Emoji_Modifier}|\p{Extended_Pictographic})*/gu;

/** A run of emoji characters (flat, so it is linear on any input). */
const EMOJI_RUN = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\uFE0F|\u200D|\p{Emoji_Modifier})+/gu;

/** Chat fillers that carry no meaning once the personal part is gone. */
const FILLERS = /(?:^|\s|,)\s*(?:lol+|haha+|hehe+|lmao|omg|xx+|x)(?=\s*(?:[.!?,]|$))/gi;

/** Upper-cases the first letter of the text and of every sentence inside it. */
export function capitaliseSentences(s: string): string {
  return s.replace(/(^|[.!?]\s+)(["'(]*)([a-z])/g, (_, a: string, q: string, c: string) => a + q + c.toUpperCase());
}

/** Repairs spacing and punctuation after words were taken out or put in (capitals too, unless told). */
export function tidy(s: string, capitals = true): string {
  let t = s
    .replace(/[ \t\u00A0]{2,}/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/,(?:\s*,)+/g, ',')
    .replace(/[,;:]\s*([.!?])/g, '$1')
    .replace(/([.!?])\s*,/g, '$1')
    .replace(/([!?])\s*\.(?!\.)/g, '$1')
    .replace(/(\w)([.!?])(?:\s*\2)+(?!\.)/g, '$1$2')
    .replace(/\s+[-\u2013\u2014]\s*([.!?]|$)/g, '$1')
    .replace(/^[\s,;:.!?\-\u2013\u2014]+/, '')
    .replace(/(^|[.!?]\s+)[,;:\-\u2013\u2014]\s*/g, '$1')
    // A clause left first after a deletion loses its joining word ("Hi Priscilla, and I've…"); an
    // author's own capitalised "But" stays.
    .replace(/,\s+Sorry\b/g, ', sorry')
    // A greeting left touching the message once an endearment between them went ("Hiya your infill's…").
    .replace(/^(Hi|Hey|Hiya|Hello|Heya|Morning|Evening)\s+(?=(?:your|you|you're|youre|ur|u|the|just|thanks|thank|i|i'm|im|we|so|great|lovely|quick|sorry|hope|good|all done|it's|its)\b)/, '$1, ')
    .replace(/(^|[.!?]\s+|^(?:Hi|Hey|Hello|Hiya|Dear)\b[^,.!?\n]{0,30},\s+)(?:and|but)\s+(?=[\w'])/g, '$1')
    .trim();
  // A trailing comma goes, except after a greeting line ("Hi,").
  // A trailing comma goes, except after a greeting line ("Hi,") or a sign-off line ("Talk soon,").
  if (/,$/.test(t) && !/^(?:hi|hey|hello|hiya|dear|morning|evening|afternoon)\b[^.!?]{0,30},$/i.test(t) && !/(?:^|\n)(?:talk soon|speak soon|best(?: wishes)?|(?:kind |warm |best )?regards|thanks(?: again)?|thank you|cheers|warmly|all the best|take care|see you soon|many thanks)(?: again)?,$/i.test(t)) t = t.replace(/\s*,$/, '');
  return capitals ? capitaliseSentences(t) : t;
}

/** The text with the range taken out; tidy() then settles the commas and capitals around it. */
export function deleteRange(s: string, r: Range): string {
  return joinAt(s.slice(0, r.start), ' ', s.slice(r.end));
}

function joinAt(left: string, sep: string, right: string): string {
  const l = left.replace(/\s+$/, '');
  const r = right.replace(/^\s+/, '');
  if (!l) return r;
  if (!r) return l;
  if (/^[,.!?;:)]/.test(r)) return l + r;
  return l + sep + r;
}

/** Deletes several ranges (any order, overlaps merged), repairing each join. */
export function deleteRanges(s: string, ranges: Range[]): string {
  const merged = mergeRanges(ranges);
  let out = s;
  for (const r of merged.reverse()) out = deleteRange(out, r);
  return out;
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Replaces ranges with texts, right to left (ranges must not overlap). */
export function replaceRanges(s: string, edits: (Range & { text: string })[]): string {
  let out = s;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Emoji, kisses and chat fillers out; the sentence keeps its closing punctuation. */
export function stripDecorations(s: string): string {
  const closing = /[.!?]+$/.exec(s.trim())?.[0];
  // An emoji between two clauses was their separator: a comma before lower case, a full stop before a capital.
  let t = s
    .replace(EMOJI_RUN, (run: string, at: number, all: string) => {
      const before = all.slice(Math.max(0, at - 2), at);
      const after = all.slice(at + run.length, at + run.length + 3);
      if (!/[\w'"\u2019\u201D)\]]\s*$/.test(before)) return ' ';
      if (/^\s+[a-z]/.test(after)) return ',';
      if (/^\s+[A-Z](?!\s)/.test(after)) return '.';
      return ' ';
    })
    .replace(FILLERS, ' ')
    .replace(/:\)|:-\)|;\)|<3/g, ' ');
  t = tidy(t);
  // A short line without a mark (a sign-off, "Love, Becky") stays without one.
  const signOff = /,\s*\p{Lu}[\p{Ll}'-]+$/u.test(t) && wordCount(t) <= 4;
  if (t && !/[.!?]$/.test(t) && !signOff) t += closing === '?' ? '?' : closing ? closing[0]! : '.';
  return t;
}

/**
 * Clauses of a sentence: pieces between commas, semicolons, dashes and emoji (the separators stay
 * with the piece before them), so one clause can go while the rest reads on.
 */
export function clauses(s: string): Range[] {
  const out: Range[] = [];
  const sep = /\s*(?:[,;]|\s[-\u2013\u2014]\s|(?:\p{Extended_Pictographic}\uFE0F?)+)\s*/gu;
  let cursor = 0;
  let m: RegExpExecArray | null;
  while ((m = sep.exec(s)) !== null) {
    if (m.index + m[0].length === 0) {
      sep.lastIndex++;
      continue;
    }
    out.push({ start: cursor, end: m.index + m[0].length });
    cursor = m.index + m[0].length;
  }
  if (cursor < s.length) out.push({ start: cursor, end: s.length });
  return out.filter((r) => s.slice(r.start, r.end).trim());
}

/** Words of two letters or more: how much a sentence still says. */
export function wordCount(s: string): number {
  return (s.match(/[A-Za-z\u00C0-\u024F']{2,}|\d+/g) ?? []).length;
}

/** Makes a rebuilt piece read as a full sentence: capital, closing mark, no "lol". */
export function asSentence(s: string): string {
  let t = tidy(s.replace(/(?:^|\s|,)\s*(?:lol+|haha+|hehe+|lmao|x{1,3})(?=\s*(?:[.!?,]|$))/gi, ' '));
  if (!t) return t;
  // A sentence that ends with an emoji or a kiss ends there, as the writer wrote it.
  if (!/[.!?]["')\]]*$/.test(t) && !/(?:\p{Extended_Pictographic}\uFE0F?|\bx+)$/u.test(t)) t += '.';
  return t;
}

/** Escapes a word list for a regular expression (longest first, apostrophes optional). */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/'/g, "'?").replace(/ /g, '\\s+'))
    .join('|');
}
