// Where a finding is underlined: its trigger phrases, its trigger words, or its span, plus the words
// of the findings its card also speaks for. Pure (the page's boxes, the card's quote and the popup share it).
import type { Finding } from './types';

/** Longest trigger phrase of an "also" finding that is underlined with its card (longer ones are whole clauses). */
const PHRASE_CHARS = 48;

type Marked = Pick<Finding, 'start' | 'end' | 'focus' | 'marks'> & Partial<Pick<Finding, 'also'>>;
const inside = (f: Marked, m: { start: number; end: number } | undefined): m is { start: number; end: number } =>
  !!m && m.start >= f.start && m.end <= f.end && m.end > m.start;

/**
 * Where a finding is underlined, in reading order: each of its trigger phrases when the engine named
 * several (stacked apologies), else its trigger words, else the whole span.
 */
export function markedRanges(f: Marked): { start: number; end: number }[] {
  const marks = (f.marks ?? []).filter((m) => inside(f, m)).sort((a, b) => a.start - b.start);
  const own = marks.length ? marks : [inside(f, f.focus) ? f.focus : { start: f.start, end: f.end }];
  // The trigger words of the other findings the card speaks for ("Also in this sentence") are
  // underlined too, so the card never quotes words the draft does not mark; a member that names no
  // narrower words than the whole group adds nothing.
  const whole = f.end - f.start;
  const extra = (f.also ?? [])
    .flatMap((a) => (a.marks?.length ? a.marks : a.focus ? [a.focus] : []))
    .filter((m) => inside(f, m) && m.end - m.start < whole && m.end - m.start <= PHRASE_CHARS);
  if (!extra.length) return own;
  const merged: { start: number; end: number }[] = [];
  for (const r of [...own, ...extra].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return merged;
}

/** From the first underlined word to the last (where the user points at the finding). */
export function marked(f: Marked): { start: number; end: number } {
  const r = markedRanges(f);
  return { start: r[0]!.start, end: r[r.length - 1]!.end };
}
