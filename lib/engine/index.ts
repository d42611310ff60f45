// The engine's only public door: analyze(text, options) → findings. Pure and deterministic:
// no DOM, no browser APIs; the same code runs in Node (CLI, tests, bench) and the extension.
import { PACK_FILES } from '../../rules/index';
import { LruCache } from './cache';
import { loadPacks, type CompiledRule } from './load-packs';
import { matchSpan } from './matchers/span';
import { matchStack } from './matchers/stack';
import type { ParagraphContext } from './matchers/types';
import { NlpCache } from './nlp';
import { normalize } from './normalize';
import { PATTERN_FLAGS, checkCustomPattern } from './pattern-safety';
import { resolvePolicy } from './policy';
import { buildPrefilter, type Prefilter } from './prefilter';
import { analysableRegions } from './regions';
import { paragraphs, sentences } from './segment';
import { fitToContext, policyValues } from './suggestions';
import { PACK_IDS, SEVERITIES, type AnalyzeOptions, type CustomRule, type Finding, type Policy, type Severity } from './types';

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

interface Config {
  /** The user's own phrases: they skip the prefilter and always run. */
  custom: CompiledRule[];
  missingRules: CompiledRule[];
  prefilter: Prefilter;
  policy: Policy;
  values: Record<string, string>;
  paragraphCache: LruCache<string, Finding[]>;
}

const configs = new LruCache<string, Config>(16);
const SEVERITY_RANK: Record<Severity, number> = { suggestion: 0, warning: 1, alert: 2 };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileCustomRule(rule: CustomRule, index: number): CompiledRule {
  let regex: RegExp;
  if (rule.isPattern) {
    const check = checkCustomPattern(rule.match);
    if (!check.ok) throw new EngineInputError(`Custom rule ${index + 1} ("${rule.match}"): ${check.reason}`);
    regex = new RegExp(rule.match, PATTERN_FLAGS);
  } else {
    const words = rule.match.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) throw new EngineInputError(`Custom rule ${index + 1}: the phrase is empty.`);
    const body = words.map((w) => escapeRegExp(w).replace(/'/g, "'?")).join('\\s+');
    regex = new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'giu');
  }
  const id = `custom-${rule.id || index + 1}`;
  return {
    def: {
      id,
      name: rule.match.slice(0, 40),
      kind: 'span',
      severity: rule.severity,
      strategy: 'transform',
      message: rule.message || `Matches your custom phrase "${rule.match}".`,
      why: 'You added this phrase on the options page.',
      suggestions: rule.suggestion ? [rule.suggestion] : [],
      examples: { flag: [], pass: [] },
    },
    pack: rule.pack,
    fullId: `${rule.pack}/${id}`,
    severity: rule.severity,
    regexes: [regex],
    variants: [null],
    exceptions: [],
    conditions: [],
    // Custom rules skip the prefilter: they are few and the user expects them always to run.
    triggers: [],
    markers: [],
    unless: [],
  };
}

/** Options with nothing configured share one key without serialising anything (the CLI, the bench). */
const DEFAULT_CONFIG_KEY = 'defaults';

function configKey(options: AnalyzeOptions): string {
  const { packs, disabledRules, severityOverrides, policy, customRules } = options;
  if (packs === undefined && disabledRules === undefined && severityOverrides === undefined && policy === undefined && customRules === undefined) {
    return DEFAULT_CONFIG_KEY;
  }
  return JSON.stringify([packs ?? null, disabledRules ?? [], severityOverrides ?? {}, policy ?? {}, customRules ?? []]);
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
  const rules = ALL_RULES.filter((r) => packs.has(r.pack) && !disabled.has(r.fullId)).map((r) =>
    overrides[r.fullId] && SEVERITIES.includes(overrides[r.fullId]!) ? { ...r, severity: overrides[r.fullId]! } : r,
  );
  const custom = (options.customRules ?? []).map(compileCustomRule);
  const policy = resolvePolicy(options.policy);
  const spanRules = rules.filter((r) => r.def.kind !== 'missing');
  const config: Config = {
    custom,
    missingRules: rules.filter((r) => r.def.kind === 'missing'),
    prefilter: buildPrefilter(spanRules),
    policy,
    values: policyValues(policy),
    paragraphCache: new LruCache(4000),
  };
  configs.set(key, config);
  return config;
}

