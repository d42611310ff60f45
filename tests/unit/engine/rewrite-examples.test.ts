// Every intent's rewrite examples (rules/rewrites/*.json), run as a user would: the card that
// carries the intent (alone or with the other findings of its sentence), its first rewrite applied.
import { describe, expect, test } from 'vitest';
import { analyze, applySuggestion, compiledRules, type AnalyzeOptions } from '../../../lib/engine/index';
import { REWRITE_FILES } from '../../../lib/engine/rewrite/index';

const CASES = ['mid-sentence', 'emoji-or-name', 'two-findings'] as const;

for (const file of Object.values(REWRITE_FILES)) {
  for (const [intent, entry] of Object.entries(file.intents)) {
    describe(`${file.pack}/${intent}`, () => {
      test('has an example of each kind: mid-sentence, with an emoji or a name, with two findings in one sentence', () => {
        const cases = new Set((entry.examples ?? []).map((e) => (e as { case?: string }).case));
        for (const c of CASES) expect(cases, c).toContain(c);
      });
      for (const ex of entry.examples ?? []) {
        test(`rewrites: ${JSON.stringify(ex.text)}`, () => {
          const options = { ...(ex.settings as AnalyzeOptions | undefined) };
          const card = analyze(ex.text, options).find(
            (f) => (f.pack === file.pack && f.rule === intent) || f.also?.some((a) => a.pack === file.pack && a.rule === intent),
          );
          expect(card, 'a card carries this intent').toBeDefined();
          expect(applySuggestion(ex.text, card!, 0)).toBe(ex.output);
          // Accepting leaves no warning over the new text.
          const after = analyze(ex.output, options).filter((f) => f.kind === 'span' && f.severity !== 'suggestion');
          expect(after.map((f) => `${f.pack}/${f.rule}`)).toEqual([]);
        });
      }
    });
  }
}

test('every span intent of the packs has rewrite data', () => {
  const missing = compiledRules()
    .filter((r) => r.def.kind !== 'missing')
    .map((r) => r.fullId)
    .filter((id) => !Object.values(REWRITE_FILES).some((f) => `${f.pack}/${Object.keys(f.intents).find((i) => `${f.pack}/${i}` === id)}` === id));
  expect(missing).toEqual([]);
});
