// Asking is not offering: "does the package include unlimited revisions?" is not a promise.
import { sentenceText, type Condition } from './types';

const LOOKS_LIKE_QUESTION = /^(?:do|does|did|is|are|was|were|can|could|would|will|should|have|has|may|might|shall|how|what|when|where|why|who|which)\b/i;

export const notQuestion: Condition = (ctx) => {
  const s = sentenceText(ctx).trim();
  if (s.endsWith('?')) return false;
  if (!LOOKS_LIKE_QUESTION.test(s)) return true;
  // Questions written without a question mark ("can you confirm you want unlimited calls").
  return !ctx.nlp.get(s).questions().found;
};