function analyzeParagraph(text: string, norm: string, config: Config): Finding[] {
  const cached = config.paragraphCache.get(text);
  if (cached) return cached;
  const candidates = config.prefilter.candidates(norm);
  const custom = config.custom;
  if (candidates.length === 0 && custom.length === 0) {
    config.paragraphCache.set(text, []);
    return [];
  }
  let split: ReturnType<typeof sentences> | null = null;
  const ctx: ParagraphContext = {
    text,
    norm,
    // Most candidate rules find nothing, so sentences are only split when one matches.
    get sentences() {
      return (split ??= sentences(norm, { start: 0, end: norm.length }));
    },
    policy: config.policy,
    values: config.values,
    nlp: new NlpCache(),
  };
  const found: Finding[] = [];
  for (const rule of [...candidates, ...custom]) {
    found.push(...(rule.def.kind === 'stack' ? matchStack(rule, ctx) : matchSpan(rule, ctx)));
  }
  const result = dedupe(found);
  config.paragraphCache.set(text, result);
  return result;
}

/** One finding per place and pack: overlapping findings of a pack keep the most severe (then longest). */
function dedupe(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of sorted) {
    if (kept.some((k) => k.pack === f.pack && k.start < f.end && f.start < k.end)) continue;
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

function missingFindings(text: string, norm: string, paras: { start: number; end: number }[], found: Finding[], config: Config): Finding[] {
  const out: Finding[] = [];
  const granted = new Set(found.filter((f) => SEVERITY_RANK[f.severity] >= 1).map((f) => `${f.pack}/${f.rule}`));
  if (granted.size === 0) return out;
  const body = paras.map((p) => norm.slice(p.start, p.end)).join('\n\n');
  for (const rule of config.missingRules) {
    const when = rule.def.when ?? [];
    const triggered = [...granted].some((g) => when.some((w) => w === g || (w.endsWith('/*') && g.startsWith(w.slice(0, -1)))));
    if (!triggered) continue;
    if (rule.unless.some((re) => ((re.lastIndex = 0), re.test(body)))) continue;
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
  return out;
}

/**
 * Analyses a draft. Lines quoted with ">" and everything after a "-- " signature line are skipped.
 * Throws EngineInputError for a draft over MAX_TEXT_LENGTH or options naming unknown packs.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Finding[] {
  if (typeof text !== 'string') throw new EngineInputError('The draft must be a string.');
  if (text.length > MAX_TEXT_LENGTH) {
    throw new EngineInputError(`The draft is ${text.length.toLocaleString('en-US')} characters long; Clearline analyses drafts of up to ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters.`);
  }
  const config = configFor(options);
  const norm = normalize(text);
  const paras = paragraphs(norm, analysableRegions(norm));
  const found: Finding[] = [];
  for (const p of paras) {
    for (const f of analyzeParagraph(text.slice(p.start, p.end), norm.slice(p.start, p.end), config)) {
      found.push({ ...f, start: f.start + p.start, end: f.end + p.start, suggestions: [...f.suggestions] });
    }
  }
  found.push(...missingFindings(text, norm, paras, found, config));
  const min = SEVERITY_RANK[options.minSeverity ?? 'suggestion'];
  return found.filter((f) => SEVERITY_RANK[f.severity] >= min);
}

/** Forgets cached configurations and paragraph results (benchmarks measure cold analysis with it). */
export function clearCaches(): void {
  configs.clear();
}

/** Every compiled rule, for tests and tools. */
export function compiledRules(): readonly CompiledRule[] {
  return ALL_RULES;
}
