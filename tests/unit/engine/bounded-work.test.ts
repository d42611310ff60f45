// Bounded work: no draft, however hostile, keeps the engine busy. The timing goal (100 ms per
// adversarial draft) is measured by `npm run bench`; these tests count the work instead (characters
// times candidate rules, grammar parses), so they hold on a loaded machine and fail on an engine
// that reads a whole hostile draft in one pass.
import { execFileSync } from 'node:child_process';
import { describe, expect, test, vi } from 'vitest';
import { analyze, analyzeWithReport, ANALYSIS_WORK_BUDGET, cachedCharacters, clearCaches, compiledRules, lastAnalysisWork, MAX_CHUNK_LENGTH, MAX_REWRITE_GROUPS_PER_ANALYSIS, PARAGRAPH_CACHE_CHARS, lastStatementReads, STATEMENT_COUNTED_CHARS } from '@/lib/engine/index';
import { MAX_FINDINGS_PER_RULE } from '@/lib/engine/matchers/types';
import { MAX_PARSES_PER_ANALYSIS, nlpParseCount } from '@/lib/engine/nlp';
import { MAX_SENTENCE_LENGTH, sentences } from '@/lib/engine/segment';
import { adversarialDrafts, repeatTo } from '../../fixtures/adversarial';

/** The most one analysis may spend: the work budget, and the chunk that may start just under it. */
const MAX_WORK = ANALYSIS_WORK_BUDGET + MAX_CHUNK_LENGTH * (compiledRules().length + 1);

/** The findings once repeated analyses (each bounded in work, each carrying on from the last) are complete. */
function settled(text: string, rewrite = true) {
  let report = analyzeWithReport(text, {}, rewrite);
  for (let i = 0; i < 100 && !report.complete; i++) report = analyzeWithReport(text, {}, rewrite);
  expect(report.complete).toBe(true);
  return report.findings;
}

describe('the review’s run-on sentence', () => {
  const text = repeatTo("I don't mind calls on Sundays", 10_000, ' ');

  test('"I don\'t mind calls on Sundays" repeated to 10,000 characters with no full stop: one pass does bounded work and parses', () => {
    clearCaches();
    const parses = nlpParseCount();
    analyze(text);
    expect(lastAnalysisWork()).toBeLessThanOrEqual(MAX_WORK);
    // Grammar for the analysis, and a few parses per paragraph the rewrite gate re-reads.
    expect(nlpParseCount() - parses).toBeLessThanOrEqual(MAX_PARSES_PER_ANALYSIS + 3 * MAX_REWRITE_GROUPS_PER_ANALYSIS * 3);
  });

  test('grammar still decides at the end of a long run-on: a negated offer is not flagged, an open one is', () => {
    const runOn = repeatTo('thanks for the notes on the plan and the budget', 9_000, ' ');
    const negated = `${runOn} and I'm not available after 6 on weekdays`;
    const open = `${runOn} and call me anytime, even at midnight`;
    expect(settled(negated).filter((f) => f.pack === 'availability' && f.start > 8_900)).toEqual([]);
    const found = settled(open).find((f) => f.rule === 'any-time');
    expect(found && open.slice(found.start, found.end)).toMatch(/call me anytime, even at midnight$/);
  });
});

