// Asking is not offering: "does the package include unlimited revisions?" is not a promise.
import { sentenceText, type Condition } from './types';
import { recalled, remember, sentenceHead } from './near-match';

const LOOKS_LIKE_QUESTION = /^(?:do|does|did|is|are|was|were|can|could|would|will|should|have|has|may|might|shall|how|what|when|where|why|who|which)\b/i;

export const notQuestion: Condition = (ctx) => {
  if (sentenceText(ctx).trimEnd().endsWith('?')) return false;
  const head = sentenceHead(ctx).trim();
  if (!LOOKS_LIKE_QUESTION.test(head)) return true;
  const known = recalled('not-question', head);
  if (known !== undefined) return known;
  // Questions written without a question mark ("can you confirm you want unlimited calls").
  const doc = ctx.nlp.get(head);
  // Without grammar (parse budget used up): it opens like a question, so read it as one.
  if (!doc) return false;
  return remember('not-question', head, !doc.questions().found);
};
