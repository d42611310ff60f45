// The sentence model's weights file (rules/model/weights.json): sparse int8 weights per hashed feature,
// packed as base64 so the file stays small in the background bundle. Encoding is byte-exact and
// deterministic: the same weights always give the same file.

export interface ModelFile {
  about: string;
  version: 1;
  /** FNV hash of the corpus files the weights were trained from (tests check it is current). */
  corpusHash: string;
  /** Class labels; index 0 is `none`, the others full intent ids. */
  labels: string[];
  /** Weight of one int8 step. */
  scale: number;
  /** Softmax temperature fitted on the held-out split. */
  temperature: number;
  /** Platt scaling of the top intent's probability, fitted on the held-out split: confidence = σ(a·logit(p) + b). */
  platt: { a: number; b: number };
  /** Confidence at or above which a candidate is a finding at the intent's own severity, or a suggestion. */
  thresholds: { warning: number; suggestion: number };
  /** The word classes as the model was trained with them. */
  classes: Record<string, string[]>;
  /** Sorted feature hashes, delta-encoded as unsigned LEB128, base64. */
  keys: string;
  /** Per key: a count, then (label index, int8 weight) pairs, base64. */
  weights: string;
  /** Figures of the held-out split, from a model trained without it. */
  heldOut: Record<string, number>;
}

/** Sparse weights: for each feature hash, the labels it votes for and how strongly (int8 steps). */
export type SparseWeights = Map<number, [number, number][]>;

function toBase64(bytes: number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.slice(i, i + 8192));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeWeights(w: SparseWeights): { keys: string; weights: string } {
  const sorted = [...w.keys()].sort((a, b) => a - b);
  const keyBytes: number[] = [];
  const wBytes: number[] = [];
  let prev = 0;
  for (const k of sorted) {
    let d = k - prev;
    prev = k;
    do {
      const b = d % 128;
      d = Math.floor(d / 128);
      keyBytes.push(d > 0 ? b | 128 : b);
    } while (d > 0);
    const row = w.get(k)!;
    wBytes.push(row.length);
    for (const [label, q] of row) wBytes.push(label, q & 255);
  }
  return { keys: toBase64(keyBytes), weights: toBase64(wBytes) };
}

/** Decoded weights laid out for lookups: an open-addressing table of hashes → row, rows of (label, weight). */
export interface WeightTable {
  slots: Uint32Array;
  /** Row index + 1 per slot (0: empty). */
  rowOf: Int32Array;
  mask: number;
  rowStart: Int32Array;
  labels: Uint8Array;
  values: Float32Array;
}

export function decodeWeights(file: Pick<ModelFile, 'keys' | 'weights' | 'scale'>): WeightTable {
  const kb = fromBase64(file.keys);
  const wb = fromBase64(file.weights);
  const keys: number[] = [];
  let prev = 0;
  for (let i = 0; i < kb.length; ) {
    let d = 0;
    let mul = 1;
    let b: number;
    do {
      b = kb[i++]!;
      d += (b & 127) * mul;
      mul *= 128;
    } while (b & 128);
    prev += d;
    keys.push(prev);
  }
  let size = 1;
  while (size < keys.length * 4) size <<= 1;
  const slots = new Uint32Array(size);
  const rowOf = new Int32Array(size);
  const rowStart = new Int32Array(keys.length + 1);
  const total = wb.length;
  const labels = new Uint8Array(total);
  const values = new Float32Array(total);
  let at = 0;
  let n = 0;
  for (let r = 0; r < keys.length; r++) {
    rowStart[r] = n;
    const count = wb[at++]!;
    for (let j = 0; j < count; j++) {
      labels[n] = wb[at++]!;
      const q = wb[at++]!;
      values[n] = (q > 127 ? q - 256 : q) * file.scale;
      n++;
    }
    let s = home(keys[r]!, size - 1);
    while (rowOf[s] !== 0) s = (s + 1) & (size - 1);
    slots[s] = keys[r]!;
    rowOf[s] = r + 1;
  }
  rowStart[keys.length] = n;
  return { slots, rowOf, mask: size - 1, rowStart, labels, values };
}

/** The slot a hash starts probing at: murmur3's finaliser spreads FNV's weak low bits. */
function home(hash: number, mask: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/** The row of a feature hash, or -1. */
export function rowFor(t: WeightTable, hash: number): number {
  let s = home(hash, t.mask);
  while (t.rowOf[s] !== 0) {
    if (t.slots[s] === hash) return t.rowOf[s]! - 1;
    s = (s + 1) & t.mask;
  }
  return -1;
}
