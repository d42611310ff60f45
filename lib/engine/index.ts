// The engine's only public door: analyze(text, options) → findings. Pure and deterministic:
// no DOM, no browser APIs; the same code runs in Node (CLI, tests, bench) and the extension.
import { PACK_FILES } from '../../rules/index';
import { detached, LruCache } from './cache';
import { loadPacks, type CompiledRule } from './load-packs';
import { matchSpan } from './matchers/span';
import { matchStack } from './matchers/stack';
import { MAX_FINDINGS_PER_RULE, type ParagraphContext } from './matchers/types';
import { forgetDecisions } from './conditions/near-match';
import { compileCustomRule, CUSTOM_TIME_BUDGET_MS, CustomRuleError, matchCustomRules, MAX_CUSTOM_FINDINGS, MAX_FINDINGS_PER_CUSTOM_RULE, type CompiledCustomRule, type CustomParagraphResult } from './custom-rules';
import { forgetPredictions, fuseModelFindings, modelConfigFor, type ModelConfig } from './model/index';
import { NlpCache } from './nlp';
import { normalize } from './normalize';
import { resolvePolicy } from './policy';
import { buildPrefilter } from './prefilter';
import { analysableRegions } from './regions';
import { paragraphs, sentences } from './segment';
import { groupFindings, statedHours } from './rewrite/index';
import { wordCount } from './rewrite/text-ops';
import { fitToContext, policyValues } from './suggestions';
import { stopsOf, wordIndex, type WordIndex } from './word-index';
import { PACK_IDS, SEVERITIES, type AnalyzeOptions, type Finding, type Policy, type Severity } from './types';

export * from './types';
export { applySuggestion, suggestionEdit, applyEdit } from './edit';
export { boundaryStatement, resolvePolicy } from './policy';

/** Drafts longer than this are refused: no mail client sends them, and analysis would stall typing. */
export const MAX_TEXT_LENGTH = 200_000;

export class EngineInputError extends Error {
  override name = 'EngineInputError';
}

const PACKS = loadPacks(PACK_FILES);
const ALL_RULES: CompiledRule[] = PACKS.flatMap((p) => p.rules);
const SPAN_RULES = ALL_RULES.filter((r) => r.def.kind !== 'missing');
/**
 * One trigger index over every built-in rule, compiled once with the packs: a configuration only
 * chooses which of its rules take part, so changing settings (or a cold cache) costs no rebuild.
 */
const PREFILTER = buildPrefilter(SPAN_RULES);

interface Config {
  /** Distinguishes this configuration's entries in the shared paragraph caches. */
  id: number;
  /** The user's own phrases and patterns: they run after the packs, in a pass of their own. */
  custom: CompiledCustomRule[];
  missingRules: CompiledRule[];
  /** Parallel to SPAN_RULES: the rule as this configuration runs it, or null when it is off. */
  spanRules: (CompiledRule | null)[];
  /** The sentence model's intents for this configuration; null when the model is off. */
  model: ModelConfig | null;
  policy: Policy;
  values: Record<string, string>;
}

const configs = new LruCache<string, Config>(16);
let nextConfigId = 1;
const SEVERITY_RANK: Record<Severity, number> = { suggestion: 0, warning: 1, alert: 2 };

/**
 * Paragraph results, shared by every configuration and bounded by characters (the paragraph's
 * text plus its findings), not by count: a keystroke in a 200,000-character paragraph adds one
 * 200,000-character entry, and a few of those push out the oldest.
 */
export const PARAGRAPH_CACHE_CHARS = 1_000_000;
const weighFindings = (key: string, findings: Finding[]) =>
  key.length + findings.reduce((n, f) => n + 64 + f.message.length + f.why.length + f.suggestions.reduce((m, x) => m + x.length, 0), 0);
// Keyed by the paragraph's text alone (no copy of it per lookup); an entry made under another
// configuration is a miss and is replaced. One configuration is in use at a time.
const paragraphCache = new LruCache<string, { config: number; findings: Finding[] }>(PARAGRAPH_CACHE_CHARS, (key, e) => weighFindings(key, e.findings));
const customCache = new LruCache<string, { config: number; result: CustomParagraphResult }>(PARAGRAPH_CACHE_CHARS / 4, (key, e) => weighFindings(key, e.result.findings));

