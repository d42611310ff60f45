// Fuses the sentence model with the rules: every sentence of a paragraph is read by the model; a
// candidate must pass the same context conditions as a rule (not quoted, not reported, not
// negated, not a question, not someone else's service, not a boundary statement…, checked at the
// word that carried it), and then either confirms the rules' finding of the same intent in that
// sentence (detector `both`) or becomes a finding of its own (detector `model`) with the intent's
// message, reason and suggestions. One finding per sentence and intent; a sentence the rules
// already flagged for the same pack keeps the rules' finding.
import { LruCache } from '../cache';
import { CONDITIONS } from '../conditions/index';
import type { Condition } from '../conditions/types';
import { snapToGraphemes } from '../graphemes';
import type { CompiledRule } from '../load-packs';
import { atSentenceStart, type ParagraphContext } from '../matchers/types';
import { fillTemplate, fitToContext } from '../suggestions';
import { findTimes, isOutsideHours } from '../time';
import type { Finding, Severity } from '../types';
import { modelThresholds, predict, type Prediction } from './predict';

interface IntentEntry {
  rule: CompiledRule;
  severity: Severity;
  conditions: Condition[];
}

export interface ModelConfig {
  intents: Map<string, IntentEntry>;
}

// Conditions that judge a sentence around a word (the model's focus) and so carry over from rules.
const SENTENCE_CONDITIONS = new Set(['not-negated', 'not-question', 'not-past', 'first-person', 'not-others-service', 'not-logistics', 'not-boundary', 'not-declined', 'not-title-name']);
// Intents whose own wording is often a negation ("I never switch off", "no need to pay me"):
// the model judges those negations itself, from its negatives ("I'm not able to offer…").
const NEGATION_IS_THE_INTENT = new Set([
  'availability/always-on', 'availability/late-contact-ok', 'assertiveness/caving', 'assertiveness/self-blame', 'assertiveness/stacked-apology',
  'assertiveness/permission-refusal', 'scope/no-contract-change', 'scope/skipped-invoice', 'confidentiality/off-the-record', 'tone/command',
  'tone/invalidating', 'tone/shaming', 'tone/ultimatum', 'tone/insult', 'tone/sarcasm', 'personal/taking-sides',
]);
// Intents often written as a question ("Are you single?", "Would it be okay if I…?").
const ASKED_AS_QUESTION = new Set([
  'personal/invitation', 'personal/romantic', 'personal/appearance', 'assertiveness/permission-refusal', 'tone/sarcasm', 'tone/shaming', 'tone/insult',
  'confidentiality/run-in-session', 'confidentiality/revealing-client', 'confidentiality/therapy-by-text',
]);

