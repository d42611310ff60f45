// Runs every example of every rule (ESLint's RuleTester idea): `flag` texts must produce exactly
// one finding of that rule (on the given span), `pass` texts none. This is detection, so it reads
// detect(). The packs' old `rewrite` examples are superseded by rules/rewrites/*.json (run by
// tests/unit/engine/rewrite-examples.test.ts) wherever that data covers the intent.
import { describe, expect, test } from 'vitest';
import { applySuggestion, detect, type AnalyzeOptions } from '../../lib/engine/index';
import { INTENT_REWRITES } from '../../lib/engine/rewrite/index';
import type { PackDef } from '../../lib/engine/pack-types';
import { PACK_FILES } from '../../rules/index';

const packs = Object.values(PACK_FILES) as PackDef[];

function optionsFor(settings?: Record<string, unknown>): AnalyzeOptions {
  return { ...(settings as AnalyzeOptions | undefined) };
}

for (const pack of packs) {
  for (const rule of pack.rules) {
    describe(`${pack.id}/${rule.id}`, () => {
      const ofRule = (text: string, settings?: Record<string, unknown>) =>
        detect(text, optionsFor(settings)).filter((f) => f.pack === pack.id && f.rule === rule.id);

      for (const ex of rule.examples.flag) {
        test(`flags: ${JSON.stringify(ex.text)}`, () => {
          const found = ofRule(ex.text, ex.settings);
          expect(found, 'exactly one finding of this rule').toHaveLength(1);
          const f = found[0]!;
          if (ex.span !== undefined) expect(ex.text.slice(f.start, f.end)).toBe(ex.span);
          if (f.severity !== 'suggestion') expect(f.suggestions.length).toBeGreaterThan(0);
          expect(f.message).not.toMatch(/\{[A-Za-z]+\}/);
          for (const s of f.suggestions) expect(s).not.toMatch(/\{[A-Za-z]+\}/);
        });
      }
      for (const ex of rule.examples.pass) {
        const { text, settings } = typeof ex === 'string' ? { text: ex, settings: undefined } : ex;
        test(`does not flag: ${JSON.stringify(text)}`, () => {
          expect(ofRule(text, settings)).toEqual([]);
        });
      }
      for (const ex of INTENT_REWRITES.has(`${pack.id}/${rule.id}`) ? [] : (rule.examples.rewrite ?? [])) {
        test(`rewrites: ${JSON.stringify(ex.text)}`, () => {
          const found = ofRule(ex.text, ex.settings);
          expect(found.length, 'the rewrite input must flag this rule').toBeGreaterThan(0);
          expect(applySuggestion(ex.text, found[0]!, 0)).toBe(ex.output);
        });
      }
    });
  }
}
