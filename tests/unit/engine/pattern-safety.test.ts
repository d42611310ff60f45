// Custom patterns: what is accepted, what is refused, and that each refusal says why in plain words.
// Patterns run in RE2 (linear time), so shapes that backtrack catastrophically elsewhere are
// accepted here; tests/unit/engine/pattern-fuzz.test.ts checks they stay fast.
import { describe, expect, test } from 'vitest';
import { checkCustomPattern, MAX_PATTERN_LENGTH } from '@/lib/engine/pattern-safety';

describe('accepts', () => {
  test.each([
    'call me anytime',
    'text(ing)? me at \\d{1,2} ?(am|pm)',
    '(very|really)+ sorry',
    '(?:Mr|Ms)\\.? \\w+',
    '(?P<who>Mr|Ms)\\.? \\w+',
    '[a-z]+[0-9]+',
    '\\d+:\\d+',
    'colou?r',
    'anytime!*',
    '^.*urgent',
    '\\w+ing me',
    'x.*y',
    '(a+)+b',
    '\\p{Cyrillic}{2,}',
    'x'.repeat(MAX_PATTERN_LENGTH),
  ])('%s', (pattern) => {
    expect(checkCustomPattern(pattern)).toEqual({ ok: true });
  });
});

describe('refuses', () => {
  test.each([
    ['', /empty/],
    ['   ', /empty/],
    ['x'.repeat(MAX_PATTERN_LENGTH + 1), /201 characters long; the limit is 200/],
    ['(', /not a valid pattern: a "\(" has no closing "\)"/],
    ['a)', /a "\)" has no opening "\("/],
    ['[a-', /not a valid pattern: a "\[" has no closing "\]"/],
    // JavaScript reads "[^]" as "any character"; RE2 does not, and says so instead of guessing.
    ['[^](a+)+$', /a "\[" has no closing "\]"/],
    ['*a', /"\*" has nothing before it to repeat/],
    ['a**', /"\*\*" repeats a repetition/],
    ['\\w{1,9999}\\w{1,9999}!', /"\{1,9999\}": a repeat count may be at most 1000/],
    ['(?:\\w{1,100}\\s){1,10}!', /too big to run on every keystroke/],
    ['\\u00e9t', /write a character by its code as "\\x\{00E9\}"/],
    ['a*', /match empty text/],
    ['xx|', /match empty text/],
    ['\\b', /match empty text/],
    ['(?:)', /match empty text/],
    ['.', /can match a single character \(such as "a"\), so it would flag almost every draft/],
    ['a|bc', /single character \(such as "a"\)/],
    ['(?:\\s)*x', /single character \(such as "x"\)/],
    ['(a+)+$', /single character/],
    ['[[:alpha:]]', /single character/],
    ['(?=a)', /lookahead "\(\?=…\)" is not supported/],
    ['free(?! trial)', /lookahead "\(\?!…\)" is not supported/],
    ['x(?=.*x.*y)', /lookahead/],
    ['(?<=not )available', /lookbehind "\(\?<=…\)" is not supported/],
    ['(?<!not )available', /lookbehind "\(\?<!…\)"/],
    ['(a)\\1', /backreference "\\1" is not supported/],
    ['(?<n>ab)\\k<n>', /backreference "\\k<…>"/],
    ['(?>ab)', /atomic groups/],
  ])('%s', (pattern, reason) => {
    const result = checkCustomPattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
