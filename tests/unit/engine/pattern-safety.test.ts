// Custom patterns: what is accepted, what is refused, and that each refusal says why.
import { describe, expect, test } from 'vitest';
import { checkCustomPattern, MAX_PATTERN_LENGTH } from '@/lib/engine/pattern-safety';

describe('accepts', () => {
  test.each([
    'call me anytime',
    'text(ing)? me at \\d{1,2} ?(am|pm)',
    '(very|really)+ sorry',
    '(?:Mr|Ms)\\.? \\w+',
    '[a-z]+[0-9]+',
    '\\d+:\\d+',
    'colou?r',
    'free(?! trial)',
    'anytime!*',
    '^.*urgent',
    '\\w+ing me',
    'x.*y',
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
    ['(', /not a valid pattern: .*group/i],
    ['[a-', /not a valid pattern/],
    ['a*', /match empty text/],
    ['xx|', /match empty text/],
    ['\\b', /match empty text/],
    ['(?=a)', /match empty text/],
    ['(a+)+$', /nested quantifiers: "a\+" is repeated inside "\(a\+\)\+"/],
    ['(\\w+\\s?)+', /nested quantifiers/],
    ['(x{2,3}){2,}', /nested quantifiers/],
    ['(a|ab)*c', /repeats alternatives that can both start with "a"/],
    ['(\\w|\\d)+!', /repeats alternatives that can both start with "0"|"a"/],
    ['(a?)+b', /nested quantifiers|empty text/],
    ['\\w+\\s*\\w+', /"\\w\+" and "\\w\+" can both match/],
    ['.*.*x', /can both match/],
    ['(a)\\1', /backreference "\\1"/],
    ['(?<n>a)\\k<n>', /backreference/],
    ['(?<=not )available', /lookbehind/],
    ['.*anytime', /starts with "\.\*", which makes every search scan the rest of the draft/],
    ['[^,]+ sorry', /starts with "\[\^,\]\+"/],
    ['\\s*call me', /starts with "\\s\*"/],
  ])('%s', (pattern, reason) => {
    const result = checkCustomPattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
