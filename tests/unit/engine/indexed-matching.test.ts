// Token patterns are matched through a per-paragraph word index (lib/engine/word-index.ts): the
// gate is tried only where its words start, sentences missing a required element are skipped, and
// the pattern is tried only where its first element's words start. All of it must find exactly
// what scanning each sentence with the regexes finds; a miss here is a finding the user never sees.
import { describe, expect, test } from 'vitest';
import { analyze, analyzeWithReport, clearCaches, compiledRules } from '../../../lib/engine/index';
import type { Variant } from '../../../lib/engine/load-packs';
import { windowMatches } from '../../../lib/engine/matchers/span';
import { GUARANTEED_PARSES, nlpParseCount } from '../../../lib/engine/nlp';
import { normalize } from '../../../lib/engine/normalize';
import { openingRun } from '../../../lib/engine/token-pattern';
import { startsOf, startsWithin, stopsOf, wordIndex, wordSet } from '../../../lib/engine/word-index';

/** The matching as it was before the index: the gate scans the paragraph, the pattern scans each sentence it opens. */
function scanned(re: RegExp, gate: RegExp, norm: string): string[] {
  const out: string[] = [];
  gate.lastIndex = 0;
  let done = 0;
  let g: RegExpExecArray | null;
  while ((g = gate.exec(norm)) !== null) {
    if (g.index + g[0].length <= done) continue;
    let s = g.index;
    while (s > 0 && !/[.!?\n]/.test(norm[s - 1]!)) s--;
    let e = g.index + g[0].length;
    while (e < norm.length && !/[.!?\n]/.test(norm[e]!)) e++;
    e = Math.min(norm.length, e + 1);
    const from = Math.max(s, done);
    const part = norm.slice(from, e);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      else out.push(`${from + m.index}:${m[0]}`);
    }
    done = e;
    if (gate.lastIndex < e) gate.lastIndex = e;
  }
  return out;
}

function indexed(re: RegExp, variant: Variant, norm: string): string[] {
  const ctx = { norm, words: wordIndex(norm), stops: stopsOf(norm) };
  return [...windowMatches(re, variant, ctx)].map(([m, offset]) => `${offset + m.index}:${m[0]}`);
}

const windowed = compiledRules().flatMap((r) => r.regexes.flatMap((re, k) => (r.variants[k]?.window ? [{ id: r.fullId, re, variant: r.variants[k]! }] : [])));

// Every rule's own examples, and the same words in the places an index could get wrong: after an
// apostrophe or an underscore, in capitals, against letters of other scripts, a Kelvin sign (which
// lower-cases to "k"), several to a sentence, across line breaks, and in one long run-on.
const examples = compiledRules().flatMap((r) => [...r.def.examples.flag, ...r.def.examples.pass].map((e) => (typeof e === 'string' ? e : e.text)));
const texts = [
  ...examples,
  ...examples.slice(0, 120).map((t) => t.toUpperCase()),
  ...examples.slice(0, 120).map((t) => t.replace(/ /g, " '")),
  ...examples.slice(0, 120).map((t) => t.replace(/ /g, '_')),
  ...examples.slice(0, 120).map((t) => `é${t.replace(/ /g, ' é')}`),
  ...examples.slice(0, 60).map((t) => t.replace(/k/g, '\u212A')),
  ...examples.slice(0, 60).map((t) => t.replace(/ /g, '\n')),
  examples.slice(0, 200).join(' and '),
  examples.slice(200, 400).join(', '),
  examples.slice(0, 300).join(' '),
].map(normalize);

describe('indexed token-pattern matching finds what the scans find', () => {
  test('there are token patterns to check, nearly all indexed', () => {
    expect(windowed.length).toBeGreaterThan(50);
    expect(windowed.filter((w) => w.variant.gateAt && w.variant.at).length / windowed.length).toBeGreaterThan(0.8);
  });

  test.each(windowed.map((w, i) => [`${w.id} #${i}`, w] as const))('%s', (_, w) => {
    for (const text of texts) expect(indexed(w.re, w.variant, text), text).toEqual(scanned(w.re, w.variant.gate!, text));
  });
});

describe('the word index', () => {
  test('words are folded to lower case and found with their inner runs', () => {
    const idx = wordIndex("It's 'Call' me_now, CAFÉ");
    expect(idx.byWord.get("it's")).toEqual([0]);
    expect(idx.byWord.get('it')).toEqual([0]);
    expect(idx.byWord.get('s')).toEqual([3]);
    expect(idx.byWord.get("'call'")).toEqual([5]);
    expect(idx.byWord.get('call')).toEqual([6]);
    expect(idx.byWord.get('me')).toEqual([12]);
    expect(idx.byWord.get('now')).toEqual([15]);
    expect(idx.byWord.get('caf')).toEqual([20]);
  });

  test('starts of a set of words, in a range, in order and once each', () => {
    const idx = wordIndex("call me, call me now; it's it");
    const set = wordSet(['call', 'it', "it's"]);
    expect(startsOf(idx, set)).toEqual([0, 9, 22, 27]);
    expect(startsWithin(idx, set, 1, 23)).toEqual([9, 22]);
    // A long range looks the set's words up instead of reading each word: same answer.
    const long = wordIndex(`${'word '.repeat(400)}call it`);
    expect(startsWithin(long, set, 0, 5_000)).toEqual([2000, 2005]);
  });

  test('the opening runs a word regex can start with', () => {
    expect(openingRun('call')).toEqual(['call']);
    expect(openingRun('any time')).toEqual(['any']);
    expect(openingRun('24/7')).toEqual(['24']);
    expect(openingRun("i'm")).toEqual(['i', 'im']);
    expect(openingRun("'ll")).toBeNull();
    expect(openingRun('<3')).toBeNull();
    expect(openingRun("y'all'd")).toBeNull();
  });
});

describe('grammar has a time budget, and an analysis cut short is finished by the next ones', () => {
  // Negated offers in separate paragraphs, each clause its own: each needs a parse to decide the negation.
  const names = ['Sam', 'Alex', 'Jo', 'Kim', 'Lee', 'Max', 'Ana', 'Tom'];
  const text = names.map((n) => `Honestly ${n} you shouldn't ever hesitate to call me anytime.`).join('\n\n');

  test('more than the guaranteed parses are needed (or the budget is not under test)', () => {
    clearCaches();
    const before = nlpParseCount();
    analyze(text, { grammarTimeBudgetMs: Infinity });
    expect(nlpParseCount() - before).toBeGreaterThan(GUARANTEED_PARSES);
  });

  test('with no time for grammar, a pass is incomplete, and repeated passes reach the full answer', () => {
    clearCaches();
    const full = analyze(text, { grammarTimeBudgetMs: Infinity });
    clearCaches();
    let report = analyzeWithReport(text, { grammarTimeBudgetMs: 0 });
    expect(report.complete).toBe(false);
    let passes = 1;
    for (; !report.complete && passes < 20; passes++) report = analyzeWithReport(text, { grammarTimeBudgetMs: 0 });
    expect(report.complete).toBe(true);
    expect(passes).toBeGreaterThan(1);
    expect(report.findings).toEqual(full);
  });
});
