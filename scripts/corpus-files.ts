// Node-only: reads rules/corpus/ and the rules' examples from disk for `npm run train` and the
// model's tests. Lives outside lib/engine (which stays pure) so the corpus never enters the bundle.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../lib/engine/index';
import type { PackDef } from '../lib/engine/pack-types';
import { PACK_FILES } from '../rules/index';
import { buildCorpus, type CorpusItem, type IntentFile, type NegativeFile, type NegativeTemplateFile, type RuleExamples, type TemplateFile } from '../lib/engine/model/corpus';
import { corpusHashOf } from '../lib/engine/model/train';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../rules/corpus');
export const CORPUS_PACKS = ['personal', 'availability', 'confidentiality', 'assertiveness', 'scope', 'tone', 'paraphrases', 'registers', 'widened'];
/** Files of further negatives (sentences and templates over their own slots). */
export const NEGATIVE_FILES = ['office', 'widened-negatives', 'invoiced-work-negatives'];

export function loadCorpusFromDisk(): { items: CorpusItem[]; classWords: Record<string, string[]>; corpusHash: string; warningFloor: number; suggestionFloor: number } {
  const read = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8');
  const packSources = CORPUS_PACKS.map((p) => read(`${p}.json`));
  const negSource = read('negatives.json');
  const tplSource = read('templates.json');
  const moreSources = NEGATIVE_FILES.map((n) => read(`${n}.json`));
  const classSource = readFileSync(path.resolve(CORPUS_DIR, '../classes.json'), 'utf8');
  const examples: RuleExamples[] = [];
  for (const pack of Object.values(PACK_FILES) as PackDef[]) {
    for (const rule of pack.rules) {
      if (rule.kind === 'missing') continue;
      examples.push({
        intent: `${pack.id}/${rule.id}`,
        flag: rule.examples.flag.filter((f) => !f.settings).map((f) => ({ text: f.text, ...(f.span ? { span: f.span } : {}) })),
        pass: rule.examples.pass.filter((p): p is string => typeof p === 'string'),
      });
    }
  }
  // The rewrites' own outputs are what a boundary-keeping sentence looks like: never a hit.
  for (const pack of Object.keys(PACK_FILES)) {
    let file: { intents?: Record<string, { examples?: { output?: string }[] }> };
    try {
      file = JSON.parse(readFileSync(path.resolve(CORPUS_DIR, '../rewrites', `${pack}.json`), 'utf8'));
    } catch {
      continue;
    }
    for (const [intent, def] of Object.entries(file.intents ?? {})) {
      const target = examples.find((e) => e.intent === `${pack}/${intent}`);
      const outputs = (def.examples ?? []).map((e) => e.output).filter((o): o is string => !!o && o.trim().length > 0);
      if (target) target.pass.push(...outputs);
    }
  }
  const items = buildCorpus({
    packs: packSources.map((s) => JSON.parse(s) as IntentFile),
    negatives: JSON.parse(negSource) as NegativeFile,
    templates: JSON.parse(tplSource) as TemplateFile,
    moreNegatives: NEGATIVE_FILES.map((name, i) => ({ name, file: JSON.parse(moreSources[i]!) as NegativeTemplateFile })),
    examples,
    // A near miss of one rule may be a hit of another: only texts no rule flags become negatives.
    isCleanNegative: (text) => analyze(text, { model: false }).length === 0,
  });
  const classWords = Object.fromEntries(
    Object.entries((JSON.parse(classSource) as { classes: Record<string, { words: string[] }> }).classes).map(([k, v]) => [k, v.words]),
  );
  // The hash covers rules/corpus/ only: new rule examples or class words do not make the committed model stale.
  const calibrationSource = read('calibration.json');
  const calibration = JSON.parse(calibrationSource) as { warningFloor: number; suggestionFloor: number };
  return { items, classWords, warningFloor: calibration.warningFloor, suggestionFloor: calibration.suggestionFloor, corpusHash: corpusHashOf([...packSources, negSource, tplSource, ...moreSources, calibrationSource]) };
}
