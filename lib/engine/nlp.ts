// The only importer of compromise. Parses are made on demand for the few sentences a rule's
// cheap pattern already matched, memoised for the length of one analysis, and budgeted: a
// hostile draft can ask for thousands of grammar decisions, so one analysis makes at most
// MAX_PARSES_PER_ANALYSIS parses (each of a bounded window of text, see conditions/near-match.ts).
import nlp from 'compromise';

export type NlpDoc = ReturnType<typeof nlp>;

/** Parses one analysis may make; ordinary mail needs none or one or two. */
export const MAX_PARSES_PER_ANALYSIS = 8;

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

  constructor(budget = MAX_PARSES_PER_ANALYSIS) {
    this.left = budget;
  }

  /** The parse of `text`, or null when this analysis has used its budget. */
  get(text: string): NlpDoc | null {
    let doc = this.docs.get(text);
    if (doc) return doc;
    if (this.left <= 0) {
      this.exhausted = true;
      return null;
    }
    this.left--;
    parses++;
    doc = nlp(text);
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
