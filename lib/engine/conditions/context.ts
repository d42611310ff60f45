// Context: words in a draft that are not the writer's own offer. Quoted text ("you said 'call me
// anytime'"), reported speech ("my client said call me anytime"), someone else's service ("our
// 24/7 help desk"), a logistics fact ("the gallery opens Saturday at 7pm") and the writer's own
// boundary statement ("I don't answer after 6pm") all carry offer words without offering anything.
import { classSource } from '../classes';
import { MACROS } from '../macros';
import { clauseBefore, sentenceText, type Condition } from './types';

/** True when the match sits inside a quotation in its sentence (straight double quotes, or single quotes used as quotes). */
export function insideQuotes(sentence: string, matchStart: number, matchEnd: number): boolean {
  const before = sentence.slice(0, matchStart);
  const after = sentence.slice(matchEnd);
  if ((before.match(/"/g)?.length ?? 0) % 2 === 1 && after.includes('"')) return true;
  // Single quotes: an opening one after a space, colon or start, not an apostrophe inside a word.
  const opens = sentence.slice(0, matchStart + 1).match(/(?:^|[\s:(])'(?=\S)/g)?.length ?? 0;
  const closes = before.match(/(?<=\S)'(?=[\s.,!?;:)]|$)/g)?.length ?? 0;
  // Look from the match's last character on, so a quote right after the match closes it.
  return opens > closes && /(?<=\S)'(?=[\s.,!?;:)]|$)/.test(sentence.slice(Math.max(0, matchEnd - 1)));
}

/** The match is not part of a quotation. */
export const notQuoted: Condition = (ctx) => {
  const s = sentenceText(ctx);
  if (!s.includes('"') && !s.includes("'")) return true;
  return !insideQuotes(s, ctx.match.start - ctx.sentence.start, ctx.match.end - ctx.sentence.start);
};

// "my client said (that)", "she told me", "he asked if he could", "you wrote": someone else's words.
const REPORT = new RegExp(`${classSource('THIRD_PARTY')}\\s+(?:(?:just|always|even|once|then|also|literally|kept|keeps)\\s+)?${classSource('REPORT_VERB')}`, 'gi');
// A report that is a noun phrase ("what you said", "everything she told me") is not a frame.
const HEADLESS = /\b(?:what|whatever|everything|anything|all|something|nothing)\s+(?:that\s+)?$/i;
// After the report, the writer speaking again ("…, and I said call me anytime") makes it an offer.
const WRITER_TAKES_OVER = /(?:\b(?:but|and|so)\s+|[;:.!?]\s*)(?:i|we)\b/i;

/** The match is not a report of what someone else said or asked. */
export const notReported: Condition = (ctx) => {
  const before = ctx.norm.slice(ctx.sentence.start, ctx.match.start);
  let last = -1;
  REPORT.lastIndex = 0;
  for (let m = REPORT.exec(before); m; m = REPORT.exec(before)) {
    // "what you told me stays between us": the report is the writer's object, not a frame.
    if (!HEADLESS.test(before.slice(0, m.index))) last = m.index + m[0].length;
  }
  if (last < 0) return true;
  return WRITER_TAKES_OVER.test(before.slice(last));
};

const SERVICE = new RegExp(`(?:\\b(?:our|the|their|your|a|an)\\s+(?:\\w+\\s+){0,2})?${classSource('SERVICE')}`, 'i');
const WRITER_IN_MATCH = /\b(?:me|i|i'm|i'll|i've|my|myself)\b/i;

/** The offer belongs to a service or team, not the writer ("our help desk is staffed 24/7", "call the crisis line any time"). */
export const notOthersService: Condition = (ctx) => {
  const clause = `${clauseBefore(ctx)} ${ctx.norm.slice(ctx.match.start, ctx.sentence.end)}`;
  if (!SERVICE.test(clause)) return true;
  // "Call me or the help desk anytime" still offers the writer.
  return WRITER_IN_MATCH.test(ctx.norm.slice(ctx.match.start, ctx.match.end));
};

const LOGISTICS = new RegExp(`(?:${classSource('EVENT')})\\s+(?:\\w+\\s+){0,3}?(?:${classSource('EVENT_VERB')})`, 'i');

/** A time that belongs to an event or venue ("the gallery opens Saturday at 7pm") is logistics. */
export const notLogistics: Condition = (ctx) => {
  const clause = `${clauseBefore(ctx)} ${ctx.norm.slice(ctx.match.start, ctx.sentence.end)}`;
  if (!LOGISTICS.test(clause)) return true;
  // The writer offering themselves in the same clause ("the office closes at 6 but I can stay") is still an offer.
  return /\b(?:i|we)\s+(?:can|could|will|'ll|would|'d|am happy|'m happy)\b/i.test(clause.replace(LOGISTICS, ''));
};

const BOUNDARY = new RegExp(
  [
    MACROS.HOURS_STATEMENT!,
    "\\b(?:i|we)(?:'m| am|'re| are)?\\s+(?:only|never|no longer|not|don't|do not|won't|will not|can't|cannot)\\s+(?:\\w+\\s+){0,2}(?:available|reachable|answer|reply|respond|take|check|work|online|on call|contactable)\\b",
    "\\b(?:i|we)\\s+(?:keep|protect|switch off|turn off|log off|sign off|go offline|stay offline)\\b",
    "\\bplease (?:don't|do not|avoid|refrain from)\\s+(?:\\w+\\s+){0,2}(?:call|text|message|email|contact)",
    "\\b(?:my|our) (?:policy|boundary|boundaries|rule|practice) (?:is|are)\\b",
  ].join('|'),
  'i',
);

/** The sentence is the writer's own boundary statement ("I don't take calls after 6pm, text me in the morning"). */
export const notBoundary: Condition = (ctx) => !BOUNDARY.test(sentenceText(ctx));