describe('work per analysis is bounded, and the next analyses carry on', () => {
  const mixed = adversarialDrafts().find((d) => d.name.startsWith('long clause of mixed triggers'))!.text;

  test('a 200,000-character paragraph of trigger words: one pass does a bounded share of it', () => {
    clearCaches();
    const draft = repeatTo(mixed.trim(), 200_000, ' ');
    const report = analyzeWithReport(draft);
    expect(report.complete).toBe(false);
    expect(lastAnalysisWork()).toBeGreaterThan(0);
    expect(lastAnalysisWork()).toBeLessThanOrEqual(MAX_WORK);
    // The next pass reads what the first cached and goes on from there.
    analyzeWithReport(draft);
    expect(lastAnalysisWork()).toBeLessThanOrEqual(MAX_WORK);
  });

  test('repeated passes carry on to the end of the draft', () => {
    // Six different hostile drafts in one paragraph: no chunk repeats another (a repeat is a cache hit).
    const draft = adversarialDrafts()
      .filter((d) => d.name.startsWith('long clause of mixed triggers'))
      .slice(0, 6)
      .map((d) => d.text.trim())
      .join(' ');
    clearCaches();
    const first = analyzeWithReport(draft, {}, false);
    expect(first.complete).toBe(false);
    const lastOf = (fs: { start: number; kind: string }[]) => Math.max(...fs.filter((f) => f.kind === 'span').map((f) => f.start));
    expect(lastOf(first.findings)).toBeLessThan(draft.length / 2);
    // Every pass keeps what the earlier ones found and the last one reaches the end of the draft.
    const done = settled(draft, false);
    expect(done.length).toBeGreaterThan(first.findings.length);
    expect(lastOf(done)).toBeGreaterThan(draft.length - MAX_CHUNK_LENGTH);
  });

  test('ordinary drafts are answered whole on the first pass', () => {
    clearCaches();
    const text = 'Hi Sam,\n\nThanks for the notes. Call me anytime, even at midnight.\n\nBest,\nJo';
    expect(analyzeWithReport(text).complete).toBe(true);
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
  test('ten different 200,000-character drafts analysed whole keep the cache under its bound', () => {
    clearCaches();
    for (let i = 0; i < 10; i++) {
      // Paragraphs under the chunk length, each draft's own: nothing is shared between drafts.
      const para = repeatTo(`Thanks for the notes on plan ${i}; the numbers look right to me.`, 998, ' ');
      const draft = Array.from({ length: 200 }, (_, k) => `${k} ${para}`.slice(0, 998)).join('\n\n');
      expect(draft.length).toBe(199_998);
      analyzeWithReport(draft, { analysisTimeBudgetMs: Infinity });
    }
    // Two million characters of paragraphs without the bound.
    expect(cachedCharacters()).toBeLessThanOrEqual(PARAGRAPH_CACHE_CHARS * 1.25);
    expect(cachedCharacters()).toBeGreaterThan(PARAGRAPH_CACHE_CHARS / 2);
  }, 60_000);
});

describe('100 adversarial 10,000-character drafts over the built-in packs', () => {
  const drafts = adversarialDrafts();

  test('there are 100, each 10,000 characters', () => {
    expect(drafts).toHaveLength(100);
    for (const d of drafts) expect(d.text).toHaveLength(10_000);
  });

  test.each(drafts.map((d) => [d.name, d.text] as const))('%s', (_name, text) => {
    clearCaches();
    const value = analyzeWithReport(text);
    expect(lastAnalysisWork()).toBeLessThanOrEqual(MAX_WORK);
    for (const f of value.findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
    }
  });
});

describe('the rewrite gate on a machine too slow for its deadline', () => {
  // The engine reads the clock through performance.now(); here every reading is 5 ms later.
  function slowClock() {
    let t = 0;
    return vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
  }
  const hostile = adversarialDrafts().find((d) => d.name.startsWith('long clause of mixed triggers'))!.text;

  test('a hostile draft gets its rewrites over several passes, the same as on an idle machine', () => {
    // Grammar has its own time budget; unbounded here, so only the analysis and the gate meet the clock.
    const options = { grammarTimeBudgetMs: Infinity };
    const settle = () => {
      let report = analyzeWithReport(hostile, options);
      let passes = 1;
      for (; passes < 200 && !report.complete; passes++) report = analyzeWithReport(hostile, options);
      expect(report.complete).toBe(true);
      return { findings: report.findings, passes };
    };
    clearCaches();
    const idle = settle();
    expect(idle.findings.some((f) => f.suggestions.length > 0)).toBe(true);
    clearCaches();
    const clock = slowClock();
    try {
      const slow = settle();
      expect(slow.passes).toBeGreaterThan(1);
      expect(slow.findings).toEqual(idle.findings);
    } finally {
      clock.mockRestore();
    }
  });

  test('ordinary mail is answered whole on the first pass however slow the clock', () => {
    clearCaches();
    const text = 'Hi Sam,\n\nThanks for the notes, honey. Call me anytime, even at midnight, and sorry again for the delay.\n\nBest,\nJo';
    const clock = slowClock();
    try {
      const report = analyzeWithReport(text);
      expect(report.complete).toBe(true);
      expect(report.findings.filter((f) => f.kind === 'span').every((f) => f.suggestions.length > 0)).toBe(true);
    } finally {
      clock.mockRestore();
    }
  });
});

describe('the boundary-statement check on a long draft and a slow clock', () => {
  function slowClock() {
    let t = 0;
    return vi.spyOn(performance, 'now').mockImplementation(() => (t += 5));
  }
  // An any-hour offer, then 150,000 characters of distinct ordinary paragraphs (no two alike, so
  // nothing is a cache hit); the hours statement, when there is one, comes last.
  const filler = Array.from({ length: 1_500 }, (_, i) => `Item ${i + 1} on the list of fixtures is checked and signed off for the ${i % 2 ? 'kitchen' : 'hall'}.`).join('\n\n');
  const offer = 'Hi Dana,\n\nText me whenever you like, even at midnight.\n\n';
  const passes = (text: string) => {
    const seen: { missing: boolean; read: number; complete: boolean }[] = [];
    for (let i = 0; i < 100; i++) {
      const r = analyzeWithReport(text, {}, false);
      seen.push({ missing: r.findings.some((f) => f.kind === 'missing' && f.pack === 'availability'), read: lastStatementReads(), complete: r.complete });
      if (r.complete) break;
    }
    return seen;
  };

  test('each pass reads a bounded share; a statement at the very end still satisfies it, and no pass says it is missing', () => {
    clearCaches();
    const clock = slowClock();
    try {
      const seen = passes(`${offer}${filler}\n\nMy working hours are Monday to Friday, 9am to 5pm.`);
      expect(seen.at(-1)!.complete).toBe(true);
      expect(seen.length).toBeGreaterThan(1);
      for (const p of seen) {
        expect(p.read).toBeLessThanOrEqual(STATEMENT_COUNTED_CHARS + MAX_CHUNK_LENGTH);
        expect(p.missing).toBe(false);
      }
    } finally {
      clock.mockRestore();
    }
  });

  test('without a statement the missing finding appears once the draft has been read to the end', () => {
    clearCaches();
    const clock = slowClock();
    try {
      const seen = passes(`${offer}${filler}`);
      expect(seen.at(-1)).toMatchObject({ complete: true, missing: true });
      expect(seen[0]!.missing).toBe(false);
    } finally {
      clock.mockRestore();
    }
  });
});

describe('cached paragraphs do not keep old drafts alive', () => {
  test('200 keystrokes in a 195,000-character draft grow the heap by a few MB, not one draft per keystroke', () => {
    // A slice keeps its whole parent string alive: before cached text was copied, each keystroke's
    // cache entry held that keystroke's 195,000-character draft (about 32 MB for 200 keystrokes).
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/fixtures/heap-growth.ts', '200'], { encoding: 'utf8' });
    expect(Number(out.trim())).toBeLessThan(12);
  }, 120_000);
});
