// The card's word diff: joining the kept and added parts gives the rewrite, kept and removed give the original.
import { describe, expect, it } from 'vitest';
import { wordDiff } from '@/lib/ui/diff';

describe('wordDiff', () => {
  const cases: [string, string][] = [
    ['Call me anytime if anything comes up.', "Call me Monday to Friday, 9 AM to 6 PM if anything comes up."],
    ['Sorry, I guess maybe we could possibly move it, if that is okay?', 'We could move it.'],
    ['I will throw in the logo for free.', "That's outside our agreed scope, so I'll send you a quick quote for it."],
    ['', 'New sentence.'],
  ];
  it.each(cases)('rebuilds both texts from %j → %j', (from, to) => {
    const parts = wordDiff(from, to);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(from);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(to);
  });
  it('marks only what changed', () => {
    const parts = wordDiff('Call me anytime if anything comes up.', 'Call me on weekdays if anything comes up.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['anytime']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['on weekdays']);
  });
});