const ANY_HOUR_CUE =
  /\b(?:any ?(?:time|hour|day)|anytym|whenever|whenevs|whatever|no matter|day (?:or|and) night|night (?:or|and) day|24\/?7|24 hours|round the clock|around the clock|all hours|7 days|seven days|weekends?|nights?|late|early|always|never|sundays?|saturdays?|holidays?|bad time|too late|evenings?|midnight|doesn'?t matter|off (?:the clock|duty))\b/i;

/** The conditions a model candidate of an intent must pass. */
const WITHHOLDS = /\b(?:skip(?:ping)?|cancel(?:l?ing)?|stop(?:ping)?|avoid(?:ing)?|pause|no more|no longer|drop(?:ping)?|instead of)\b/i;

function conditionsFor(intent: string, rule: CompiledRule): Condition[] {
  const names = new Set<string>(['not-quoted', 'not-reported']);
  for (const c of rule.def.conditions ?? []) if (SENTENCE_CONDITIONS.has(c)) names.add(c);
  if (!NEGATION_IS_THE_INTENT.has(intent)) names.add('not-negated');
  else names.delete('not-negated');
  if (!ASKED_AS_QUESTION.has(intent)) names.add('not-question');
  // The writer's own boundary statement ("I don't take calls after 6pm") is never a finding.
  names.add('not-boundary');
  if (intent.startsWith('availability/')) ['not-others-service', 'not-logistics'].forEach((c) => names.add(c));
  // A time the model noticed is an offer only when the writer offers it ("I can do 7pm"), not when
  // it is mentioned ("the alert runs through midnight tonight").
  if (intent === 'availability/after-hours-offer') names.add('offers-time');
  const order = ['not-quoted', 'not-question', 'not-reported', 'first-person', 'offers-time', 'not-others-service', 'not-logistics', 'not-boundary', 'not-negated', 'not-past', 'not-declined', 'not-title-name'];
  return order.filter((n) => names.has(n)).map((n) => CONDITIONS[n]!);
}

/** The model's view of a configuration: the intents switched on, at their (possibly overridden) severity. */
export function modelConfigFor(rules: CompiledRule[]): ModelConfig {
  const intents = new Map<string, IntentEntry>();
  for (const r of rules) {
    if (r.def.kind === 'missing') continue;
    intents.set(r.fullId, { rule: r, severity: r.severity, conditions: conditionsFor(r.fullId, r) });
  }
  return { intents };
}

// Suggestions for intents whose rules replace a phrase rather than the sentence: the model's
// finding covers the sentence, so it offers a whole sentence instead.
const SENTENCE_SUGGESTIONS: Record<string, string[]> = {
  'availability/after-hours-offer': ["I'm available {availability}; the first slot I can offer is {nextSlot}."],
  'availability/instant-reply': ["I'll reply {responseTime}; for anything urgent, {urgentAction}."],
  'assertiveness/caving': ["I understand this matters to you; I'm keeping to what we agreed, and here's what I can do within it."],
  'assertiveness/stacked-apology': ["I'm not able to do that, but here's what I can offer."],
};

function suggestionsFor(intent: string, rule: CompiledRule, values: Record<string, string | undefined>, spanText: string, focusText: string, startsSentence: boolean): string[] {
  let templates: string[];
  if (intent === 'personal/endearment') {
    // Drop the pet name and the comma or space that hung on it.
    const without = spanText.replace(new RegExp(`[ ,]*\\b${focusText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'), '').replace(/^[\s,]+/, '');
    templates = without && without !== spanText ? [without] : [];
  } else if (rule.def.scope === 'sentence' && !(rule.def.suggestions ?? []).some((t) => /\{(?:match|lead|cleaned)\}/.test(t))) {
    templates = rule.def.suggestions ?? [];
  } else {
    templates = SENTENCE_SUGGESTIONS[intent] ?? [];
  }
  return [...new Set(templates.map((t) => fitToContext(fillTemplate(t, values), spanText, startsSentence)).filter((s) => s && s !== spanText))];
}

// Predictions by sentence text, bounded by characters: an edit in a long paragraph re-reads only
// the sentence it changed, and a draft repeating one sentence thousands of times costs one read.
const predictions = new LruCache<string, Prediction | null>(400_000, (key) => key.length + 48);
/** Sentences of one paragraph the model reads (real paragraphs hold far fewer; a pasted log stops here). */
export const MAX_MODEL_SENTENCES = 400;
/**
 * Candidates of one paragraph whose conditions are checked. A real paragraph has a handful; a
 * hostile one (a pasted wall of trigger words) would otherwise run every context check on every piece.
 */
export const MAX_MODEL_CANDIDATES = 16;

/**
 * What a sentence needs before the model reads it: a person in it (I, we, you, text-speak u/ur…)
 * or a word of the few kinds that carry an intent without one ("No charge for the extras",
 * "Unlimited revisions!", "Love ya xx"). Most sentences of ordinary mail have neither ("The
 * meeting is at 3pm in room 204"), and skipping them keeps the model off the typing path.
 */
const MAY_CARRY_INTENT =
  /\b(?:i|i'm|im|i'll|ill|i've|ive|i'd|me|my|mine|myself|we|we're|we'll|us|our|ours|you|you're|youre|you'll|you've|your|yours|yourself|u|ur|ya|yu|let's|lets)\b|\b(?:free|charge|cost|unlimited|revision|invoice|bill|discount|price|love|luv|hugs?|kiss|xx+|babe|hun|hon|sweetie|darling|honey|24\/7|any ?time|whenever|midnight|tonight|weekend|sunday|saturday|sorry|apolog|secret|between us|record|idiot|stupid|ridiculous|pathetic|overreact|calm down|dramatic|ashamed|shame|last chance|or else|dinner|drinks?|party|gorgeous|beautiful|sexy|hot|cute|single|date)/i;

/**
 * A table row, a quoted-printable line or a list of numbers ("Zone 6 =09 El Paso =09 $2.64"): the
 * model's features mean nothing there, so it does not read them.
 */
export function looksLikeData(sentence: string): boolean {
  if (/=(?:09|20|3D)|\t\S*\t/.test(sentence)) return true;
  const visible = sentence.replace(/\s+/g, '');
  if (visible.length < 12) return false;
  const letters = (visible.match(/\p{L}/gu) ?? []).length;
  return letters / visible.length < 0.6 || (sentence.match(/\d{3,}/g) ?? []).length >= 4;
}

function predictCached(sentence: string): Prediction | null {
  if (!MAY_CARRY_INTENT.test(sentence) || looksLikeData(sentence)) return null;
  const known = predictions.get(sentence);
  if (known !== undefined) return known;
  const p = predict(sentence);
  predictions.set(sentence, p);
  return p;
}

/** Forgets remembered predictions (benchmarks measure cold analysis with it). */
export function forgetPredictions(): void {
  predictions.clear();
}

const overlaps = (f: Finding, s: { start: number; end: number }) => f.kind === 'span' && f.start < s.end && f.end > s.start;

/**
 * The model's findings fused into the rules' findings of one paragraph (offsets relative to it).
 * `ruleFindings` is not changed; the result is sorted like the rules' output.
 */
export function fuseModelFindings(ruleFindings: Finding[], ctx: ParagraphContext, config: ModelConfig): Finding[] {
  const out = [...ruleFindings];
  let added = false;
  const sentences = ctx.sentences;
  let candidates = 0;
  for (let i = 0; i < Math.min(sentences.length, MAX_MODEL_SENTENCES) && candidates < MAX_MODEL_CANDIDATES; i++) {
    const s = sentences[i]!;
    const p = predictCached(ctx.norm.slice(s.start, s.end));
    if (!p) continue;
    candidates++;
    const entry = config.intents.get(p.intent);
    if (!entry) continue;
    const [pack, intent] = p.intent.split('/') as [string, string];
    const focus = { start: s.start + p.focus.start, end: s.start + p.focus.end };
    const cctx = { norm: ctx.norm, sentence: s, match: focus, policy: ctx.policy, nlp: ctx.nlp };
    if (!entry.conditions.every((c) => c(cctx))) continue;
    // An any-hour offer names the unlimited time ("whenever", "day or night", "weekends too"); a
    // plain contact line ("You can reach me by phone at …") is not one.
    if (p.intent === 'availability/any-time' && !ANY_HOUR_CUE.test(ctx.norm.slice(s.start, s.end))) continue;
    // Withholding a time ("let's skip Sunday calls", "no more late texts") is a limit, not an offer.
    if (p.intent.startsWith('availability/') && WITHHOLDS.test(ctx.norm.slice(s.start, s.end))) continue;
    // An after-hours offer that names only times inside the user's hours is not one.
    if (p.intent === 'availability/after-hours-offer') {
      const times = findTimes(ctx.norm, s.start, s.end);
      if (times.length && !times.some((t) => isOutsideHours(t, ctx.policy))) continue;
    }
    // The rules' finding of the same intent in this sentence or a neighbouring one is the same place.
    const near = { start: ctx.sentences[i - 1]?.start ?? s.start, end: ctx.sentences[i + 1]?.end ?? s.end };
    const same = out.findIndex((f) => f.pack === pack && f.rule === intent && overlaps(f, f.detector === 'model' ? s : near));
    if (same >= 0) {
      if (out[same]!.detector === 'rules') out[same] = { ...out[same]!, detector: 'both', confidence: p.confidence };
      continue;
    }
    if (out.some((f) => f.pack === pack && overlaps(f, s))) continue;
    // Below the calibrated warning threshold the model stays silent: a faint suggestion-level
    // underline on ordinary sentences ("thanks for referring your friends") is noise, not help.
    if (p.confidence < modelThresholds().warning) continue;
    const severity: Severity = entry.severity;
    const span = snapToGraphemes(ctx.text, s.start, s.end);
    const spanText = ctx.text.slice(span.start, span.end);
    const focusText = ctx.text.slice(focus.start, focus.end);
    const values: Record<string, string | undefined> = { ...ctx.values, match: spanText };
    out.push({
      rule: intent,
      intent,
      detector: 'model',
      confidence: p.confidence,
      pack,
      severity,
      kind: 'span',
      start: span.start,
      end: span.end,
      ...(focus.start > span.start || focus.end < span.end ? { focus } : {}),
      message: fillTemplate(entry.rule.def.message, values),
      why: entry.rule.def.why,
      suggestions: suggestionsFor(p.intent, entry.rule, values, spanText, focusText, atSentenceStart(ctx.norm, s, span.start)),
    });
    added = true;
  }
  return added ? out.sort((a, b) => a.start - b.start || a.end - b.end || a.pack.localeCompare(b.pack)) : out;
}