/** Characters the paragraph caches hold now (tests check the bound). */
export function cachedCharacters(): number {
  return paragraphCache.weight + customCache.weight;
}

/** Options with nothing configured share one key without serialising anything (the CLI, the bench). */
const DEFAULT_CONFIG_KEY = 'defaults';

function configKey(options: AnalyzeOptions): string {
  const { packs, disabledRules, severityOverrides, policy, customRules, model } = options;
  if (packs === undefined && disabledRules === undefined && severityOverrides === undefined && policy === undefined && customRules === undefined && model !== false) {
    return DEFAULT_CONFIG_KEY;
  }
  return JSON.stringify([packs ?? null, disabledRules ?? [], severityOverrides ?? {}, policy ?? {}, customRules ?? [], model !== false]);
}

function configFor(options: AnalyzeOptions): Config {
  const key = configKey(options);
  const cached = configs.get(key);
  if (cached) return cached;
  const packs = new Set(options.packs ?? PACK_IDS);
  for (const p of options.packs ?? []) {
    if (!PACKS.some((x) => x.def.id === p)) throw new EngineInputError(`Unknown pack "${p}". Known packs: ${PACK_IDS.join(', ')}.`);
  }
  const disabled = new Set(options.disabledRules ?? []);
  const overrides = options.severityOverrides ?? {};
  const configured = (r: CompiledRule): CompiledRule | null =>
    !packs.has(r.pack) || disabled.has(r.fullId) ? null : overrides[r.fullId] && SEVERITIES.includes(overrides[r.fullId]!) ? { ...r, severity: overrides[r.fullId]! } : r;
  const custom = (options.customRules ?? []).map((r, i) => {
    try {
      return compileCustomRule(r, i);
    } catch (e) {
      if (e instanceof CustomRuleError) throw new EngineInputError(e.message);
      throw e;
    }
  });
  const policy = resolvePolicy(options.policy);
  const spanRules = SPAN_RULES.map(configured);
  const config: Config = {
    id: nextConfigId++,
    // "Turn off this rule" works for custom rules too: `<pack>/custom-3` in disabledRules.
    custom: custom.filter((r) => !disabled.has(r.fullId)),
    missingRules: ALL_RULES.filter((r) => r.def.kind === 'missing').flatMap((r) => configured(r) ?? []),
    spanRules,
    model: options.model === false ? null : modelConfigFor(spanRules.filter((r): r is CompiledRule => r !== null)),
    policy,
    values: policyValues(policy),
  };
  configs.set(key, config);
  return config;
}

/**
 * Paragraphs longer than this are analysed (and cached) in chunks of whole sentences of at most
 * this length: a pasted page or a run-on line costs per chunk, an edit re-reads only its chunk, and
 * an analysis that stops at its work budget carries on inside the paragraph on the next pass.
 * Mail paragraphs are far shorter, so ordinary drafts are analysed exactly as before.
 */
export const MAX_CHUNK_LENGTH = 1_200;
/**
 * The pieces a longer paragraph is cut into: half the cap, so the one chunk every pass must finish
 * stays short when a hostile wall of trigger words makes every rule a candidate.
 */
const CHUNK_PIECE_LENGTH = 600;
/**
 * Work one analysis may spend on paragraphs (or chunks) it has not cached, counted, not timed (the
 * same draft always gets the same first answer): a chunk costs its length times one more than the
 * rules its words can trigger. Ordinary mail needs a few percent of it; a hostile wall of trigger
 * words (every rule a candidate) gets a chunk or two per pass, the rest on the next analyses.
 */
export const ANALYSIS_WORK_BUDGET = 150_000;

/**
 * Time one analysis may spend on uncached paragraphs (past TIMED_WORK): the work budget
 * bounds what a draft asks for, this bounds what a loaded machine makes of it.
 */
export const ANALYSIS_TIME_BUDGET_MS = 40;
/**
 * Work every analysis does whatever the time (99% of real mail needs under 35,000; a 1,000-word
 * draft about 70,000): ordinary mail is answered whole on the first pass however loaded the
 * machine; past it the time budget decides, which an idle machine meets for a 1,000-word draft
 * and a hostile one (cheap in work, costly in matches) does not.
 */
