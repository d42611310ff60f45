// "I won't be available after 6" states a boundary; "don't hesitate to call me anytime" offers one.
// A negation in the match's clause cancels it, unless grammar says it negates something harmless.
import { clauseBefore, type Condition } from './types';
import { clauseWindow, recalled, remember } from './near-match';

const NEGATOR = /\b(?:not|never|no|nobody|nothing|cannot|unable|unavailable|without|neither|nor)\b|n't\b/i;
// Negated verbs that leave the offer standing: "don't hesitate", "never mind", "no worries".
const HARMLESS_VERBS = new Set(['hesitate', 'worry', 'mind', 'wait', 'forget', 'be', 'feel', 'think', 'need', 'hold', 'stress', 'panic']);
const HARMLESS_PHRASE = /\b(?:why don't (?:you|we)|why not|no worries|no problem|not a problem|no need to (?:wait|ask|apologi[sz]e|worry)|not at all|no matter|no doubt|not only|nothing (?:is )?too|never too (?:late|early)|no charge|no extra|(?:i'm |im |i am )?not (?:gonna|going to) lie|ngl|(?:can't|cant|cannot) stop (?:thinking|smiling|grinning|looking|staring|blushing)|(?:can't|cant|cannot|couldn't|couldnt|could not) help (?:noticing|thinking|but notice|but think|myself|it|smiling|staring)|(?:i )?won't lie|(?:i )?(?:probably |really )?shouldn't (?:say|tell you) this|if (?:you|u) (?:weren't|werent|were not|wasn't|wasnt) (?:my|a) (?:client|patient|student|customer|pupil))\b/gi;
// Without grammar (the analysis used its parse budget): a negator right before a harmless verb.
const HARMLESS_NEGATION = /(?:\b(?:not|never)|n't)\s+(?:(?:really|even|ever|just|you|to)\s+)?(?:hesitate|worry|mind|wait|forget|feel|think|need|hold|stress|panic)\b/gi;

export const notNegated: Condition = (ctx) => {
  const clause = clauseWindow(clauseBefore(ctx)).replace(HARMLESS_PHRASE, ' ');
  if (!NEGATOR.test(clause)) return true;
  const known = recalled('not-negated', clause);
  if (known !== undefined) return known;
  // Let grammar decide which verb the negation belongs to.
  const doc = ctx.nlp.get(clause);
  if (!doc) return !NEGATOR.test(clause.replace(HARMLESS_NEGATION, ' '));
  const negated = doc.match('#Negative #Adverb? #Auxiliary? #Adverb? [#Verb]', 0).out('array') as string[];
  const adjectiveNegated = doc.has('#Negative (be|#Copula)? #Adjective') || doc.has('unavailable');
  let result: boolean;
  if (adjectiveNegated) result = false;
  // "no longer", "never" before a noun phrase, "not anymore": still a negation of the clause.
  else if (negated.length === 0) result = !/\b(?:not|never|no longer|cannot|unable|unavailable)\b|n't\b/i.test(clause);
  else result = negated.every((v) => HARMLESS_VERBS.has(v.toLowerCase().replace(/[^a-z]/g, '')));
  return remember('not-negated', clause, result);
};
