// Public types of the engine: findings, rules, packs, the user's policy and analysis options.
// Pure data; no DOM or browser types may appear here.

export type Severity = 'suggestion' | 'warning' | 'alert';
export type FindingKind = 'span' | 'missing';
/** Which detector found a finding: the readable rules, the learned sentence model, or both. */
export type Detector = 'rules' | 'model' | 'both';

export const SEVERITIES: readonly Severity[] = ['suggestion', 'warning', 'alert'];

export const PACK_IDS = ['availability', 'personal', 'confidentiality', 'assertiveness', 'scope', 'tone'] as const;
export type PackId = (typeof PACK_IDS)[number];

export const PROFESSIONS = ['general', 'freelancer', 'clinician', 'coach', 'account-manager'] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** One thing Clearline tells the user about a draft. Offsets are UTF-16 code units into the analysed text. */
export interface Finding {
  /** Rule id inside its pack = the intent id, e.g. `any-time`. Custom rules use `custom-<n>`. */
  rule: string;
  /** The intent (same as `rule`; the name the model and the rewrites use). */
  intent: string;
  detector: Detector;
  /** The sentence model's calibrated confidence in this intent (findings the model took part in). */
  confidence?: number;
  /** Pack id (`availability` …); custom phrases carry the pack the user chose. */
  pack: string;
  severity: Severity;
  kind: FindingKind;
  /** For `span`: the flagged text is text.slice(start, end). For `missing`: start === end === the insertion point. */
  start: number;
  end: number;
  /** One line. */
  message: string;
  /** Short reason, grounded in the seeds' principles. */
  why: string;
  /** 1–3 strings: full replacements of the span, or for `missing` the sentence to insert. */
  suggestions: string[];
  /**
   * The words that carry the finding when they are narrower than the span (the trigger phrase of a
   * sentence-wide finding): these are underlined and quoted, while suggestions still replace the span.
   */
  focus?: { start: number; end: number };
  /**
   * When several separate phrases carry the finding (a stack of apologies and hedges: each "sorry",
   * "I guess", "if that's okay"), each of them in reading order: these are underlined and quoted
   * instead of focus or the span, while suggestions still replace the span.
   */
  marks?: { start: number; end: number }[];
  /**
   * Other findings in the same sentence (or overlapping it): one card speaks for all of them, and
   * its rewrites fix every one. Absent when the finding is alone in its sentence.
   */
  also?: RelatedFinding[];
}

/** A finding that shares its sentence's card with another (see Finding.also). */
export interface RelatedFinding {
  pack: string;
  rule: string;
  intent: string;
  severity: Severity;
  message: string;
  why: string;
  focus: { start: number; end: number };
  /** Its several trigger phrases, when it has them (see Finding.marks). */
  marks?: { start: number; end: number }[];
}

/** The user's own boundaries. Detection and rewrites both read it. */
export interface Policy {
  profession: Profession;
  /** Working days, 0 = Sunday … 6 = Saturday. */
  workDays: number[];
  /** "HH:MM", 24-hour, local time. */
  workStart: string;
  workEnd: string;
  /** IANA zone name, or "local". */
  timeZone: string;
  /** Phrase that completes "I reply …", e.g. "within one business day". */
  responseTime: string;
  /** Phrase naming the urgent path, e.g. "email with URGENT in the subject". */
  urgentChannel: string;
  /** How times read in rewrites: "4:30 PM" (12h, the default) or "16:30" (24h, set from the user's locale). */
  clock?: '12h' | '24h';
  /** Optional lines the user wrote; used in rewrites and the boundary statement. */
  giftsLine?: string;
  socialLine?: string;
  runInsLine?: string;
}

export const DEFAULT_POLICY: Policy = {
  profession: 'general',
  workDays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '18:00',
  timeZone: 'local',
  responseTime: 'within one business day',
  urgentChannel: 'email with URGENT in the subject',
};

/**
 * Clinicians' clients may write when they are at risk: their default urgent path points to help that
 * answers at once, never to an inbox read the next working day.
 */
export const CLINICIAN_URGENT_CHANNEL = 'call your local emergency number or a crisis line';

/** The urgent path a profession starts with. */
export function defaultUrgentChannel(profession: Profession): string {
  return profession === 'clinician' ? CLINICIAN_URGENT_CHANNEL : DEFAULT_POLICY.urgentChannel;
}

/** A phrase or simple pattern the user added on the options page. */
export interface CustomRule {
  id: string;
  /** Plain phrase (word-bounded, case-insensitive) unless isPattern. */
  match: string;
  isPattern: boolean;
  pack: string;
  severity: Severity;
  message: string;
  suggestion: string;
}

export interface AnalyzeOptions {
  /** Packs switched on. Omitted: every pack. */
  packs?: readonly string[];
  /** Full ids `<pack>/<rule>` switched off. */
  disabledRules?: readonly string[];
  /** Full id `<pack>/<rule>` → severity the user chose. */
  severityOverrides?: Readonly<Record<string, Severity>>;
  policy?: Partial<Policy>;
  customRules?: readonly CustomRule[];
  /** Report findings at or above this level only. Default `suggestion` (everything). */
  minSeverity?: Severity;
  /**
   * Milliseconds the custom-rule pass may take in one analysis (default 25, so typing never waits
   * on the user's patterns; a pass cut short carries on in the next analysis). Infinity for tools
   * that want the whole answer at once.
   */
  customTimeBudgetMs?: number;
  /**
   * Milliseconds of grammar parsing one analysis may spend (default GRAMMAR_TIME_BUDGET_MS in
   * nlp.ts). Past it, the paragraphs still waiting for grammar are decided provisionally and not
   * cached, and the report says the analysis is not complete: the next analysis of the same text
   * finds the grammar decisions made so far remembered and carries on. Infinity turns it off.
   */
  grammarTimeBudgetMs?: number;
  /**
   * Milliseconds one analysis may spend on paragraphs it has not cached (default
   * ANALYSIS_TIME_BUDGET_MS in index.ts, applied past a thousand-word draft's worth of work),
   * besides a work budget counted in characters. Past either, the paragraphs (or chunks of a long
   * paragraph) not yet analysed wait for the next analysis, and the report says the analysis is
   * not complete. Infinity turns both budgets off, and the rewrite gate's character budget too
   * (tools that want the whole answer at once).
   */
  analysisTimeBudgetMs?: number;
  /** The learned sentence model beside the rules (default on). Off: the rules alone (tools compare the two). */
  model?: boolean;
}
