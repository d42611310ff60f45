// "I miss you" / "missing you already" is affection; "sorry I missed you at the office" and
// "we missed you in the meeting" are logistics. Grammar checks the verb, its subject and what follows.
import { sentenceText, type Condition } from './types';

export const affectionateMiss: Condition = (ctx) => {
  const s = sentenceText(ctx);
  const doc = ctx.nlp.get(s);
  const hit = doc.match('{miss} you');
  if (!hit.found) return false;
  // Logistics: a place, time or event follows, or an apology precedes.
  if (doc.has('{miss} you (at|in|on|during|earlier|yesterday|today|this|last|when|by|before|after|at the)')) return false;
  if (/\bsorry\b|\bapolog/i.test(s.slice(0, ctx.match.start - ctx.sentence.start))) return false;
  if (doc.has('{miss} your')) return false;
  // The verb must be the writer's (I/we) or subjectless ("Missing you already").
  return doc.has('(i|we|#Adverb|^) #Adverb? {miss} you') || doc.has('^{miss} you');
};
