// Validates rule pack data and compiles it once. Every error names the file, the rule and the
// field, so a broken pack fails the build and the tests with a message a maintainer can act on.
import { CONDITIONS } from './conditions';
import type { Condition } from './conditions/types';
import { CLASSES, wordTriggers } from './classes';
import { expandMacros, unknownMacros } from './macros';
import { STRATEGIES, type PackDef, type PatternEntry, type RuleDef } from './pack-types';
import { compileTokenPattern, TokenPatternError } from './token-pattern';
import { SEVERITIES, type Severity } from './types';
import { leadingWord, wordSet, type WordSet } from './word-index';

export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly rule: string | null,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${rule ? `rule "${rule}": ` : ''}field "${field}": ${problem}`);
    this.name = 'PackError';
  }
}

export interface CompiledMarker {
  category: string;
  weight: number;
  regex: RegExp;
  remove: boolean;
}

/** What one pattern adds to its rule: extra conditions, its own scope or suggestions. */
export interface Variant {
  /** A cheap test on the paragraph (the pattern's own trigger words) before its regex runs. */
  gate?: RegExp;
  /** Token patterns stay inside a sentence, so they run only on the sentences around the gate's hits. */
  window?: boolean;
  /**
   * The gate's words as the paragraph's word index sees them (see word-index.ts): the gate can
   * only match where one of them starts, so it is tried there alone ("y" flag) instead of scanning.
   * Absent when some trigger does not start with a word character.
   */
  gateWords?: WordSet;
  gateAt?: RegExp;
  /** The token pattern's required elements' opening runs (CompiledTokenPattern.required). */
  required?: WordSet[];
  /** Where a match can start (CompiledTokenPattern.first), and the pattern to try there alone ("y" flag). */
  first?: WordSet;
  at?: RegExp;
  conditions: Condition[];
  scope?: 'match' | 'sentence';
  suggestions?: string[];
}

export interface CompiledRule {
  /** Stack rules: every marker in one regex, alternative i in group `m<i>` ↔ markers[i]. */
  markerRegex?: RegExp;
  def: RuleDef;
  pack: string;
  fullId: string;
  severity: Severity;
  regexes: RegExp[];
  /** Parallel to regexes: null where the pattern has nothing of its own. */
  variants: (Variant | null)[];
  exceptions: RegExp[];
  conditions: Condition[];
  triggers: string[];
  markers: CompiledMarker[];
  unless: RegExp[];
}

export interface CompiledPack {
  def: PackDef;
  rules: CompiledRule[];
}

const PACK_KEYS = new Set(['$schema', 'id', 'name', 'description', 'version', 'defaultFor', 'rules']);
const RULE_KEYS = new Set([
  'id', 'name', 'kind', 'severity', 'strategy', 'message', 'why', 'note', 'phrases', 'match', 'patterns', 'triggers', 'exceptions', 'conditions', 'scope',
  'suggestions', 'markers', 'threshold', 'minCategories', 'when', 'unless', 'examples',
]);
export const POLICY_PLACEHOLDERS = new Set([
  'match', 'hours', 'days', 'availability', 'responseTime', 'urgentChannel', 'urgentAction', 'statement', 'scopeStatement', 'nextSlot', 'cleaned',
]);
const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Conditions every span rule of a pack gets: someone else's words are not the writer's offer. */
export const CONTEXT_CONDITIONS = ['not-quoted', 'not-reported'] as const;

const entryPattern = (e: PatternEntry): string => (typeof e === 'string' ? e : e.pattern);

/** `@CLASS` in a trigger list stands for every word of the class. */
function expandTriggers(triggers: string[]): string[] {
  return triggers.flatMap((t) => (t.startsWith('@') && CLASSES[t.slice(1)] ? CLASSES[t.slice(1)]!.words.flatMap(wordTriggers) : [t]));
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Compiles one pattern; phrases are escaped and made flexible about spaces and apostrophes. */
export function compilePattern(source: string, isPhrase: boolean): RegExp {
  if (isPhrase) {
    const body = source
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "'?"))
      .join('\\s+');
    const lead = /^\w/.test(source.trim()) ? '\\b' : '';
    const tail = /\w$/.test(source.trim()) ? '\\b' : '';
    return new RegExp(`${lead}${body}${tail}`, 'gi');
  }
  return new RegExp(expandMacros(source), 'gi');
}

/** Regexes with a `span` group need match indices ("d" flag) to report that group's offsets. */
function withIndices(re: RegExp): RegExp {
  return /\(\?<span>/.test(re.source) ? new RegExp(re.source, 'gid') : re;
}

/** Words that must appear for a phrase list to match: the first word of each phrase. */
function phraseTriggers(phrases: string[]): string[] {
  return phrases.map((p) => p.trim().split(/\s+/)[0]!.toLowerCase().replace(/[^a-z0-9']/g, '').replace(/'.*$/, ''));
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);
}

function namedGroups(re: RegExp): Set<string> {
  return new Set([...re.source.matchAll(/\(\?<([A-Za-z]+)>/g)].map((m) => m[1]!));
}

export function validatePack(raw: unknown, file: string): PackDef {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new PackError(file, null, '(root)', 'expected a JSON object');
  const pack = raw as Record<string, unknown>;
  for (const key of Object.keys(pack)) if (!PACK_KEYS.has(key)) throw new PackError(file, null, key, 'unknown field');
  const expectedId = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (typeof pack.id !== 'string' || !KEBAB.test(pack.id)) throw new PackError(file, null, 'id', 'expected a kebab-case string');
  if (pack.id !== expectedId) throw new PackError(file, null, 'id', `must equal the file name "${expectedId}"`);
  for (const f of ['name', 'description'] as const) {
    if (typeof pack[f] !== 'string' || !(pack[f] as string).trim()) throw new PackError(file, null, f, 'expected a non-empty string');
  }
  if (typeof pack.version !== 'number' || !Number.isInteger(pack.version) || pack.version < 1) throw new PackError(file, null, 'version', 'expected a positive integer');
  if (!isStringArray(pack.defaultFor)) throw new PackError(file, null, 'defaultFor', 'expected an array of profession ids');
  if (!Array.isArray(pack.rules) || pack.rules.length === 0) throw new PackError(file, null, 'rules', 'expected a non-empty array');
  const seen = new Set<string>();
  for (const [i, r] of pack.rules.entries()) {
    validateRule(r, file, i, seen);
  }
  return pack as unknown as PackDef;
}

function validateRule(raw: unknown, file: string, index: number, seen: Set<string>): void {
  if (!raw || typeof raw !== 'object') throw new PackError(file, `#${index}`, '(rule)', 'expected an object');
  const r = raw as Record<string, unknown>;
  const id = typeof r.id === 'string' ? r.id : `#${index}`;
  const fail = (field: string, problem: string): never => {
    throw new PackError(file, id, field, problem);
  };
  for (const key of Object.keys(r)) if (!RULE_KEYS.has(key)) fail(key, 'unknown field');
  if (typeof r.id !== 'string' || !KEBAB.test(r.id)) fail('id', 'expected a kebab-case string');
  if (seen.has(id)) fail('id', 'duplicate rule id in this pack');
  if (id.startsWith('custom-')) fail('id', 'the "custom-" prefix is kept for the user\'s own rules');
  seen.add(id);
  if (r.kind !== 'span' && r.kind !== 'stack' && r.kind !== 'missing') fail('kind', 'expected "span", "stack" or "missing"');
  if (typeof r.severity !== 'string' || !SEVERITIES.includes(r.severity as Severity)) fail('severity', `expected one of ${SEVERITIES.join(', ')}`);
  for (const f of ['message', 'why']) {
    if (typeof r[f] !== 'string' || !(r[f] as string).trim()) fail(f, 'expected a non-empty string');
  }
  if ((r.message as string).includes('\n')) fail('message', 'must be one line');
  if (r.scope !== undefined && r.scope !== 'match' && r.scope !== 'sentence') fail('scope', 'expected "match" or "sentence"');
  for (const f of ['phrases', 'triggers', 'exceptions', 'conditions', 'suggestions', 'when', 'unless']) {
    if (r[f] !== undefined && !isStringArray(r[f])) fail(f, 'expected an array of strings');
  }
  if (typeof r.name !== 'string' || !r.name.trim() || r.name.length > 40) fail('name', 'expected a plain name of up to 40 characters');
  if (typeof r.strategy !== 'string' || !(STRATEGIES as readonly string[]).includes(r.strategy)) fail('strategy', `expected one of ${STRATEGIES.join(', ')}`);
  for (const f of ['patterns', 'match']) {
    if (r[f] === undefined) continue;
    if (!Array.isArray(r[f])) fail(f, 'expected an array');
    for (const [i, e] of (r[f] as unknown[]).entries()) {
      if (typeof e === 'string') continue;
      const o = e as Record<string, unknown>;
      if (!o || typeof o !== 'object' || typeof o.pattern !== 'string') fail(`${f}[${i}]`, 'expected a string or { pattern, conditions?, scope?, suggestions? }');
      for (const key of Object.keys(o)) if (!['pattern', 'conditions', 'scope', 'suggestions'].includes(key)) fail(`${f}[${i}].${key}`, 'unknown field');
      if (o.conditions !== undefined && !isStringArray(o.conditions)) fail(`${f}[${i}].conditions`, 'expected an array of strings');
      for (const c of (o.conditions as string[] | undefined) ?? []) if (!(c in CONDITIONS)) fail(`${f}[${i}].conditions`, `unknown condition "${c}"`);
      if (o.scope !== undefined && o.scope !== 'match' && o.scope !== 'sentence') fail(`${f}[${i}].scope`, 'expected "match" or "sentence"');
      if (o.suggestions !== undefined && (!isStringArray(o.suggestions) || o.suggestions.length === 0 || o.suggestions.length > 3)) fail(`${f}[${i}].suggestions`, 'expected 1–3 strings');
    }
  }
  for (const [i, m] of ((r.match as PatternEntry[] | undefined) ?? []).entries()) {
    try {
      compileTokenPattern(entryPattern(m));
    } catch (e) {
      if (e instanceof TokenPatternError) fail(`match[${i}]`, e.message);
      throw e;
    }
  }
  const groups = new Set<string>();
  const checkRegex = (field: string, list: string[] | undefined, isPhrase = false) => {
    for (const [i, src] of (list ?? []).entries()) {
      const unknown = isPhrase ? [] : unknownMacros(src);
      if (unknown.length) fail(`${field}[${i}]`, `unknown macro {${unknown[0]}}`);
      let re: RegExp;
      try {
        re = compilePattern(src, isPhrase);
      } catch (e) {
        return fail(`${field}[${i}]`, `invalid regular expression: ${(e as Error).message}`);
      }
      if (re.test('')) fail(`${field}[${i}]`, 'matches the empty string');
      re.lastIndex = 0;
      for (const g of namedGroups(re)) groups.add(g);
    }
  };
  checkRegex('phrases', r.phrases as string[] | undefined, true);
  checkRegex('patterns', (r.patterns as PatternEntry[] | undefined)?.map(entryPattern));
  checkRegex('exceptions', r.exceptions as string[] | undefined);
  checkRegex('unless', r.unless as string[] | undefined);
  for (const c of (r.conditions as string[] | undefined) ?? []) if (!(c in CONDITIONS)) fail('conditions', `unknown condition "${c}" (known: ${Object.keys(CONDITIONS).join(', ')})`);
  if (r.kind === 'span') {
    if (!(r.phrases as string[] | undefined)?.length && !(r.patterns as unknown[] | undefined)?.length && !(r.match as unknown[] | undefined)?.length) {
      fail('match', 'a span rule needs match, phrases or patterns');
    }
    if ((r.patterns as string[] | undefined)?.length && !(r.triggers as string[] | undefined)?.length) fail('triggers', 'rules with patterns must list trigger words');
  }
  if (r.kind === 'stack') {
    if (!(r.triggers as string[] | undefined)?.length) fail('triggers', 'stack rules must list trigger words');
    if (!Array.isArray(r.markers) || r.markers.length === 0) fail('markers', 'a stack rule needs markers');
    for (const [i, m] of (r.markers as unknown[]).entries()) {
      const mk = m as Record<string, unknown>;
      if (typeof mk.category !== 'string') fail(`markers[${i}].category`, 'expected a string');
      if (typeof mk.weight !== 'number' || !(mk.weight > 0)) fail(`markers[${i}].weight`, 'expected a positive number');
      if (!isStringArray(mk.patterns) || mk.patterns.length === 0) fail(`markers[${i}].patterns`, 'expected a non-empty array of strings');
      checkRegex(`markers[${i}].patterns`, mk.patterns as string[]);
      for (const key of Object.keys(mk)) if (!['category', 'weight', 'patterns', 'remove'].includes(key)) fail(`markers[${i}].${key}`, 'unknown field');
    }
    if (typeof r.threshold !== 'number' || !(r.threshold > 0)) fail('threshold', 'expected a positive number');
  }
  if (r.kind === 'missing') {
    if (!(r.when as string[] | undefined)?.length) fail('when', 'a missing rule needs the findings that trigger it');
    if (!(r.unless as string[] | undefined)?.length) fail('unless', 'a missing rule needs the statements that satisfy it');
  }
  const variantSuggestions = [...((r.patterns as PatternEntry[] | undefined) ?? []), ...((r.match as PatternEntry[] | undefined) ?? [])].flatMap((e) =>
    typeof e === 'string' ? [] : (e.suggestions ?? []),
  );
  const suggestions = (r.suggestions as string[] | undefined) ?? [];
  if (suggestions.length > 3) fail('suggestions', 'at most 3 suggestions');
  if (r.kind !== 'span' || r.severity !== 'suggestion') {
    if (suggestions.length === 0) fail('suggestions', 'rules at warning or above, and stack and missing rules, need at least one suggestion');
  }
  for (const [i, t] of [...suggestions.map((s) => ['suggestions', s] as const), ...variantSuggestions.map((s) => ['suggestions', s] as const), ['message', r.message as string] as const].entries()) {
    for (const p of placeholders(t[1])) {
      if (!POLICY_PLACEHOLDERS.has(p) && !groups.has(p)) fail(t[0] === 'message' ? 'message' : `suggestions[${i}]`, `unknown placeholder {${p}}`);
    }
  }
  const ex = r.examples as Record<string, unknown> | undefined;
  if (!ex || typeof ex !== 'object') return fail('examples', 'expected { flag, pass, rewrite }');
  for (const key of Object.keys(ex)) if (!['flag', 'pass', 'rewrite'].includes(key)) fail(`examples.${key}`, 'unknown field');
  if (!Array.isArray(ex.flag) || ex.flag.length < 3) fail('examples.flag', 'at least 3 texts that must flag');
  if (!Array.isArray(ex.pass) || ex.pass.length < 3) fail('examples.pass', 'at least 3 near misses that must not flag');
  if (suggestions.length > 0 && (!Array.isArray(ex.rewrite) || ex.rewrite.length < 1)) fail('examples.rewrite', 'at least 1 rewrite check');
  for (const [i, f] of (ex.flag as unknown[]).entries()) {
    const e = f as Record<string, unknown>;
    if (typeof e?.text !== 'string') fail(`examples.flag[${i}].text`, 'expected a string');
  }
  for (const [i, f] of ((ex.rewrite as unknown[] | undefined) ?? []).entries()) {
    const e = f as Record<string, unknown>;
    if (typeof e?.text !== 'string' || typeof e?.output !== 'string') fail(`examples.rewrite[${i}]`, 'expected { text, output }');
    if (e.text === e.output) fail(`examples.rewrite[${i}].output`, 'must differ from the input');
  }
}

