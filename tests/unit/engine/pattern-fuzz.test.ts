// Fuzz of the pattern gate and the custom matcher over known-bad patterns: every pattern from the
// security review, classic catastrophic-backtracking shapes written for this test, and those
// shapes generated over many kinds of character. Each is either refused with a plain reason, or
// runs within 50 ms on adversarial 10,000-character drafts built for it (best of three runs, so a
// busy test machine does not decide).
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeWithReport, clearCaches, type CustomRule } from '@/lib/engine/index';
import { checkCustomPattern } from '@/lib/engine/pattern-safety';
import { ADVERSARIAL_LENGTH, repeatTo } from '../../fixtures/adversarial';

const BUDGET_MS = 50;

/** Every pattern the review reported (accepted then, each > 5 s on 10,000 characters, or slow). */
const FROM_THE_REVIEW = [
  '[^](a+)+$', '(?:(?:a|a))+b', '((\\w|\\d))+!', '(?:\\p{L}|я)+!', '(?:\\S|😀)+!', '(?:a(?:b|bc)?c?)+x', '\\w+x\\w+!',
  'x.+x.+y', 'x(?=.*x.*y)', '\\w{1,9999}\\w{1,9999}!', '(?:\\s)*x', 'x.*y', '[a-z]+[0-9]+', '\\w+ing me', '.',
];

/** Classic shapes: nested and overlapping quantifiers, polynomial runs, big bounded repeats. */
const CLASSIC = [
  '(a+)+b', '(a*)*b', '(a|aa)+b', '(a|a?)+b', '(.*a){12}', '(x+x+)+y', '(\\w+\\s?)+$', '(\\d+)*x', '^(a+)+$',
  '(?:a|ab|abc)*d', '(?:\\w|_)+@', '([a-z]+)*[A-Z]', '(\\s*,\\s*)*;', '(?:[a-z0-9]+[-.]?)+@x', '(\\w+)+\\.\\w+!',
  '\\w+\\w+\\w+!', '\\w*\\w*\\w*\\w*!', '.*.*.*=.*', '\\s+\\s+x', '\\d+\\d+\\d+z', 'a.*b.*c.*d.*e', '(?:.+)+!',
  '\\w{1,1000}\\w{1,1000}!', '\\w{1,30}\\w{1,30}\\w{1,30}!', '(?:\\w{1,30}){1,30}!', '(?:a{1,100}){1,100}b',
  '[^,]+ sorry', '\\s*call me', '.*anytime', '(?:very|really|so)+ sorry', '(?:\\p{L}+\\s)+\\?', '(?:[\\p{L}\\p{N}]+\\W*)+!',
  '(a?){25}a{25}', '(?:x|x|x|x)+y', '(?:\\S+\\s+){1,50}!', '(?:😀|😀)+!', '(?:é|e\\x{301}|\\p{L})+!',
];

const ATOMS = ['a', '\\w', '\\d', '.', '\\s', '\\S', '[a-z]', '[^,]', '\\p{L}', 'я', '😀', '[\\p{L}\\d]'];
const SHAPES: ((x: string) => string)[] = [
  (x) => `(${x}+)+!`,
  (x) => `(${x}|${x})+!`,
  (x) => `(${x}*)*!`,
  (x) => `(?:${x}|${x}${x})+!`,
  (x) => `${x}+${x}+${x}+!`,
  (x) => `${x}+q${x}+!`,
  (x) => `(${x}+\\s?)+!`,
  (x) => `${x}{1,200}${x}{1,200}!`,
  (x) => `^(${x}+)+$`,
  (x) => `(${x}?){20}${x}{20}!`,
  (x) => `(?:${x}+|${x}+${x})+!`,
  (x) => `(?=${x})${x}+!`,
  (x) => `(${x})\\1+!`,
];
const GENERATED = ATOMS.flatMap((a) => SHAPES.map((shape) => shape(a)));

