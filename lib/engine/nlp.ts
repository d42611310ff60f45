// The only importer of compromise. Parses are made on demand for the few sentences a rule's
// cheap pattern already matched, and memoised for the length of one analysis.
import nlp from 'compromise';

export type NlpDoc = ReturnType<typeof nlp>;

let parses = 0;

/** Number of sentences parsed since start-up (the benchmark reports it). */
export function nlpParseCount(): number {
  return parses;
}

export class NlpCache {
  private docs = new Map<string, NlpDoc>();
  get(text: string): NlpDoc {
    let doc = this.docs.get(text);
    if (!doc) {
      parses++;
      doc = nlp(text);
      this.docs.set(text, doc);
    }
    return doc;
  }
}
