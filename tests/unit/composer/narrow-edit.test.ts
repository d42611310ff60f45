// A rewrite or removal of a paragraph that carries its blank lines edits only the words between them;
// an edit on one line is left as it is, and one that really joins lines stays refused.
import { describe, expect, test } from 'vitest';
import { narrowEdit, rewriteBlocker } from '@/lib/composer/accept';

describe('narrowEdit', () => {
  const text = 'Thanks!\n\nWe should grab drinks sometime.\n\nTalk soon';
  const start = text.indexOf('\n\nWe');
  const end = text.indexOf('.\n\nTalk') + 1;
  test('a rewrite that keeps the blank line before it changes only the words', () => {
    const n = narrowEdit(text, start, end, '\n\nThank you, but I keep things professional.');
    expect(text.slice(n.start, n.end)).toBe('We should grab drinks sometime');
    expect(n.replacement).toBe('Thank you, but I keep things professional');
  });
  test('a removal takes the words and leaves the lines', () => {
    const n = narrowEdit(text, start, end, '');
    expect(text.slice(n.start, n.end)).toBe('We should grab drinks sometime.');
    expect(n.replacement).toBe('');
  });
  test('an edit on one line is untouched', () => {
    expect(narrowEdit('a b c', 2, 3, 'b')).toEqual({ start: 2, end: 3, replacement: 'b' });
  });
  test('the card blocks only the rewrites that would still join lines', () => {
    const f = { kind: 'span', text: 'Talk soon,\nxoxo', suggestions: ['Talk soon.'] };
    expect(rewriteBlocker(f, 0)).toMatch(/line break/);
    const g = { kind: 'span', text: '\n\nWe should grab drinks.', suggestions: ['', '\n\nNo, thank you.'] };
    expect(rewriteBlocker(g, 0)).toBeNull();
    expect(rewriteBlocker(g, 1)).toBeNull();
  });
});
