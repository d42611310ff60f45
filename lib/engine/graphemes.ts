// Keeps span ends on grapheme boundaries, so an underline or a rewrite never splits an emoji,
// a skin-tone sequence or a letter with combining marks.

// Code units that continue the grapheme before them: low surrogates, combining marks, variation
// selectors, ZWJ, skin-tone modifiers (as surrogate pairs D83C DFFB–DFFF), tag characters.
const CONTINUES = /[\uDC00-\uDFFF\u0300-\u036F\u1AB0-\u1AFF\u20D0-\u20FF\uFE00-\uFE0F\uFE20-\uFE2F\u200D]/;

let segmenter: Intl.Segmenter | null | undefined;
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  return segmenter;
}

/** Widens [start, end) outward to grapheme boundaries. Cheap when no boundary is in doubt. */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  const doubtfulStart = start > 0 && start < text.length && CONTINUES.test(text[start]!);
  const doubtfulEnd = end > 0 && end < text.length && CONTINUES.test(text[end]!);
  if (!doubtfulStart && !doubtfulEnd) return { start, end };
  const seg = getSegmenter();
  const from = Math.max(0, start - 32);
  const to = Math.min(text.length, end + 32);
  if (!seg) {
    let a = start;
    let b = end;
    while (a > 0 && CONTINUES.test(text[a]!)) a--;
    while (b < text.length && CONTINUES.test(text[b]!)) b++;
    return { start: a, end: b };
  }
  let a = start;
  let b = end;
  for (const g of seg.segment(text.slice(from, to))) {
    const gs = from + g.index;
    const ge = gs + g.segment.length;
    if (gs < start && ge > start) a = gs;
    if (gs < end && ge > end) b = ge;
  }
  return { start: a, end: b };
}
