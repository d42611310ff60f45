// Which parts of a plain-text draft are the user's own words: lines quoted with ">" and
// everything after a "-- " signature line are left out, as mail clients do.

export interface Region {
  start: number;
  end: number;
}

/** Offset where the signature starts (the "-- " line), or text.length when there is none. */
export function signatureStart(text: string): number {
  const re = /^-- ?$/gm;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/** Analysable line ranges: not quoted, before the signature. Adjacent lines are merged. */
export function analysableRegions(text: string): Region[] {
  const limit = signatureStart(text);
  const regions: Region[] = [];
  let lineStart = 0;
  while (lineStart < limit) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > limit) lineEnd = limit;
    const quoted = /^[ \t]*>/.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 64)));
    if (!quoted) {
      const last = regions[regions.length - 1];
      // Keep the newline inside the region so paragraphs can see line structure.
      const end = Math.min(lineEnd + 1, limit);
      if (last && last.end === lineStart) last.end = end;
      else regions.push({ start: lineStart, end });
    }
    lineStart = lineEnd + 1;
  }
  return regions;
}
