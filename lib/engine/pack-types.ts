// The rule pack data format (rules/*.json) and its compiled form.
import type { Severity } from './types';

export interface RuleExamples {
  /** Texts that must flag this rule; `span` is the exact flagged text when given. */
  flag: { text: string; span?: string; settings?: Record<string, unknown> }[];
  /** Texts that must not flag this rule (near misses). */
  pass: (string | { text: string; settings?: Record<string, unknown> })[];
  /** Input → exact draft after applying the first suggestion. */
  rewrite?: { text: string; output: string; settings?: Record<string, unknown> }[];
}

export interface StackMarker {
  category: string;
  weight: number;
  patterns: string[];
  /** Removed from the text when building the clearer rewrite. */
  remove?: boolean;
}

/** How the rewrite work fixes a finding of this intent. */
export const STRATEGIES = ['transform', 'replace-sentence', 'remove-sentence', 'rewrite-message', 'insert-statement'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/**
 * A pattern, or a pattern with what applies to it alone: extra conditions, its own scope or
 * suggestions (one intent often has wordings that need different checks or fixes).
 */
export type PatternEntry =
  | string
  | { pattern: string; conditions?: string[]; scope?: 'match' | 'sentence'; suggestions?: string[] };

export interface RuleDef {
  /** The intent id (see the intents list): the rule a user switches off. */
  id: string;
  /** Plain name shown on the options page, e.g. "Affection". */
  name: string;
  kind: 'span' | 'stack' | 'missing';
  severity: Severity;
  /** The rewrite strategy for this intent. */
  strategy: Strategy;
  message: string;
  why: string;
  note?: string;
  /** span: plain phrases, word-bounded, case-insensitive. */
  phrases?: string[];
  /** span: token patterns over word classes, e.g. `[SPEAKER] [MODAL]? CONTACT_VERB me ANY_HOUR` (lib/engine/token-pattern.ts). */
  match?: PatternEntry[];
  /** span: regular expressions (case-insensitive; {MACROS} and {CLASSES} allowed; a `span` group marks the flagged part). */
  patterns?: PatternEntry[];
  /** Words (prefixes) one of which must occur for the patterns to be tried; `@CLASS` names a class's words. Derived for phrases and token patterns. */
  triggers?: string[];
  /** Patterns tested on the sentence: any hit cancels the finding. */
  exceptions?: string[];
  /** Grammar conditions, by name (lib/engine/conditions). All must hold. */
  conditions?: string[];
  /** What the suggestions replace: the match (default) or the whole sentence. */
  scope?: 'match' | 'sentence';
  /** Suggestion templates. */
  suggestions?: string[];
  /** stack: counted markers, the score that flags, and how many categories must take part. */
  markers?: StackMarker[];
  threshold?: number;
  minCategories?: number;
  /** missing: full rule ids (or `pack/*`) whose findings grant something, and statements that satisfy the rule. */
  when?: string[];
  unless?: string[];
  examples: RuleExamples;
}

export interface PackDef {
  id: string;
  name: string;
  description: string;
  version: number;
  defaultFor: string[];
  rules: RuleDef[];
}
