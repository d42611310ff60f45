// The user's own phrases and patterns. They run after the built-in packs, in a pass with its own
// limits, so nothing a user (or an imported settings file) writes can hold up built-in analysis:
// - patterns run in RE2 (linear time, see pattern-safety.ts), one sentence at a time, and
//   sentences are at most MAX_SENTENCE_LENGTH long, so one search costs at most
//   (sentence length × program size) steps;
// - at most MAX_FINDINGS_PER_CUSTOM_RULE findings per rule and MAX_CUSTOM_FINDINGS in all per
//   analysis, which also bounds the number of searches that succeed;
// - the pass stops after CUSTOM_TIME_BUDGET_MS, between two rules; what a paragraph got so far is
//   kept, so the next analysis (the next keystroke) carries on where this one stopped, and each
//   analysis finishes at least one rule, so the pass always gets to the end.
import type { RE2JS } from 're2js';
import { snapToGraphemes } from './graphemes';
import { atSentenceStart } from './matchers/types';
import { acceptedPattern, checkCustomPattern } from './pattern-safety';
import { sentences } from './segment';
import { fillTemplate, fitToContext } from './suggestions';
import type { CustomRule, Finding, Severity } from './types';

export const MAX_FINDINGS_PER_CUSTOM_RULE = 50;
export const MAX_CUSTOM_FINDINGS = 200;
export const CUSTOM_TIME_BUDGET_MS = 25;

export interface CompiledCustomRule {
  /** Rule id as findings carry it, e.g. `custom-3`; `<pack>/<id>` turns it off. */
  id: string;
  fullId: string;
  pack: string;
  severity: Severity;
  message: string;
  suggestion: string;
  /** Plain phrases: a word-bounded JavaScript regex (literal words only, so it cannot backtrack badly). */
  phrase: RegExp | null;
  /** Patterns: RE2. */
  pattern: RE2JS | null;
}

/** Why a custom rule cannot be compiled; the engine turns it into an EngineInputError. */
export class CustomRuleError extends Error {}

const WHY = 'You added this phrase on the options page.';
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWordChar = (cp: number | undefined) => cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));

function codePointBefore(s: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return s.codePointAt(i - 2);
  return low;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The id findings carry: the settings id as it is ("custom-3"), or "custom-<id>" for bare ids. */
export function customRuleId(rule: Pick<CustomRule, 'id'>, index: number): string {
  if (rule.id && rule.id.startsWith('custom-')) return rule.id;
  return `custom-${rule.id || index + 1}`;
}

export function compileCustomRule(rule: CustomRule, index: number): CompiledCustomRule {
  let phrase: RegExp | null = null;
  let pattern: RE2JS | null = null;
  if (rule.isPattern) {
    const check = checkCustomPattern(rule.match);
    if (!check.ok) throw new CustomRuleError(`Custom rule ${index + 1} ("${rule.match}"): ${check.reason}`);
    pattern = acceptedPattern(rule.match);
  } else {
    const words = rule.match.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) throw new CustomRuleError(`Custom rule ${index + 1}: the phrase is empty.`);
    const body = words.map((w) => escapeRegExp(w).replace(/'/g, "'?")).join('\\s+');
    // Whole words are checked around each match (WORD_CHAR), not with lookaround in every
    // phrase's regex: Unicode classes are costly to compile, once per phrase.
    phrase = new RegExp(body, 'giu');
  }
  const id = customRuleId(rule, index);
  return {
    id,
    fullId: `${rule.pack}/${id}`,
    pack: rule.pack,
    severity: rule.severity,
    message: rule.message || `Matches your custom phrase "${rule.match}".`,
    suggestion: rule.suggestion,
    phrase,
    pattern,
  };
}

export interface CustomParagraphResult {
  findings: Finding[];
  /** How many of the rules (in order) have run over the paragraph; all of them when complete. */
  rulesDone: number;
  /** False when the time budget ran out before every rule had run over the paragraph. */
  complete: boolean;
}

function finding(rule: CompiledCustomRule, text: string, norm: string, sentence: { start: number; end: number }, start: number, end: number): Finding {
  const span = snapToGraphemes(text, start, end);
  const spanText = text.slice(span.start, span.end);
  const values = { match: spanText };
  const suggestion = rule.suggestion ? fitToContext(fillTemplate(rule.suggestion, values), spanText, atSentenceStart(norm, sentence, span.start)) : '';
  return {
    rule: rule.id,
    intent: rule.id,
    detector: 'rules',
    pack: rule.pack,
    severity: rule.severity,
    kind: 'span',
    start: span.start,
    end: span.end,
    message: fillTemplate(rule.message, values),
    why: WHY,
    suggestions: suggestion && suggestion !== spanText ? [suggestion] : [],
  };
}

/**
 * The custom rules over one paragraph (offsets relative to it), at most
 * MAX_FINDINGS_PER_CUSTOM_RULE findings per rule, carrying on from `from` (a result cut short
 * before). Once `now()` passes `deadline` it stops after the rule it is running, but it always
 * finishes at least one rule, so every analysis makes progress however slow the machine.
 */
export function matchCustomRules(
  text: string,
  norm: string,
  rules: readonly CompiledCustomRule[],
  deadline: number,
  now: () => number,
  from: CustomParagraphResult = { findings: [], rulesDone: 0, complete: false },
): CustomParagraphResult {
  const findings: Finding[] = [...from.findings];
  const split = sentences(norm, { start: 0, end: norm.length });
  for (let r = from.rulesDone; r < rules.length; r++) {
    if (r > from.rulesDone && now() > deadline) return { findings, rulesDone: r, complete: false };
    const rule = rules[r]!;
    let count = 0;
    if (rule.phrase) {
      const re = rule.phrase;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let si = 0;
      while (count < MAX_FINDINGS_PER_CUSTOM_RULE && (m = re.exec(norm)) !== null) {
        const end = m.index + m[0].length;
        // Part of a longer word ("hun" in "hunt"): look again one character on.
        if (isWordChar(codePointBefore(norm, m.index)) || isWordChar(norm.codePointAt(end))) {
          re.lastIndex = m.index + 1;
          continue;
        }
        while (si < split.length - 1 && m.index >= split[si]!.end) si++;
        findings.push(finding(rule, text, norm, split[si] ?? { start: 0, end: norm.length }, m.index, m.index + m[0].length));
        count++;
      }
      continue;
    }
    const re = rule.pattern!;
    for (const s of split) {
      if (count >= MAX_FINDINGS_PER_CUSTOM_RULE) break;
      const piece = norm.slice(s.start, s.end);
      // The DFA's yes/no is much cheaper than finding positions; most sentences stop here.
      if (!re.test(piece)) continue;
      const m = re.matcher(piece);
      let pos = 0;
      while (count < MAX_FINDINGS_PER_CUSTOM_RULE && pos <= piece.length && m.find(pos)) {
        const a = m.start();
        const b = m.end();
        // The gate refuses patterns that can match empty text; step over one anyway.
        if (b > a) {
          findings.push(finding(rule, text, norm, s, s.start + a, s.start + b));
          count++;
        }
        pos = b > a ? b : a + 1;
      }
    }
  }
  return { findings, rulesDone: rules.length, complete: true };
}
