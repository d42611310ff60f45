// Trains the sentence model: multinomial logistic regression over the hashed features of
// features.ts, by stochastic gradient descent with a fixed seed, a fixed number of epochs and a
// fixed learning-rate schedule, so the same corpus always gives the same weights. Then fits a
// softmax temperature and confidence thresholds on the held-out split. Pure; Node and tests use it.
import { isHeldOut, NONE, rng, type CorpusItem } from './corpus';
import { buildClassTable, featurize, hashString, type ClassTable } from './features';
import { encodeWeights, type ModelFile, type SparseWeights } from './weights';

export const EPOCHS = 10;
export const L2 = 1e-5;
export const SEED = 20261201;
/** Negatives weigh this much more than positives in the loss: a false alarm on ordinary mail costs more than a miss. */
export const NEGATIVE_WEIGHT = 2;
/** Weights smaller than this many int8 steps are dropped (keeps the file small). */
export const PRUNE_STEPS = 2;

export interface Trained {
  labels: string[];
  /** Feature hash → dense row index. */
  index: Map<number, number>;
  w: Float64Array;
  classes: ClassTable;
}

interface Sample {
  rows: number[];
  y: number;
}

function samplesOf(items: CorpusItem[], labels: string[], classes: ClassTable, index: Map<number, number>, grow: boolean): Sample[] {
  const labelIx = new Map(labels.map((l, i) => [l, i]));
  return items.map((it) => {
    const f = featurize(it.text, classes);
    const rows: number[] = [];
    for (const h of f.hashes) {
      let r = index.get(h);
      if (r === undefined && grow) index.set(h, (r = index.size));
      if (r !== undefined) rows.push(r);
    }
    return { rows, y: labelIx.get(it.label) ?? 0 };
  });
}

export function labelsOf(items: CorpusItem[]): string[] {
  return [NONE, ...[...new Set(items.map((i) => i.label).filter((l) => l !== NONE))].sort()];
}

export function train(items: CorpusItem[], labels: string[], classes: ClassTable): Trained {
  const index = new Map<number, number>();
  const samples = samplesOf(items, labels, classes, index, true);
  const K = labels.length;
  const w = new Float64Array(index.size * K);
  const order = samples.map((_, i) => i);
  const r = rng(SEED);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = 0.8 / (1 + 0.4 * epoch);
    for (const si of order) {
      const s = samples[si]!;
      const v = 1 / Math.sqrt(s.rows.length || 1);
      z.fill(0);
      for (const row of s.rows) for (let k = 0, o = row * K; k < K; k++) z[k]! += w[o + k]! * v;
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (z[k]! > max) max = z[k]!;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += (z[k] = Math.exp(z[k]! - max));
      for (let k = 0; k < K; k++) z[k] = z[k]! / sum - (k === s.y ? 1 : 0);
      const step = s.y === 0 ? lr * NEGATIVE_WEIGHT : lr;
      for (const row of s.rows) {
        for (let k = 0, o = row * K; k < K; k++) w[o + k] = w[o + k]! - step * (z[k]! * v + L2 * w[o + k]!);
      }
    }
  }
  return { labels, index, w, classes };
}

/** Raw scores of a text under trained (unquantised) weights. */
export function scores(t: Trained, text: string): Float64Array {
  const K = t.labels.length;
  const f = featurize(text, t.classes);
  const rows: number[] = [];
  for (const h of f.hashes) {
    const r = t.index.get(h);
    if (r !== undefined) rows.push(r);
  }
  const v = 1 / Math.sqrt(f.hashes.length || 1);
  const z = new Float64Array(K);
  for (const row of rows) for (let k = 0; k < K; k++) z[k]! += t.w[row * K + k]! * v;
  return z;
}

export function softmax(z: ArrayLike<number>, temperature: number): Float64Array {
  const p = new Float64Array(z.length);
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) max = Math.max(max, z[k]! / temperature);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += (p[k] = Math.exp(z[k]! / temperature - max));
  for (let k = 0; k < z.length; k++) p[k] = p[k]! / sum;
  return p;
}

/** The best intent (never `none`) and its probability. */
export function topIntent(p: ArrayLike<number>): { k: number; p: number } {
  let k = 1;
  for (let j = 2; j < p.length; j++) if (p[j]! > p[k]!) k = j;
  return { k, p: p[k]! };
}

export interface Calibration {
  temperature: number;
  /** Platt scaling of the top intent's probability: confidence = σ(a·logit(p) + b). */
  platt: { a: number; b: number };
  thresholds: { warning: number; suggestion: number };
  heldOut: Record<string, number>;
}

/** Precision wanted at each threshold on the held-out split. */
export const WARNING_PRECISION = 0.9;
export const SUGGESTION_PRECISION = 0.75;

const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));
/** The calibrated confidence of a top-intent probability. */
export const plattConfidence = (p: number, platt: { a: number; b: number }) => 1 / (1 + Math.exp(-(platt.a * logit(p) + platt.b)));

/**
 * Fits the calibration on held-out items under a model trained without them: the softmax
 * temperature (least log loss over all labels), then Platt scaling of the top intent's probability
 * against whether it was right (so a confidence of 0.8 is right about 80% of the time), then the
 * thresholds that reach the wanted precision.
 */