const TIMED_WORK = 40_000;

/** Work an analysis has spent on uncached paragraphs; `deferred` once one was left for the next pass. */
interface WorkBudget {
  spent: number;
  deferred: boolean;
  /** performance.now() past which nothing new starts. */
  deadline: number;
}

let lastWork = 0;
/** Work (characters times candidate rules, see ANALYSIS_WORK_BUDGET) the last analysis spent on uncached paragraphs. */
export function lastAnalysisWork(): number {
  return lastWork;
}

const pastDeadline = (work: WorkBudget) => work.deadline !== Infinity && performance.now() > work.deadline;

interface Chunk {
  start: number;
  end: number;
  /** Its sentences, when splitting the paragraph already found them. */
  sentences?: { start: number; end: number }[];
}

/** The chunks of a paragraph: itself when short, else runs of whole sentences of at most CHUNK_PIECE_LENGTH. */
function chunksOf(norm: string, p: { start: number; end: number }): Chunk[] {
  if (p.end - p.start <= MAX_CHUNK_LENGTH) return [{ start: p.start, end: p.end }];
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (const s of sentences(norm, p)) {
    if (cur && s.end - cur.start <= CHUNK_PIECE_LENGTH) {
      cur.end = s.end;
      cur.sentences!.push(s);
    } else out.push((cur = { start: s.start, end: s.end, sentences: [s] }));
  }
  return out;
}

const WORDS = /[A-Za-z\u00C0-\u024F']{2,}|\d+/g;
/** Where WORDS matches in the last draft asked about: every chunk's stand-in asks about the same draft. */
let wordSpans: { text: string; at: Int32Array } | null = null;
function wordSpansOf(t: string): Int32Array {
  if (wordSpans?.text !== t) {
    const at: number[] = [];
    for (const m of t.matchAll(WORDS)) at.push(m.index, m.index + m[0].length);
    wordSpans = { text: t, at: Int32Array.from(at) };
  }
  return wordSpans.at;
}
/**
 * Words in t[from, to) as the rewrites count them (wordCount), up to two: the draft's words are
 * found once, so a chunk's stand-in costs a search, not a scan of the rest of the draft.
 */
function wordsUpToTwo(t: string, from: number, to: number): number {
  const at = wordSpansOf(t);
  // The first word ending after `from`.
  let lo = 0;
  let hi = at.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[2 * mid + 1]! <= from) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  // A word the window cuts counts as the window's slice of it would.
  for (let k = lo; k < at.length / 2 && at[2 * k]! < to && n < 2; k++) n += t.slice(Math.max(from, at[2 * k]!), Math.min(to, at[2 * k + 1]!)).match(WORDS)?.length ?? 0;
  return Math.min(2, n);
}

const isWs = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || /\s/.test(c);

/**
 * A short text standing in for the draft around chunk `c`: the whitespace next to the chunk as
 * written, and beyond it a filler with as many words as the rest has, up to two, ending in a mark
 * (or nothing when only whitespace lies beyond). `offset` is where the stand-in starts in the draft.
 */
function standIn(text: string, c: { start: number; end: number }): { text: string; offset: number } {
  let a = c.start;
  while (a > 0 && isWs(text[a - 1]!)) a--;
  let b = c.end;
  while (b < text.length && isWs(text[b]!)) b++;
  const filler = (from: number, to: number) => {
    if (from >= to) return '';
    const n = wordsUpToTwo(text, from, to);
    return n === 0 ? '.' : n === 1 ? '1.' : '1 2.';
  };
  const head = filler(0, a) + text.slice(a, c.start);
  const tail = text.slice(c.end, b) + filler(b, text.length);
  return { text: detached(head + text.slice(c.start, c.end) + tail), offset: c.start - head.length };
}

/**
 * The draft's sentences and how often each occurs (the rewrites' duplicate check), counted only
 * when a card first asks: as the rewrite module counts them.
 */