/** One regex that finds any of the trigger words (whole words; phrases with any spacing). */
function triggerGate(triggers: string[]): RegExp {
  const words = triggers.map((t) => t.replace(/\$$/, '').split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  return new RegExp(`(?<![a-z0-9'])(?:${words.join('|')})(?![a-z0-9'])`, 'gi');
}

/** A token pattern's gate: the regex, and where it can start when every trigger opens with a word. */
function windowGate(triggers: string[]): Pick<Variant, 'gate' | 'window' | 'gateWords' | 'gateAt'> {
  const gate = triggerGate(triggers);
  const words = triggers.map((t) => leadingWord(t.replace(/\$$/, '')));
  if (words.some((w) => w === null)) return { gate, window: true };
  return { gate, window: true, gateWords: wordSet(words as string[]), gateAt: new RegExp(gate.source, 'iy') };
}

/** Entries with the same extras can share one regex. */
function variantKey(e: PatternEntry): string {
  return typeof e === 'string' ? '' : JSON.stringify([e.conditions ?? [], e.scope ?? null, e.suggestions ?? null]);
}

function variantOf(e: PatternEntry): Variant | null {
  if (typeof e === 'string') return null;
  return { conditions: (e.conditions ?? []).map((c) => CONDITIONS[c]!), scope: e.scope, suggestions: e.suggestions };
}

export function compilePack(def: PackDef): CompiledPack {
  return {
    def,
    rules: def.rules.map((r) => {
      const tokens = (r.match ?? []).map((e) => ({ entry: e, compiled: compileTokenPattern(entryPattern(e)) }));
      const entries: { re: RegExp; variant: Variant | null; key: string }[] = [
        ...(r.phrases ?? []).map((p) => ({ re: compilePattern(p, true), variant: null, key: '' })),
        ...(r.patterns ?? []).map((e) => ({ re: compilePattern(entryPattern(e), false), variant: variantOf(e), key: variantKey(e) })),
        // A token pattern keeps its own regex behind a gate of its own trigger words: a rule is tried
        // when any of its patterns' triggers occurs, but each pattern only where its own does.
        ...tokens.map((t) => ({ re: new RegExp(t.compiled.source, 'gi'), variant: { ...(variantOf(t.entry) ?? { conditions: [] }), ...windowGate(t.compiled.triggers), required: t.compiled.required.map(wordSet), ...(t.compiled.first ? { first: wordSet(t.compiled.first), at: new RegExp(t.compiled.source, 'iy') } : {}) }, key: `\u0000${t.compiled.source}` })),
      ];
      // Patterns without named groups that share their extras (or have none) run as one
      // alternation: one scan of the paragraph instead of one per pattern. Grouped ones keep their own.
      const all: { re: RegExp; variant: Variant | null }[] = [];
      const byKey = new Map<string, { re: RegExp; variant: Variant | null }[]>();
      for (const e of entries) {
        if (namedGroups(e.re).size > 0) continue;
        const list = byKey.get(e.key) ?? [];
        list.push(e);
        byKey.set(e.key, list);
      }
      for (const list of byKey.values()) {
        all.push(list.length > 1 ? { re: new RegExp(list.map((e) => `(?:${e.re.source})`).join('|'), 'gi'), variant: list[0]!.variant } : list[0]!);
      }
      all.push(...entries.filter((e) => namedGroups(e.re).size > 0));
      const triggers = [
        ...new Set([...expandTriggers(r.triggers ?? []), ...phraseTriggers(r.phrases ?? []), ...tokens.flatMap((t) => t.compiled.triggers)].map((t) => t.toLowerCase())),
      ];
      const context = r.kind === 'span' ? CONTEXT_CONDITIONS.filter((c) => !(r.conditions ?? []).includes(c)) : [];
      return {
        def: r,
        pack: def.id,
        fullId: `${def.id}/${r.id}`,
        severity: r.severity,
        regexes: all.map((e) => withIndices(e.re)),
        variants: all.map((e) => e.variant),
        exceptions: (r.exceptions ?? []).map((p) => compilePattern(p, false)),
        // Cheap, decisive conditions first; the context checks run on a match that survived them.
        conditions: [...(r.conditions ?? []), ...context].map((c) => CONDITIONS[c]!),
        triggers,
        markers: (r.markers ?? []).flatMap((m) =>
          m.patterns.map((p) => ({ category: m.category, weight: m.weight, regex: compilePattern(p, false), remove: m.remove !== false })),
        ),
        // One scan finds every marker; heavier markers come first so they win where two start together.
        markerRegex: r.markers?.length
          ? new RegExp(
              r.markers
                .flatMap((m) => m.patterns)
                .map((p, i) => `(?<m${i}>${expandMacros(p)})`)
                .join('|'),
              'gi',
            )
          : undefined,
        unless: (r.unless ?? []).map((p) => compilePattern(p, false)),
      };
    }),
  };
}

/** Validates and compiles a set of packs; throws PackError on the first problem. */
export function loadPacks(files: Record<string, unknown>): CompiledPack[] {
  return Object.entries(files).map(([file, raw]) => compilePack(validatePack(raw, file)));
}
