// Only the writer's own offers count: "the help desk is staffed around the clock" is not one.
import { sentenceText, type Condition } from './types';

const ME = /\b(?:i|i'm|i'll|i've|i'd|im|ill|ive|we|we're|we'll|we've|let's|lets|me|my|us|myself)\b/i;

export const firstPerson: Condition = (ctx) => ME.test(sentenceText(ctx));
firstPerson.gate = ME;

/** Imperatives addressed to the reader ("call me", "text me") or first-person offers. */
export const offersContact: Condition = (ctx) => {
  const s = sentenceText(ctx);
  // "Happy to meet Sunday", "Free Saturday if you are": the writer is the implied subject.
  if (!ME.test(s) && !/^["'(\s]*(?:happy|glad|free|available|sure|yes|yeah|ok|okay|fine|can do|works for me)\b/i.test(s)) return false;
  return /\b(?:call|calls|calling|talk|talking|chat|meet|meeting|catch up|go over|going over|hop on|jump on|work|working|available|free|around|reach|text|texting|message|messaging|email|emailing|ring|phone|answer|answering|reply|replying|respond|discuss|review|look at|send|sending|come|zoom|teams|do a|works? for me|fine|ok|okay|sure|happy to|glad to|no problem|suits me|can do|connect|book|schedule|see you|pop over|drop by|process|handle)\b/i.test(s);
};

// An offer or agreement to meet or talk: "I can do Sunday", "let's talk tonight",
// "Saturday works for me", "would 9pm suit you?". A time merely mentioned is not one.
const OFFER = new RegExp(
  [
    "\\b(?:i|we)(?:'m| am|'re| are|'ll be| will be|'d be| would be)? (?:totally |also |still |happy |glad )?(?:free|available|around|reachable|online|happy to|glad to|ok with|okay with|fine with|up for)\\b",
    "\\b(?:i|we)(?:'ll| will) be (?:at my desk|in the office|at the office|on site|at the studio|in the studio|here|there)\\b",
    "\\b(?:i|we) (?:can|could|'ll|will|would|'d|might) (?:(?:also|still|definitely|easily|happily) )?(?:do|call|talk|chat|meet|see you|jump|hop|go over|go through|catch up|ring|text|message|zoom|speak|connect|discuss|walk you through|fit you in|squeeze|be (?:free|available|around|reachable|online))\\b",
    // "I'll do Sunday", "I can pop in Tuesday": "'ll" and "'d" attach to the pronoun.
    "\\b(?:i|we)(?: (?:can|could|will|would|might)|'ll|'d) (?:(?:also|still|definitely|easily|happily|just) )?(?:do|call you|meet|jump on|hop on|squeeze|fit you in|take the call|take a call|take your call|pop (?:in|by|over|round)|come (?:by|over|round|in)|drop by|swing by|visit|make an exception|make time|see you both|be (?:free|available|around|reachable|online))\\b",
    // "I can come to your office at 7pm", "I could see Isla on Friday", "for you I'll open up at 10".
    "\\b(?:i|we)(?: (?:can|could|will|would|might)|'ll|'d) (?:(?:also|still|definitely|easily|happily|just) )?(?:come (?:to|over|round|by|in|up|out)|pop (?:over|round|in|by|up)|see (?!(?:if|what|whether|how|about|that|the|it|this|to|you there)\\b)[a-z]+|open up)\\b",
    "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?|evenings?|tonight|tomorrow)s?\\s+(?:works|suits|is fine|is good|is great|is perfect)\\b",
    "\\bworks (?:great|well|fine|perfectly)\\b",
    // "Saturday at 9am it is", "10am sunday it is": agreeing to a time.
    "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm))\\s+(?:it is|it's|its)\\b",
    // "No bother, can swing by about 9 tonight": the writer is the implied subject.
    "(?:^|[,.!;]\\s*)[\"'(\\s]*(?:can|could) (?:do|come|swing|pop|drop|call|ring|meet|see|squeeze|fit)\\b",
    "\\blet'?s (?:talk|chat|meet|call|catch up|go over|go through|do|jump|hop|discuss|connect|zoom|speak|touch base|aim for)\\b",
    "\\b(?:call|text|txt|message|msg|ring|phone|ping|reach|contact|email|e-mail|whatsapp|dm|buzz|bell|facetime) me\\b",
    "\\b(?:give me a (?:call|ring|bell|buzz|shout)|drop me a (?:line|text|message|note)|get (?:hold of|in touch with) me|hit me up)\\b",
    "\\b(?:works|suits|is (?:fine|good|great|ok|okay|perfect)) (?:for|with) me\\b",
    "\\b(?:how about|what about|shall we|can we|could we|should we)\\b",
    "\\bwould\\b[^.!?]{0,40}\\b(?:work|suit) (?:for )?you\\b",
    "^[\"'(\\s]*(?:happy|glad|free|available|sure|yes|yeah|ok|okay|of course|absolutely|no problem|can do|works for me)\\b",
  ].join('|'),
  'i',
);

// A sentence often names several times ("Monday at 9 or Tuesday at 10"): decide once per sentence,
// remembered by its text for the analysis (one analysis reads many paragraphs, so an offset in
// one would name another's sentence).
const offerSeen = new WeakMap<object, Map<string, boolean>>();
export const offersTime: Condition = (ctx) => {
  let memo = offerSeen.get(ctx.nlp);
  if (!memo) offerSeen.set(ctx.nlp, (memo = new Map()));
  const s = sentenceText(ctx);
  let result = memo.get(s);
  if (result === undefined) memo.set(s, (result = OFFER.test(s)));
  return result;
};
// At paragraph level a sentence start is the paragraph start or just after . ! ? or a line break.
offersTime.gate = new RegExp(OFFER.source.replace('^[', '(?:^|[.!?\\n]\\s*)['), 'i');

/** The writer offers the work ("I'll add it for free", "happy to, no charge"), not a price list. */
export const offersWork: Condition = (ctx) =>
  ME.test(sentenceText(ctx)) || /\b(?:happy to|glad to|no problem|my pleasure|on me|on the house|don't worry|do not worry|no worries)\b/i.test(sentenceText(ctx));
