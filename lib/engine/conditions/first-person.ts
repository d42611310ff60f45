// Only the writer's own offers count: "the help desk is staffed around the clock" is not one.
import { sentenceText, type Condition } from './types';

const ME = /\b(?:i|i'm|i'll|i've|i'd|im|ill|ive|we|we're|we'll|we've|let's|lets|me|my|us|myself)\b/i;

export const firstPerson: Condition = (ctx) => ME.test(sentenceText(ctx));

/** Imperatives addressed to the reader ("call me", "text me") or first-person offers. */
export const offersContact: Condition = (ctx) => {
  const s = sentenceText(ctx);
  // "Happy to meet Sunday", "Free Saturday if you are": the writer is the implied subject.
  if (!ME.test(s) && !/^["'(\s]*(?:happy|glad|free|available|sure|yes|yeah|ok|okay|fine|can do|works for me)\b/i.test(s)) return false;
  return /\b(?:call|calls|calling|talk|talking|chat|meet|meeting|catch up|go over|going over|hop on|jump on|work|working|available|free|around|reach|text|texting|message|messaging|email|emailing|ring|phone|answer|answering|reply|replying|respond|discuss|review|look at|send|sending|come|zoom|teams|do a|works? for me|fine|ok|okay|sure|happy to|glad to|no problem|suits me|can do|connect|book|schedule|see you|pop over|drop by|process|handle)\b/i.test(s);
};