export function calibrate(t: Trained, heldOut: CorpusItem[]): Calibration {
  const z = heldOut.map((it) => scores(t, it.text));
  const y = heldOut.map((it) => Math.max(0, t.labels.indexOf(it.label)));
  let best = { T: 1, nll: Infinity };
  for (let i = 5; i <= 30; i++) {
    const T = i / 10;
    let nll = 0;
    z.forEach((zi, j) => (nll -= Math.log(Math.max(1e-12, softmax(zi, T)[y[j]!]!))));
    if (nll < best.nll) best = { T, nll };
  }
  const raw = z.map((zi, i) => {
    const top = topIntent(softmax(zi, best.T));
    return { p: top.p, correct: top.k === y[i], positive: y[i] !== 0 };
  });
  let platt = { a: 1, b: 0 };
  let bestLoss = Infinity;
  for (let ai = 2; ai <= 40; ai++) {
    for (let bi = -40; bi <= 40; bi++) {
      const cand = { a: ai / 10, b: bi / 10 };
      let loss = 0;
      for (const q of raw) {
        const c = Math.min(1 - 1e-9, Math.max(1e-9, plattConfidence(q.p, cand)));
        loss -= q.correct ? Math.log(c) : Math.log(1 - c);
      }
      if (loss < bestLoss - 1e-12) {
        bestLoss = loss;
        platt = cand;
      }
    }
  }
  const preds = raw.map((q) => ({ ...q, p: plattConfidence(q.p, platt) }));
  const precisionAt = (th: number) => {
    const sel = preds.filter((q) => q.p >= th);
    return { n: sel.length, precision: sel.length ? sel.filter((q) => q.correct).length / sel.length : 1 };
  };
  const pick = (want: number) => {
    for (let i = 20; i <= 99; i++) {
      const at = precisionAt(i / 100);
      if (at.precision >= want && at.n > 0) return i / 100;
    }
    return 0.99;
  };
  const warning = pick(WARNING_PRECISION);
  const suggestion = Math.min(warning, pick(SUGGESTION_PRECISION));
  const positives = preds.filter((q) => q.positive);
  const negatives = preds.filter((q) => !q.positive);
  return {
    temperature: best.T,
    platt,
    thresholds: { warning, suggestion },
    heldOut: {
      items: preds.length,
      positives: positives.length,
      recallAtWarning: positives.filter((q) => q.correct && q.p >= warning).length / Math.max(1, positives.length),
      falseAlarmsAtWarning: negatives.filter((q) => q.p >= warning).length / Math.max(1, negatives.length),
      precisionAtWarning: precisionAt(warning).precision,
      accuracy: preds.filter((q) => (q.positive ? q.correct : true)).length / Math.max(1, preds.length),
    },
  };
}

/** Quantises trained weights to int8 steps, dropping the small ones. */
export function quantise(t: Trained): { weights: SparseWeights; scale: number } {
  const K = t.labels.length;
  let max = 0;
  for (const x of t.w) max = Math.max(max, Math.abs(x));
  const scale = Number((max / 127).toPrecision(6));
  const out: SparseWeights = new Map();
  for (const [hash, row] of t.index) {
    const entries: [number, number][] = [];
    for (let k = 0; k < K; k++) {
      const q = Math.round(t.w[row * K + k]! / scale);
      if (Math.abs(q) >= PRUNE_STEPS) entries.push([k, Math.max(-127, Math.min(127, q))]);
    }
    if (entries.length) out.set(hash, entries);
  }
  return { weights: out, scale };
}

export interface TrainResult {
  file: ModelFile;
  /** The model file as committed: JSON with a final newline. */
  json: string;
}

/** Trains on everything, after calibrating on a split model; returns the model file. */
export function buildModel(items: CorpusItem[], classWords: Record<string, string[]>, corpusHash: string, warningFloor = 0, suggestionFloor = 0): TrainResult {
  const classes = buildClassTable(classWords);
  const labels = labelsOf(items);
  const split = train(items.filter((i) => !isHeldOut(i)), labels, classes);
  const cal = calibrate(split, items.filter(isHeldOut));
  const full = train(items, labels, classes);
  const { weights, scale } = quantise(full);
  const packed = encodeWeights(weights);
  const file: ModelFile = {
    about: 'Clearline sentence model: multinomial logistic regression over hashed words, bigrams, character n-grams and word classes. Built by `npm run train` from rules/corpus/; do not edit.',
    version: 1,
    corpusHash,
    labels,
    scale,
    temperature: cal.temperature,
    platt: cal.platt,
    // The held-out split picks the thresholds; real mail may only raise the warning one (warningFloor).
    thresholds: { warning: Math.max(cal.thresholds.warning, warningFloor), suggestion: Math.max(cal.thresholds.suggestion, suggestionFloor) },
    classes: classWords,
    keys: packed.keys,
    weights: packed.weights,
    heldOut: Object.fromEntries(Object.entries({ ...cal.heldOut, warningThreshold: cal.thresholds.warning }).map(([k, v]) => [k, Number(v.toFixed(4))])),
  };
  return { file, json: `${JSON.stringify(file)}\n` };
}

/** FNV hash of the corpus sources, in a fixed order. */
export function corpusHashOf(sources: string[]): string {
  return sources.map((s, i) => hashString(s, i).toString(16).padStart(8, '0')).join('');
}
