// "I miss you" / "missing you already" is affection; "sorry I missed you at the office" and
// "we missed you in the meeting" are logistics. Cheap checks settle most cases; grammar checks
// the verb, its subject and what follows for the rest.
import type { Condition } from './types';
import { matchWindow, recalled, remember } from './near-match';

const LOGISTICS_AFTER = /^\s*(?:at|in|on|during|earlier|yesterday|today|this|last|when|by|before|after|at the|by phone|on the phone)\b/i;

export const affectionateMiss: Condition = (ctx) => {
  const before = ctx.norm.slice(ctx.sentence.start, ctx.match.start);
  const after = ctx.norm.slice(ctx.match.end, ctx.sentence.end);
  // Logistics: a place, time or event follows, or an apology precedes ("sorry I missed you").
  if (LOGISTICS_AFTER.test(after) || /\bsorry\b|\bapolog/i.test(before)) return false;
  // Someone else's missing ("they miss you", "the team will miss you") is not the writer's feeling.
  if (/\b(?:you|they|he|she|it|everyone|everybody|people|team|kids|all)\s+(?:(?:will|'ll|really|so|do|does|did|must|already|still|all)\s+)*$/i.test(before)) return false;
  // The writer's own verb, or no subject at all ("Missing you already"): affection.
  if (/(?:^|\b(?:i|we)(?:'ve|'ll|'d|ve)?\s+(?:(?:really|so|truly|already|still|do|just|will|'ll|have|'ve|sure|definitely|kinda|kind of)\s+)*)$/i.test(before.trimEnd() ? before.replace(/\s+$/, ' ') : before)) return true;
  const s = matchWindow(ctx).text;
  const known = recalled('affectionate-miss', s);
  if (known !== undefined) return known;
  const doc = ctx.nlp.get(s);
  // Without grammar (parse budget used up): the cheap checks above found no writer's verb.
  if (!doc) return false;
  // The verb must be the writer's (I/we) or subjectless ("Missing you already").
  return remember('affectionate-miss', s, doc.has('{miss} you') && (doc.has('(i|we|#Adverb|^) #Adverb? {miss} you') || doc.has('^{miss} you')));
};
