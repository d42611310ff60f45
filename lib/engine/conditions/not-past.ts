// "We met on Sunday evening" reports the past; "we can meet Sunday evening" offers the future.
import type { Condition } from './types';
import { matchWindow, recalled, remember } from './near-match';

const FUTURE_OR_OFFER = /\b(?:will|'ll|can|could|shall|let's|lets|happy to|glad to|free|available|fine|works?|going to|gonna|should|fancy|wanna|tonight|tomorrow|next|ok|okay|sure|feel free|don't hesitate|any ?time|whenever)\b|\?\s*$/i;

export const notPast: Condition = (ctx) => {
  const s = matchWindow(ctx).text;
  if (FUTURE_OR_OFFER.test(s)) return true;
  const known = recalled('not-past', s);
  if (known !== undefined) return known;
  const doc = ctx.nlp.get(s);
  // Without grammar (parse budget used up) the offer stands: the cheap test found no sign of a report.
  if (!doc) return true;
  const verbs = doc.verbs();
  let result: boolean;
  if (!verbs.found) result = true;
  // Offers use present, future or modal verbs; a sentence led by a past verb ("it was good to
  // hang out", "we met on Sunday") reports what happened.
  else if (verbs.eq(0).has('#PastTense')) result = false;
  else result = !(doc.has('#PastTense') && !doc.has('(#PresentTense|#FutureTense|#Modal|#Imperative|#Infinitive)'));
  return remember('not-past', s, result);
};
