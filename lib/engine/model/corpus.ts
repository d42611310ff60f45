// The labelled corpus the sentence model learns from, assembled deterministically from the files in
// rules/corpus/: hand-written sentences per intent, hard negatives, templates × slots, a typed-fast
// variant of some hand-written sentences (lower case, no apostrophes, text-speak), and the rules'
// own examples. Every item has a `group` (its source sentence or template), and the held-out split
// is decided per group, so a template's siblings never sit on both sides of it.
import { hashString } from './features';

export const NONE = 'none';

export interface CorpusItem {
  text: string;
  /** Full intent id (`personal/affection`) or NONE. */
  label: string;
  group: string;
  source: 'hand' | 'variant' | 'template' | 'example';
}

export interface IntentFile {
  intents: Record<string, string[]>;
}
export interface NegativeFile {
  sentences: string[];
}
export interface TemplateFile {
  slots: Record<string, string[]>;
  extraSlots?: Record<string, string[]>;
  intents: Record<string, string[]>;
  negatives: string[];
}
/** A rule's examples: flag texts (with an optional span) and pass texts. */
export interface RuleExamples {
  intent: string;
  flag: { text: string; span?: string }[];
  pass: string[];
}

/** A small seeded generator (mulberry32): the same seed gives the same corpus everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One in five groups is held out for checking and calibration. */
export const isHeldOut = (item: CorpusItem) => hashString(item.group, 97) % 5 === 0;

const TEXT_SPEAK: [RegExp, string][] = [
  [/\byou\b/g, 'u'], [/\byour\b/g, 'ur'], [/\bare\b/g, 'r'], [/\bplease\b/g, 'pls'], [/\btonight\b/g, '2nite'],
  [/\blove\b/g, 'luv'], [/\bthanks\b/g, 'thx'], [/\btomorrow\b/g, 'tmrw'], [/\bbecause\b/g, 'cuz'],
];

/** How the same sentence looks typed fast on a phone. */
export function typedFast(text: string, r: () => number): string {
  let s = text.toLowerCase().replace(/'/g, '');
  for (const [re, to] of TEXT_SPEAK) if (r() < 0.7) s = s.replace(re, to);
  if (r() < 0.6) s = s.replace(/[.!]+$/, '');
  if (r() < 0.3) s = s.replace(/,/g, '');
  return s;
}

function expand(template: string, slots: Record<string, string[]>, r: () => number, depth = 0): string {
  return template.replace(/\{([A-Z_]+)\}/g, (whole, name: string) => {
    const values = slots[name];
    if (!values || depth > 3) return whole;
    return expand(values[Math.floor(r() * values.length)]!, slots, r, depth + 1);
  });
}

/** Samples of one template, deduplicated, in a fixed order. */
function samples(template: string, slots: Record<string, string[]>, count: number, seed: number): string[] {
  const r = rng(seed);
  const out = new Set<string>();
  for (let i = 0; i < count * 4 && out.size < count; i++) {
    let s = expand(template, slots, r).replace(/\s+([,.!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
    s = s[0]!.toUpperCase() + s.slice(1);
    out.add(s);
  }
  return [...out];
}

/** Sentences of a short text (examples may hold several). */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
}

/** More negatives: hand-written sentences and templates over their own slots. */
export interface NegativeTemplateFile {
  sentences: string[];
  slots: Record<string, string[]>;
  extraSlots?: Record<string, string[]>;
  negatives: string[];
}

export interface CorpusFiles {
  packs: IntentFile[];
  negatives: NegativeFile;
  templates: TemplateFile;
  moreNegatives?: { name: string; file: NegativeTemplateFile }[];
  examples: RuleExamples[];
  /** Decides whether a rule's pass example is clean of every rule (so it can serve as a negative). */
  isCleanNegative?: (text: string) => boolean;
}

export const TEMPLATE_SAMPLES = 12;
export const NEGATIVE_TEMPLATE_SAMPLES = 30;

/** The whole corpus in a fixed order. */
export function buildCorpus(files: CorpusFiles): CorpusItem[] {
  const items: CorpusItem[] = [];
  const seen = new Set<string>();
  const push = (item: CorpusItem) => {
    const key = item.text.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  const hand = (text: string, label: string) => {
    push({ text, label, group: text, source: 'hand' });
    const r = rng(hashString(text, 5));
    if (r() < 0.5) push({ text: typedFast(text, r), label, group: text, source: 'variant' });
  };
  for (const pack of files.packs) for (const [intent, list] of Object.entries(pack.intents)) for (const t of list) hand(t, intent);
  for (const t of files.negatives.sentences) hand(t, NONE);
  const slots = { ...files.templates.slots, ...(files.templates.extraSlots ?? {}) };
  for (const [intent, list] of Object.entries(files.templates.intents)) {
    list.forEach((t, i) => {
      for (const s of samples(t, slots, TEMPLATE_SAMPLES, hashString(`${intent}#${i}`, 7))) push({ text: s, label: intent, group: `${intent}#${i}`, source: 'template' });
    });
  }
  files.templates.negatives.forEach((t, i) => {
    for (const s of samples(t, slots, NEGATIVE_TEMPLATE_SAMPLES, hashString(`none#${i}`, 7))) push({ text: s, label: NONE, group: `none#${i}`, source: 'template' });
  });
  for (const { name, file } of files.moreNegatives ?? []) {
    for (const t of file.sentences) hand(t, NONE);
    const own = { ...file.slots, ...(file.extraSlots ?? {}) };
    file.negatives.forEach((t, i) => {
      for (const s of samples(t, own, NEGATIVE_TEMPLATE_SAMPLES, hashString(`${name}#${i}`, 7))) push({ text: s, label: NONE, group: `${name}#${i}`, source: 'template' });
    });
  }
  for (const ex of files.examples) {
    for (const f of ex.flag) {
      const parts = splitSentences(f.text);
      const pick = f.span ? parts.find((p) => p.includes(f.span!)) : parts.length === 1 ? parts[0] : undefined;
      if (pick) push({ text: pick, label: ex.intent, group: pick, source: 'example' });
    }
    for (const p of ex.pass) {
      if (files.isCleanNegative && !files.isCleanNegative(p)) continue;
      for (const s of splitSentences(p)) push({ text: s, label: NONE, group: s, source: 'example' });
    }
  }
  return items;
}