const CORPUS = [...new Set([...FROM_THE_REVIEW, ...CLASSIC, ...GENERATED])];

/**
 * Drafts that almost match: long runs of each kind of character the pattern can consume, alone
 * and broken by spaces, without the terminator the pattern waits for, plus generic hostile text.
 */
function draftsFor(pattern: string): string[] {
  const chars = new Set(['a', 'x', '1', ' ', 'я', '😀', 'é']);
  for (const ch of pattern.replace(/\\[pP]\{[^}]*\}|\\x\{[^}]*\}|\\./g, '')) if (/[\p{L}\p{N}\p{So}]/u.test(ch)) chars.add(ch);
  const out: string[] = [];
  for (const c of chars) {
    out.push(repeatTo(c, ADVERSARIAL_LENGTH, ''));
    out.push(repeatTo(c.repeat(7), ADVERSARIAL_LENGTH, ' '));
  }
  out.push(repeatTo('x a 1 я 😀,', ADVERSARIAL_LENGTH, ' '));
  out.push(repeatTo("so sorry I guess maybe if that's okay call me anytime", ADVERSARIAL_LENGTH, ' '));
  return out;
}

const rule = (match: string): CustomRule => ({ id: 'custom-1', match, isPattern: true, pack: 'personal', severity: 'warning', message: 'm', suggestion: '' });

/** Time of the custom pass alone (no packs), run to the end (no time budget), best of three. */
function customPassMs(pattern: string, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    clearCaches();
    const t0 = performance.now();
    const report = analyzeWithReport(text, { packs: [], customRules: [rule(pattern)], customTimeBudgetMs: Infinity });
    best = Math.min(best, performance.now() - t0);
    expect(report.complete).toBe(true);
    if (best < BUDGET_MS) break;
  }
  return best;
}

describe('every known-bad pattern is refused in plain words or runs fast', () => {
  // The first runs pay for compiling the engine's code; they are not the pattern's cost.
  beforeAll(() => {
    for (const text of draftsFor('warm up')) analyzeWithReport(text, { packs: [], customRules: [rule('(?:warm|up)+ x')], customTimeBudgetMs: Infinity });
  });

  test('the corpus holds the review’s patterns and over 150 in all', () => {
    expect(CORPUS.length).toBeGreaterThan(150);
    for (const p of FROM_THE_REVIEW) expect(CORPUS).toContain(p);
  });

  test.each(CORPUS.map((p) => [p]))('%s', (pattern) => {
    const check = checkCustomPattern(pattern);
    if (!check.ok) {
      // Plain words: a sentence, not the regex engine's own jargon.
      expect(check.reason).toMatch(/^[a-z"]/);
      expect(check.reason.length).toBeGreaterThan(15);
      expect(check.reason).not.toMatch(/error parsing regexp|Invalid regular expression|RE2JS|Exception/);
      return;
    }
    for (const text of draftsFor(pattern)) {
      expect(customPassMs(pattern, text), `${pattern} on ${JSON.stringify(text.slice(0, 20))}…`).toBeLessThan(BUDGET_MS);
    }
  });
});

describe('what the review saw stall is refused or fast, by name', () => {
  test.each([
    ['[^](a+)+$', /no closing "\]"/],
    ['x(?=.*x.*y)', /lookahead/],
    ['\\w{1,9999}\\w{1,9999}!', /at most 1000/],
    ['(?:\\s)*x', /single character/],
    ['.', /single character/],
  ])('%s is refused', (pattern, reason) => {
    const check = checkCustomPattern(pattern);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  test.each(['(?:(?:a|a))+b', '((\\w|\\d))+!', '(?:\\p{L}|я)+!', '(?:\\S|😀)+!', '(?:a(?:b|bc)?c?)+x', '\\w+x\\w+!', 'x.+x.+y'])(
    '%s is accepted: it cannot backtrack here',
    (pattern) => {
      expect(checkCustomPattern(pattern)).toEqual({ ok: true });
    },
  );
});
