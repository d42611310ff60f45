// `npm run train`: builds rules/model/weights.json from the labelled corpus in rules/corpus/ (plus the
// rules' own examples). Deterministic: the same corpus gives a byte-identical file. `--check`
// trains and fails if the committed file differs (nothing is written).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadCorpusFromDisk } from './corpus-files';
import { buildModel } from '../lib/engine/model/train';

const check = process.argv.includes('--check');
const t0 = performance.now();
const { items, classWords, corpusHash, warningFloor, suggestionFloor } = loadCorpusFromDisk();
const { file, json } = buildModel(items, classWords, corpusHash, warningFloor, suggestionFloor);
const seconds = ((performance.now() - t0) / 1000).toFixed(1);

const perLabel = new Map<string, number>();
for (const it of items) perLabel.set(it.label, (perLabel.get(it.label) ?? 0) + 1);
const positives = [...perLabel].filter(([l]) => l !== 'none');
console.log(`Corpus: ${items.length} sentences, ${positives.length} intents (fewest ${Math.min(...positives.map(([, n]) => n))}), ${perLabel.get('none') ?? 0} negatives`);
console.log(`Held out: ${JSON.stringify(file.heldOut)}`);
console.log(`Temperature ${file.temperature}, thresholds ${JSON.stringify(file.thresholds)}`);
console.log(`Model: ${(json.length / 1024).toFixed(0)} KB, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped; trained in ${seconds} s`);

const OUT = 'rules/model/weights.json';
if (check) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== json) {
    console.error(`${OUT} is not what the corpus trains to: run npm run train and commit it.`);
    process.exit(1);
  }
  console.log(`${OUT} is current.`);
} else {
  writeFileSync(OUT, json);
  console.log(`Wrote ${OUT}.`);
}
