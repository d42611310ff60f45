// The learned sentence model at inference: one sentence in, the most likely intent, its calibrated
// confidence and the word that carried it (the focus conditions look at). Weights come from
// rules/model/weights.json (built by `npm run train`) and are decoded once, on first use. Pure; no DOM.
import MODEL_JSON from '../../../rules/model/weights.json';
import { buildClassTable, featurize, type ClassTable } from './features';
import { decodeWeights, rowFor, type ModelFile, type WeightTable } from './weights';

export interface Prediction {
  /** Full intent id, e.g. `personal/affection`. */
  intent: string;
  /** Calibrated probability that the sentence does this intent. */
  confidence: number;
  /** The words that carried the prediction, as offsets into the sentence. */
  focus: { start: number; end: number };
}

interface Loaded {
  file: ModelFile;
  table: WeightTable;
  classes: ClassTable;
  z: Float64Array;
}

let loaded: Loaded | null = null;

function model(): Loaded {
  if (loaded) return loaded;
  const file = MODEL_JSON as ModelFile;
  loaded = { file, table: decodeWeights(file), classes: buildClassTable(file.classes), z: new Float64Array(file.labels.length) };
  return loaded;
}

/** The model's calibrated thresholds. */
export function modelThresholds(): ModelFile['thresholds'] {
  return model().file.thresholds;
}

/** Words a sentence must have before the model reads it: shorter ones carry no intent it can judge. */
export const MIN_TOKENS = 2;
/** Longer sentences are read on their first characters only (the bound on work per sentence). */
export const MAX_MODEL_CHARS = 400;

/** The top intent of a sentence, or null when its confidence is below the suggestion threshold. */
export function predict(sentence: string, floor = model().file.thresholds.suggestion): Prediction | null {
  const m = model();
  const { table, file, z } = m;
  const f = featurize(sentence.length > MAX_MODEL_CHARS ? sentence.slice(0, MAX_MODEL_CHARS) : sentence, m.classes);
  if (f.tokens.length < MIN_TOKENS) return null;
  const K = file.labels.length;
  if (K < 2) return null;
  z.fill(0);
  const rows: number[] = [];
  const owners: number[] = [];
  for (let i = 0; i < f.hashes.length; i++) {
    const r = rowFor(table, f.hashes[i]!);
    if (r < 0) continue;
    rows.push(r);
    owners.push(f.owners[i]!);
  }
  const v = 1 / Math.sqrt(f.hashes.length || 1);
  for (const r of rows) {
    for (let j = table.rowStart[r]!; j < table.rowStart[r + 1]!; j++) z[table.labels[j]!]! += table.values[j]! * v;
  }
  // Softmax at the fitted temperature; the best intent other than `none`.
  const T = file.temperature;
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, z[k]! / T);
  let sum = 0;
  let best = 1;
  for (let k = 0; k < K; k++) {
    sum += Math.exp(z[k]! / T - max);
    if (k > 1 && z[k]! > z[best]!) best = k;
  }
  const p = Math.min(1 - 1e-9, Math.max(1e-9, Math.exp(z[best]! / T - max) / sum));
  const confidence = 1 / (1 + Math.exp(-(file.platt.a * Math.log(p / (1 - p)) + file.platt.b)));
  if (confidence < floor) return null;
  // The focus: the word whose features gave the winning intent the most weight.
  const byToken = new Float64Array(f.tokens.length);
  rows.forEach((r, i) => {
    const owner = owners[i]!;
    if (owner < 0) return;
    for (let j = table.rowStart[r]!; j < table.rowStart[r + 1]!; j++) if (table.labels[j] === best) byToken[owner]! += table.values[j]!;
  });
  let top = 0;
  for (let i = 1; i < byToken.length; i++) if (byToken[i]! > byToken[top]!) top = i;
  const tok = f.tokens[top]!;
  return { intent: file.labels[best]!, confidence, focus: { start: tok.start, end: tok.end } };
}