class DraftSentences extends Map<string, number> {
  private counted = false;
  constructor(private readonly draft: string) {
    super();
  }
  override get(key: string): number | undefined {
    if (!this.counted) {
      this.counted = true;
      // Line by line (a line break always ends a sentence there), each line's count remembered:
      // an edit counts its own line again, not the draft.
      for (const line of this.draft.split('\n')) {
        let counts = lineSentences.get(line);
        if (!counts) {
          counts = new Map();
          for (const x of line.split(/[.!?]+\s+/)) {
            const k = x.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
            if (wordCount(k) >= 3) counts.set(k, (counts.get(k) ?? 0) + 1);
          }
          lineSentences.set(line, counts);
        }
        for (const [k, n] of counts) this.set(k, (super.get(k) ?? 0) + n);
      }
    }
    return super.get(key);
  }
}
const lineSentences = new LruCache<string, Map<string, number>>(PARAGRAPH_CACHE_CHARS / 4, (line, m) => line.length + 16 + [...m.keys()].reduce((n, k) => n + k.length, 0));

function analyzeParagraph(text: string, norm: string, config: Config, nlp: NlpCache, work?: WorkBudget): Finding[] | null {
  const cached = paragraphCache.get(text);
  if (cached?.config === config.id) return cached.findings;
  // What is analysed (and so everything cached from it) must not keep the whole draft alive.
  text = detached(text);
  norm = detached(norm);
  // Once one paragraph waits for the next pass, so do the uncached ones after it (not even prefiltered).
  if (work && (work.deferred || (work.spent >= TIMED_WORK && pastDeadline(work)))) {
    work.deferred = true;
    return null;
  }
  const candidates = PREFILTER.indices(norm).flatMap((i) => config.spanRules[i] ?? []);
  if (work) {
    const cost = norm.length * (1 + candidates.length);
    // The first uncached paragraph of an analysis always runs: every pass makes progress.
    if (work.spent > 0 && (work.spent + cost > ANALYSIS_WORK_BUDGET || (work.spent >= TIMED_WORK && pastDeadline(work)))) {
      work.deferred = true;
      return null;
    }
    work.spent += cost;
  }
  // Without a candidate rule the paragraph still meets the sentence model, when it is on.
  if (candidates.length === 0 && !config.model) {
    paragraphCache.set(text, { config: config.id, findings: [] });
    return [];
  }
  let split: ReturnType<typeof sentences> | null = null;
  let words: WordIndex | null = null;
  let stops: number[] | null = null;
  const ctx: ParagraphContext = {
    text,
    norm,
    // Most candidate rules find nothing, so sentences are only split when one matches.
    get sentences() {
      return (split ??= sentences(norm, { start: 0, end: norm.length }));
    },
    get words() {
      return (words ??= wordIndex(norm));
    },
    get stops() {
      return (stops ??= stopsOf(norm));
    },
    policy: config.policy,
    values: config.values,
    nlp,
  };
  const found: Finding[] = [];
  for (const rule of candidates) {
    found.push(...(rule.def.kind === 'stack' ? matchStack(rule, ctx) : matchSpan(rule, ctx)));
  }
  const ruled = dedupe(found);
  const result = config.model ? fuseModelFindings(ruled, ctx, config.model) : ruled;
  // Decided without some grammar (the analysis had used its parse budget, here or before): provisional,
  // so not kept; the next analysis finds the paragraphs before it cached, the decisions made with
  // grammar remembered, and has a fresh budget for this one. Keeping it would make the answer
  // depend on how many paragraphs shared a pass, so on the machine's speed.
  if (!nlp.exhausted) paragraphCache.set(text, { config: config.id, findings: result });
  return result;
}

