// A rewrite shown as a change to the user's words: removed words struck, new words marked.
// Word-level longest common subsequence: drafts' flagged spans are a sentence or two, so O(n·m) is tiny.

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** Words with the spaces and punctuation that follow them, so joining the parts restores each text. */
function tokens(s: string): string[] {
  return s.match(/\S+\s*|\s+/g) ?? [];
}

const bare = (t: string) => t.trim();

export function wordDiff(from: string, to: string): DiffPart[] {
  const a = tokens(from);
  const b = tokens(to);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = bare(a[i]!) === bare(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = out[out.length - 1];
    // A struck word right after a kept one the rewrite ends without a space ("soon," then "xoxo"):
    // keep them apart on screen.
    if (kind === 'removed' && last && last.kind !== 'removed' && !/\s$/.test(last.text) && !/^\s/.test(text)) text = ' ' + text;
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (bare(a[i]!) === bare(b[j]!)) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return out;
}

/** The rewrite as a change. Struck words are hidden from screen readers, so the text reads as the rewrite. */
export function WordDiff({ from, to }: { from: string; to: string }) {
  const parts = wordDiff(from, to);
  // Little in common (a sentence replaced, not edited): interleaved strikes would be noise, so the
  // words Apply replaces are struck whole, then the rewrite; the user always sees what goes.
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const kept = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + words(p.text), 0);
  if (kept < Math.max(2, words(to) / 2))
    return (
      <span class="diff">
        <del aria-hidden="true">{from.trim()}</del> <ins>{to.trim()}</ins>
      </span>
    );
  return (
    <span class="diff">
      {parts.map((p, i) =>
        p.kind === 'same' ? p.text : p.kind === 'removed' ? <del key={i} aria-hidden="true">{p.text}</del> : <ins key={i}>{p.text}</ins>,
      )}
    </span>
  );
}
