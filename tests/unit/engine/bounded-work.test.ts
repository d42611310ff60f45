// Bounded work: no draft, however hostile, keeps the engine busy. The strict timing goal
// (100 ms per adversarial draft on an idle machine) is measured by `npm run bench`; these budgets
// are generous, for a loaded test machine, and still fail on the engine that took 24 s.
import { describe, expect, test } from 'vitest';
import { analyze, analyzeWithReport, cachedCharacters, clearCaches, PARAGRAPH_CACHE_CHARS } from '@/lib/engine/index';
import { MAX_FINDINGS_PER_RULE } from '@/lib/engine/matchers/types';
import { MAX_SENTENCE_LENGTH, sentences } from '@/lib/engine/segment';
import { adversarialDrafts, repeatTo } from '../../fixtures/adversarial';

const BUDGET_MS = 1_500;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe('the review’s run-on sentence', () => {
  const text = repeatTo("I don't mind calls on Sundays", 10_000, ' ');

  test('"I don\'t mind calls on Sundays" repeated to 10,000 characters with no full stop is analysed promptly', () => {
    clearCaches();
    const { ms } = timed(() => analyze(text));
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  test('grammar still decides at the end of a long run-on: a negated offer is not flagged, an open one is', () => {
    const runOn = repeatTo('thanks for the notes on the plan and the budget', 9_000, ' ');
    const negated = `${runOn} and I'm not available after 6 on weekdays`;
    const open = `${runOn} and call me anytime, even at midnight`;
    expect(analyze(negated).filter((f) => f.pack === 'availability' && f.start > 8_900)).toEqual([]);
    const found = analyze(open).find((f) => f.rule === 'any-time');
    expect(found && open.slice(found.start, found.end)).toMatch(/call me anytime, even at midnight$/);
  });
});

describe('sentences are split at a length cap', () => {
  test('a 10,000-character run-on becomes pieces of at most the cap, covering every word', () => {
    const text = repeatTo('we could talk later tonight if you want to', 10_000, ' ');
    const pieces = sentences(text, { start: 0, end: text.length });
    expect(pieces.length).toBeGreaterThan(10_000 / MAX_SENTENCE_LENGTH);
    for (const p of pieces) expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
    // Nothing but spaces falls between pieces.
    let at = 0;
    for (const p of pieces) {
      expect(text.slice(at, p.start).trim()).toBe('');
      at = p.end;
    }
    expect(text.slice(at).trim()).toBe('');
  });

  test('a run with no spaces is cut without splitting an emoji', () => {
    const text = '😀'.repeat(1_000);
    for (const p of sentences(text, { start: 0, end: text.length })) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
      expect(text.slice(p.start, p.end)).toMatch(/^(?:😀)+$/u);
    }
  });
});

describe('findings are capped per rule', () => {
  test(`a phrase repeated a thousand times is underlined at most ${MAX_FINDINGS_PER_RULE} times`, () => {
    const text = 'Call me anytime. '.repeat(1_000);
    const found = analyze(text).filter((f) => f.rule === 'any-time');
    expect(found).toHaveLength(MAX_FINDINGS_PER_RULE);
    expect(found[0]!.start).toBe(0);
  });
});

describe('the paragraph cache is bounded by characters', () => {
  test('a hundred one-character edits of a 200,000-character draft keep the cache under its bound', () => {
    clearCaches();
    const para = repeatTo('Thanks for the notes on the quarterly plan; the numbers look right to me.', 19_998, ' ');
    const draft = Array.from({ length: 10 }, () => para).join('\n\n');
    expect(draft.length).toBe(199_998);
    for (let i = 0; i < 100; i++) {
      // A different character each time in a different paragraph: never a cache hit.
      const at = (i % 10) * 20_000 + 100 + Math.floor(i / 10);
      analyze(draft.slice(0, at) + String.fromCharCode(97 + (i % 26)) + draft.slice(at + 1));
    }
    // Each edit adds a 20,000-character paragraph: two million characters without the bound.
    expect(cachedCharacters()).toBeLessThanOrEqual(PARAGRAPH_CACHE_CHARS * 1.25);
    expect(cachedCharacters()).toBeGreaterThan(PARAGRAPH_CACHE_CHARS / 2);
  });
});

describe('100 adversarial 10,000-character drafts over the built-in packs', () => {
  const drafts = adversarialDrafts();

  test('there are 100, each 10,000 characters', () => {
    expect(drafts).toHaveLength(100);
    for (const d of drafts) expect(d.text).toHaveLength(10_000);
  });

  test.each(drafts.map((d) => [d.name, d.text] as const))('%s', (_name, text) => {
    clearCaches();
    const { value, ms } = timed(() => analyzeWithReport(text));
    expect(ms).toBeLessThan(BUDGET_MS);
    for (const f of value.findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
    }
  });
});