/** The custom pass over the draft's paragraphs; see custom-rules.ts for its limits. */
function customFindings(text: string, norm: string, paras: { start: number; end: number }[], config: Config, budgetMs: number): { findings: Finding[]; complete: boolean } {
  const out: Finding[] = [];
  if (config.custom.length === 0) return { findings: out, complete: true };
  const now = () => performance.now();
  const deadline = now() + budgetMs;
  const perRule = new Map<string, number>();
  let complete = true;
  for (const p of paras) {
    if (out.length >= MAX_CUSTOM_FINDINGS) break;
    const ptext = text.slice(p.start, p.end);
    const cached = customCache.get(ptext);
    let result = cached?.config === config.id ? cached.result : undefined;
    if (!result?.complete) {
      // Past the deadline a paragraph not yet started waits for the next analysis.
      if (!complete) break;
      result = matchCustomRules(detached(ptext), detached(norm.slice(p.start, p.end)), config.custom, deadline, now, result);
      customCache.set(ptext, { config: config.id, result });
      if (!result.complete) complete = false;
    }
    for (const f of result.findings) {
      const n = perRule.get(f.rule) ?? 0;
      if (n >= MAX_FINDINGS_PER_CUSTOM_RULE || out.length >= MAX_CUSTOM_FINDINGS) continue;
      perRule.set(f.rule, n + 1);
      out.push({ ...f, start: f.start + p.start, end: f.end + p.start, suggestions: [...f.suggestions] });
    }
  }
  return { findings: out, complete };
}

const isCustom = (f: Finding) => f.rule.startsWith('custom-');

/**
 * One finding per place and pack: overlapping findings of a pack keep the user's own custom rule
 * first (her message wins at its place), then the most severe, then the longest. Kept findings of
 * a pack never overlap, so each is checked against its neighbours only (n log n).
 */
