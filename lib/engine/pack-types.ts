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

export interface RuleDef {
  id: string;
  kind: 'span' | 'stack' | 'missing';
  severity: Severity;
  message: string;
  why: string;
  note?: string;
  /** span: plain phrases, word-bounded, case-insensitive. */
  phrases?: string[];
  /** span: regular expressions (case-insensitive; {MACROS} allowed; a `span` group marks the flagged part). */
  patterns?: string[];
  /** Words (prefixes) one of which must occur for the patterns to be tried. Derived for phrases. */
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
