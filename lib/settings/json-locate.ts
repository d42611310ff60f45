// Where each field of a (valid) JSON text sits, so import errors can name a line as well as a field path.
// Paths use the validator's spelling: `policy.workStart`, `customRules[2].match`, `rules["tone/x"]`.

/** Path → UTF-16 offset of the member's key (object members) or of the value (array elements, root). */
export function locatePaths(text: string): Map<string, number> {
  const at = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    if (!at.has(path)) at.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (text[i] !== '}' && i < text.length) {
        ws();
        const keyAt = i;
        const key = str();
        const dotted = path ? `${path}.${key}` : key;
        at.set(dotted, keyAt);
        at.set(`${path}[${JSON.stringify(key)}]`, keyAt);
        ws();
        i++; // colon
        value(dotted);
        // The bracket spelling shares the dotted member's nested positions.
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      let n = 0;
      while (text[i] !== ']' && i < text.length) {
        value(`${path}[${n++}]`);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && /[^\s,\]}]/.test(text[i]!)) i++;
    }
  };
  try {
    value('');
  } catch {
    // Only called on text JSON.parse accepted; a failure here just means fewer known lines.
  }
  return at;
}

/**
 * Offset of `path`, or of its nearest located ancestor (a missing field points at its parent
 * object; a field renamed by a migration points at the section that held it).
 */
export function locate(paths: Map<string, number>, path: string): number | undefined {
  // `rules["a/b"].severity` → dotted form for nested lookups.
  let p = path.replace(/\["([^"]*)"\]/g, (_m, k: string) => `.${k}`).replace(/^\./, '');
  for (;;) {
    const hit = paths.get(p) ?? paths.get(path);
    if (hit !== undefined) return hit;
    const parent = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (parent === p || parent === '') return paths.get('');
    p = parent;
  }
}