function dedupe(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(
    (a, b) =>
      Number(isCustom(b)) - Number(isCustom(a)) ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const byPack = new Map<string, Finding[]>();
  const kept: Finding[] = [];
  for (const f of sorted) {
    let list = byPack.get(f.pack);
    if (!list) byPack.set(f.pack, (list = []));
    // First kept finding that ends after f starts (ends are sorted, as the kept spans are disjoint).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end <= f.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < list.length && list[lo]!.start < f.end) continue;
    list.splice(lo, 0, f);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end || a.pack.localeCompare(b.pack));
}

const CLOSING = /^(?:thanks|thank you|many thanks|thanks again|best|best regards|kind regards|warm regards|warmly|regards|cheers|sincerely|yours|all the best|talk soon|speak soon|take care|with thanks|see you)\b[^\n]{0,40}$/i;

/** Where a missing statement goes: after the last paragraph of the body, before a sign-off. */
function insertionPoint(text: string, paras: { start: number; end: number }[]): number {
  const last = paras[paras.length - 1];
  if (!last) return 0;
  // A sign-off is a short closing line followed by at most two short lines (a name, a title).
  const lines: { start: number; end: number }[] = [];
  for (const p of paras.slice(-2)) {
    let s = p.start;
    for (const line of text.slice(p.start, p.end).split('\n')) {
      lines.push({ start: s, end: s + line.length });
      s += line.length + 1;
    }
  }
  for (let i = Math.max(0, lines.length - 3); i < lines.length; i++) {
    const line = text.slice(lines[i]!.start, lines[i]!.end).trim();
    if (i > 0 && CLOSING.test(line) && lines.slice(i + 1).every((l) => l.end - l.start <= 40)) return lines[i]!.start;
  }
  return last.end;
}

/**
 * Whether a chunk states what a missing rule asks for ("my hours are…"), per rule and chunk text:
 * the statements are sentence-sized, so a chunk (whole sentences) is read once, not the whole draft
 * on every pass. Bounded by characters like the paragraph cache.
 */
const statementCache = new LruCache<string, boolean>(PARAGRAPH_CACHE_CHARS / 4, (key) => key.length + 16);
/**
 * Characters of the draft every analysis reads for boundary statements whatever the time (real mail
 * is far shorter, so its answer never depends on the clock); past them the analysis's deadline
 * decides, and an undecided rule's finding waits for the next pass.
 */
export const STATEMENT_COUNTED_CHARS = 20_000;

let lastStatementChars = 0;
/** Characters the last analysis read (uncached) looking for boundary statements. */
export function lastStatementReads(): number {
  return lastStatementChars;
}

/** Whether any chunk states the rule's boundary; null when the pass ran out of time before deciding. */
function statesBoundary(rule: CompiledRule, norm: string, chunks: Chunk[], read: { chars: number }, deadline: number): boolean | null {
  for (const c of chunks) {
    const piece = norm.slice(c.start, c.end);
    const key = `${rule.def.id}\u0000${piece}`;
    let states = statementCache.get(key);
    if (states === undefined) {
      if (read.chars >= STATEMENT_COUNTED_CHARS && performance.now() > deadline) return null;
      read.chars += piece.length;
      states = rule.unless.some((re) => ((re.lastIndex = 0), re.test(piece)));
      statementCache.set(key, states);
    }
    if (states) return true;
  }
  return false;
}

/** Missing-statement findings, and whether every triggered rule was decided this pass. */
function missingFindings(text: string, norm: string, paras: { start: number; end: number }[], chunks: Chunk[], found: Finding[], config: Config, deadline: number): { findings: Finding[]; complete: boolean } {
  const out: Finding[] = [];
  let complete = true;
  const granted = new Set(found.filter((f) => SEVERITY_RANK[f.severity] >= 1).map((f) => `${f.pack}/${f.rule}`));
  if (granted.size === 0) return { findings: out, complete };
  const read = { chars: 0 };
  lastStatementChars = 0;
  for (const rule of config.missingRules) {
    const when = rule.def.when ?? [];
    const triggered = [...granted].some((g) => when.some((w) => w === g || (w.endsWith('/*') && g.startsWith(w.slice(0, -1)))));
    if (!triggered) continue;
    const states = statesBoundary(rule, norm, chunks, read, deadline);
    lastStatementChars = read.chars;
    if (states === null) complete = false;
    if (states !== false) continue;
    const at = insertionPoint(text, paras);
    out.push({
      rule: rule.def.id,
      intent: rule.def.id,
      detector: 'rules',
      pack: rule.pack,
      severity: rule.severity,
      kind: 'missing',
      start: at,
      end: at,
      message: rule.def.message,
      why: rule.def.why,
      suggestions: (rule.def.suggestions ?? []).map((t) => fitToContext(t.replace(/\{([A-Za-z]+)\}/g, (_, n: string) => config.values[n] ?? ''), '.', true)),
    });
  }
  return { findings: out, complete };
}

export interface AnalysisReport {
  findings: Finding[];
  /**
   * False when this analysis stopped short of a full answer: the custom pass ran out of time, or
   * grammar ran out of parses. What was found is right; the next analysis of the same text,
   * finding the finished paragraphs cached, carries on.
   */
  complete: boolean;
}

/**
 * Analyses a draft. Lines quoted with ">" and everything after a "-- " signature line are skipped.
 * Throws EngineInputError for a draft over MAX_TEXT_LENGTH or options naming unknown packs.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyzeWithReport(text, options).findings;
}

/**
 * Sentence groups the gate checks per analysis: each costs a few paragraph re-analyses, so a draft
 * with hundreds of flagged sentences gets the rest on the next analysis (results are cached).
 */
export const MAX_REWRITE_GROUPS_PER_ANALYSIS = 24;
/** The gate's re-reads (a candidate applied to its paragraph), so a group stopped mid-way resumes cheaply. */
const rereadCache = new LruCache<string, ReturnType<typeof paragraphWarnings>>(PARAGRAPH_CACHE_CHARS / 4, (key, v) => key.length + 64 * v.length);
const rewriteCache = new LruCache<string, string[]>(PARAGRAPH_CACHE_CHARS / 2, (key, v) => key.length + v.reduce((n, x) => n + x.length, 0));

/**
 * The findings as detected, one per rule and place, with the detectors' own suggestions: what the
 * detection tests and measures read. The extension, the popup and the CLI use analyze().
 */
export function detect(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyzeWithReport(text, options, false).findings;
}

const GATE_PARSES = 3;
/**
 * Characters the gate may re-read in one analysis (each candidate re-reads its group with a
 * sentence either side). A card in ordinary mail costs a few hundred; a draft of hundreds of
 * flagged run-on pieces stops here and gets its other rewrites on the next analyses (cached).
 */
export const GATE_CHARS_PER_ANALYSIS = 12_000;
/**
 * Re-read characters every analysis's gate may spend whatever the time (99% of real mail re-reads
 * under 150); past them, no group starts after ANALYSIS_TIME_BUDGET_MS plus GATE_TIME_BUDGET_MS,
 * and the group being checked stops one GATE_TIME_BUDGET_MS later, so a loaded machine or a
 * hostile draft waits for the next pass.
 */
const GATE_TIMED_CHARS = 1_000;
const GATE_TIME_BUDGET_MS = 5;

/** Findings of a paragraph at warning or above, under a configuration (the gate's re-check). */
function paragraphWarnings(paragraph: string, config: Config): { start: number; end: number; pack: string; intent: string; focus?: { start: number; end: number }; suggestions: string[] }[] {
  const trimmed = paragraph.trim();
  if (!trimmed) return [];
  const offset = paragraph.indexOf(trimmed);
  // Two parses at most: the gate re-reads a sentence or three, and never stalls typing on grammar.
  return analyzeParagraph(trimmed, normalize(trimmed), config, new NlpCache(GATE_PARSES))!
    .filter((f) => f.kind === 'span' && SEVERITY_RANK[f.severity] >= 1)
    .map((f) => ({ start: f.start + offset, end: f.end + offset, pack: f.pack, intent: f.intent, ...(f.focus ? { focus: { start: f.focus.start + offset, end: f.focus.end + offset } } : {}), suggestions: f.suggestions }));
}

/** analyze(), saying also whether the answer is complete (see AnalysisReport). */
export function analyzeWithReport(text: string, options: AnalyzeOptions = {}, rewrite = true): AnalysisReport {
  if (typeof text !== 'string') throw new EngineInputError('The draft must be a string.');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new EngineInputError(`The draft is ${text.length.toLocaleString('en-US')} characters long; Clearline analyses drafts of up to ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters.`);
  }
  const config = configFor(options);
  const norm = normalize(text);
  const paras = paragraphs(norm, analysableRegions(norm));
  const nlp = new NlpCache(undefined, options.grammarTimeBudgetMs);
  const builtIn: Finding[] = [];
  const perRule = new Map<string, number>();
  const unbounded = options.analysisTimeBudgetMs === Infinity;
  const started = performance.now();
  const work: WorkBudget = { spent: 0, deferred: false, deadline: unbounded ? Infinity : started + (options.analysisTimeBudgetMs ?? ANALYSIS_TIME_BUDGET_MS) };
  const chunks = paras.flatMap((x) => chunksOf(norm, x));
  for (const p of chunks) {
    const result = analyzeParagraph(text.slice(p.start, p.end), norm.slice(p.start, p.end), config, nlp, unbounded ? undefined : work);
    if (!result) continue;
    for (const f of result) {
      const key = `${f.pack}/${f.rule}`;
      const n = perRule.get(key) ?? 0;
      if (n >= MAX_FINDINGS_PER_RULE) continue;
      perRule.set(key, n + 1);
      builtIn.push({
        ...f,
        start: f.start + p.start,
        end: f.end + p.start,
        ...(f.focus ? { focus: { start: f.focus.start + p.start, end: f.focus.end + p.start } } : {}),
        ...(f.marks ? { marks: f.marks.map((m) => ({ start: m.start + p.start, end: m.end + p.start })) } : {}),
        suggestions: [...f.suggestions],
      });
    }
  }
  // Built-in findings are complete before any custom rule runs.
  const custom = customFindings(text, norm, paras, config, options.customTimeBudgetMs ?? CUSTOM_TIME_BUDGET_MS);
  let rewritesComplete = true;
  let shown = builtIn;
  if (rewrite && builtIn.length) {
    // Hours the draft states ("I teach 3:30–7pm on weekdays") win over the policy's in its rewrites.
    const stated = statedHours(norm);
    const gateConfig = stated ? configFor({ ...options, policy: { ...(options.policy ?? {}), ...stated } }) : config;
    // Counted first (the same draft always gets the same rewrites on an idle machine), then timed:
    // past GATE_TIMED_CHARS re-read characters the analysis's clock decides, so a hostile draft or
    // a loaded machine leaves the rest for the next pass (finished groups and re-reads are cached).
    const counted = options.customTimeBudgetMs !== Infinity && !unbounded;
    const gateDeadline = started + (options.analysisTimeBudgetMs ?? ANALYSIS_TIME_BUDGET_MS) + GATE_TIME_BUDGET_MS;
    let reread = 0;
    const budget = {
      left: options.customTimeBudgetMs === Infinity ? Infinity : MAX_REWRITE_GROUPS_PER_ANALYSIS,
      exhausted: false,
      // Even the group being checked stops once the pass has re-read its share and is well past the
      // deadline; its re-reads are cached, so the next pass carries on where this one stopped.
      overdue: () => counted && reread >= GATE_TIMED_CHARS && performance.now() > gateDeadline + GATE_TIME_BUDGET_MS,
    };
    // A long or hostile draft whose detection already spent the pass's time gets its rewrites on a
    // later pass, once its paragraphs are cached.
    if (counted && work.spent >= TIMED_WORK && pastDeadline(work)) budget.left = 0;
    const reanalyse = (paragraph: string) => {
      const key = `${gateConfig.id}\u0000${paragraph}`;
      const known = rereadCache.get(key);
      if (known) return known;
      reread += paragraph.length;
      // The group being checked finishes (unless overdue); the next one waits.
      if (counted && (reread >= GATE_CHARS_PER_ANALYSIS || (reread >= GATE_TIMED_CHARS && performance.now() > gateDeadline))) budget.left = 0;
      const found = paragraphWarnings(paragraph, gateConfig);
      rereadCache.set(key, found);
      return found;
    };
    const keys = new DraftSentences(text);
    shown = [];
    // Grouped chunk by chunk (a paragraph, or a chunk of a long one) on a short stand-in for the
    // draft: the chunk at its place between what the grouping reads of the rest (the whitespace
    // next to it, whether text lies beyond, up to two of its words), so a card costs its chunk,
    // not the whole draft.
    let at = 0;
    for (const c of chunks) {
      const mine: Finding[] = [];
      while (at < builtIn.length && builtIn[at]!.start < c.end) mine.push(builtIn[at++]!);
      if (mine.length === 0) continue;
      const local = standIn(text, c);
      const shift = (f: Finding, d: number): Finding => ({
        ...f,
        start: f.start + d,
        end: f.end + d,
        ...(f.focus ? { focus: { start: f.focus.start + d, end: f.focus.end + d } } : {}),
        ...(f.also ? { also: f.also.map((x) => ({ ...x, focus: { start: x.focus.start + d, end: x.focus.end + d } })) } : {}),
      });
      const d = local.offset;
      const grouped = groupFindings(
        mine.map((f) => shift(f, -d)),
        {
          text: local.text,
          paragraphs: [{ start: c.start - d, end: c.end - d, sentences: (c.sentences ?? sentences(norm, c)).map((x) => ({ start: x.start - d, end: x.end - d })) }],
          policy: gateConfig.policy,
          values: gateConfig.values,
          reanalyse,
          budget,
          cache: rewriteCache,
          keys,
        },
      );
      for (const f of grouped) shown.push(shift(f, d));
    }
    shown.sort((a, b) => a.start - b.start || a.end - b.end);
    rewritesComplete = !budget.exhausted;
  }
  lastWork = work.spent;
  const found = custom.findings.length ? dedupe([...shown, ...custom.findings]) : [...shown];
  // Missing statements follow what was detected, before grouping.
  const missing = missingFindings(text, norm, paras, chunks, custom.findings.length ? dedupe([...builtIn, ...custom.findings]) : builtIn, config, work.deadline);
  found.push(...missing.findings);
  const min = SEVERITY_RANK[options.minSeverity ?? 'suggestion'];
  return { findings: found.filter((f) => SEVERITY_RANK[f.severity] >= min), complete: custom.complete && !nlp.exhausted && rewritesComplete && !work.deferred && missing.complete };
}

/** Forgets cached configurations and paragraph results (benchmarks measure cold analysis with it). */
export function clearCaches(): void {
  configs.clear();
  paragraphCache.clear();
  customCache.clear();
  rewriteCache.clear();
  rereadCache.clear();
  statementCache.clear();
  lineSentences.clear();
  forgetDecisions();
  forgetPredictions();
}

/** Every compiled rule, for tests and tools. */
export function compiledRules(): readonly CompiledRule[] {
  return ALL_RULES;
}
