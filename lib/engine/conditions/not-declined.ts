// "Thank you for the scarf. I'm not able to accept gifts, so I've left it at reception": thanking for
// a present and then declining it in the same paragraph keeps the boundary; the thanks is no finding.
import type { Condition } from './types';

const DECLINE =
  /\b(?:can't|cannot|can not|couldn't|not able to|unable to|not allowed to|not permitted to|won't be able to|have to|must|need to)\s+(?:\w+\s+){0,2}?(?:accept|keep|take)\b|\b(?:decline|return(?:ing)?|send(?:ing)? (?:it|them) back|give (?:it|them) back|donat(?:e|ed|ing)|pass(?:ed|ing)? (?:it|them) (?:on )?to|left (?:it|them) (?:at|with)|for you to collect|(?:firm|company|practice|school|clinic|our|the) policy|gifts policy|gift policy)\b/i;

/** Holds unless the paragraph, from the match on, declines or returns the gift. */
export const notDeclined: Condition = (ctx) => !DECLINE.test(ctx.norm.slice(ctx.match.start, Math.min(ctx.norm.length, ctx.sentence.end + 300)));
