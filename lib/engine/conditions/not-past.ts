// "We met on Sunday evening" reports the past; "we can meet Sunday evening" offers the future.
import { sentenceText, type Condition } from './types';

const FUTURE_OR_OFFER = /\b(?:will|'ll|can|could|shall|let's|lets|happy to|glad to|free|available|fine|works?|going to|gonna|tonight|tomorrow|next|ok|okay|sure|feel free|don't hesitate|any ?time|whenever)\b|\?\s*$/i;

export const notPast: Condition = (ctx) => {
  const s = sentenceText(ctx);
  if (FUTURE_OR_OFFER.test(s)) return true;
  const doc = ctx.nlp.get(s);
  const verbs = doc.verbs();
  if (!verbs.found) return true;
  // Offers use present, future or modal verbs; a sentence led by a past verb ("it was good to
  // hang out", "we met on Sunday") reports what happened.
  if (verbs.eq(0).has('#PastTense')) return false;
  return !(doc.has('#PastTense') && !doc.has('(#PresentTense|#FutureTense|#Modal|#Imperative|#Infinitive)'));
};
