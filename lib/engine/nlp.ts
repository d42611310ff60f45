// The only importer of compromise. Parses are made on demand for the few sentences a rule's
// cheap pattern already matched, memoised for the length of one analysis, and budgeted: a
// hostile draft can ask for thousands of grammar decisions, so one analysis makes at most
// MAX_PARSES_PER_ANALYSIS parses (each of a bounded window of text, see conditions/near-match.ts).
import nlp from 'compromise';

export type NlpDoc = ReturnType<typeof nlp>;

/** Parses one analysis may make; ordinary mail needs none or one or two. */
export const MAX_PARSES_PER_ANALYSIS = 8;
/**
 * Time one analysis may spend parsing. A parse costs a few milliseconds on an idle machine and
 * many times that under load or on text in other scripts: the count alone does not bound the time.
 */
export const GRAMMAR_TIME_BUDGET_MS = 25;
/** Parses every analysis may make whatever the time: ordinary drafts never meet the time budget. */
export const GUARANTEED_PARSES = 3;

let parses = 0;

/** Number of sentences parsed since start-up (the benchmark reports it). */
export function nlpParseCount(): number {
  return parses;
}

export class NlpCache {
  private docs = new Map<string, NlpDoc>();
  private left: number;
  /** True once a parse was refused: decisions made without it are provisional and not cached. */
  exhausted = false;

  private spentMs = 0;
  private made = 0;

  constructor(
    budget = MAX_PARSES_PER_ANALYSIS,
    private readonly budgetMs = GRAMMAR_TIME_BUDGET_MS,
  ) {
    this.left = budget;
  }

  /** The parse of `text`, or null when this analysis has used its budget (of parses or of time). */
  get(text: string): NlpDoc | null {
    let doc = this.docs.get(text);
    if (doc) return doc;
    if (this.left <= 0 || (this.made >= GUARANTEED_PARSES && this.spentMs >= this.budgetMs)) {
      this.exhausted = true;
      return null;
    }
    this.left--;
    this.made++;
    parses++;
    const t0 = performance.now();
    doc = nlp(text);
    this.spentMs += performance.now() - t0;
    this.docs.set(text, doc);
    return doc;
  }
}

/** "shutting off the hosting" → "shut off the hosting": the phrase's first verb in its base form. */
export function toInfinitivePhrase(phrase: string): string {
  const doc = nlp(phrase);
  const verb = doc.verbs().first();
  if (!verb.found) return phrase;
  const before = verb.text();
  const m = /^(\S+)/.exec(before);
  if (!m) return phrase;
  const base = nlp(m[1]!).verbs().toInfinitive().text() || m[1]!;
  return phrase.replace(m[1]!, base);
}

const wordMemo = new Map<string, string[] | boolean>();
function memo<T extends string[] | boolean>(key: string, make: () => T): T {
  const hit = wordMemo.get(key);
  if (hit !== undefined) return hit as T;
  if (wordMemo.size > 2000) wordMemo.clear();
  const v = make();
  wordMemo.set(key, v);
  return v;
}

/** The tags compromise gives the first word of `text` ("Text me" → Verb, Imperative…); three words of context. */
export function firstWordTags(text: string): string[] {
  const head = text.split(/\s+/).slice(0, 3).join(' ').slice(0, 40);
  return memo(`t:${head}`, () => {
    const t = nlp(head).terms().json()[0] as { terms?: { tags?: string[] }[] } | undefined;
    return t?.terms?.[0]?.tags ?? [];
  });
}

/** Whether a short `text` has a verb at all ("more than teacher and student" has none). */
export function hasVerb(text: string): boolean {
  const t = text.trim().slice(0, 120);
  return memo(`v:${t}`, () => nlp(t).has('#Verb'));
}
