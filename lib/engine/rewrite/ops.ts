// The operations a rewrite plan is made of. Each takes the current sentence and one finding's words
// and returns the new sentence ('' = the sentence goes), or null when it does not apply here.
import { CLASSES } from '../classes';
import { firstWordTags, hasVerb, toInfinitivePhrase } from '../nlp';
import { describeDays, formatTime, toMinutes } from '../policy';
import type { Policy } from '../types';
import { templatesFor, type IntentRewrite, type OpName, type Wording } from './data';
import { alternation, asSentence, clauses, deleteRanges, EMOJI, mergeRanges, replaceRanges, stripDecorations, tidy, wordCount, type Range } from './text-ops';
import { anyHourRanges, hoursWindow, retimeEdits, statedHours } from './times';
import { SCOPE_TONE_OPERATIONS } from './ops-scope-tone';
import { urgentRoutes } from './gate';

export interface Hit {
  pack: string;
  intent: string;
  /** The words that carry the finding, as written. */
  trigger: string;
  /** The finding's whole span, as written. */
  span: string;
  /** What the detector itself suggested (a stack rule's cleaned text). */
  raw: string[];
}

export interface OpContext {
  policy: Policy;
  values: Record<string, string>;
  wording: Wording;
  entry: IntentRewrite;
}

type Op = (sentence: string, hit: Hit, ctx: OpContext) => string | null;

const words = (name: string) => CLASSES[name]?.words ?? [];
const ENDEARMENT_RE = new RegExp(`(?:\\bmy\\s+)?\\b(?:${alternation(words('ENDEARMENT').filter((w) => w !== 'pet' && w !== 'duck' && w !== 'chuck'))})\\b`, 'gi');
const KISS_RE = new RegExp(`(?:\\b(?:${alternation(words('KISS_SIGN'))})\\b|\\bx{1,4}\\b(?=\\s*(?:[.!?]|$)))`, 'gi');
const LOVE_EMOJI = /(?:\uD83D[\uDE18\uDE0D\uDC8B\uDC95\uDC96\uDC97\uDC93\uDC9E\uDC98\uDE3B\uDE1A\uDE19\uDC9D\uDE3D]|\uD83E[\uDD70\uDEF6]|\u2763\uFE0F?|\u2764\uFE0F?)+/g;
const LOVE_YOU = /\b(?:i\s+)?(?:love|luv|adore)\s+(?:you|ya|u)(?:\s+(?:so much|loads|lots|heaps|to bits|all|guys))?\b|\b(?:big\s+)?hugs?\b(?:\s+(?:to you|xx+))?/gi;
const FREE_RE = new RegExp(`\\b(?:${alternation(words('FREE').filter((w) => !/^(?:free|a gift|my gift|a bonus|on me)$/.test(w)))}|(?<!\\w-)free(?!-)(?=\\s*(?:[,.!?;]|$|\\p{Extended_Pictographic}|\\s+(?:of charge|too|as well)))|on me(?=\\s*[,.!?]|$))\\b`, 'giu');
const GREETING = /^(?:(?:hi|hey|hello|hiya|dear|morning|evening|afternoon)\b(?:[^,.!?]|(?<=\b(?:Mr|Mrs|Ms|Dr|Prof|Mx))\.){0,30}[,!]\s*)/i;
const DISCOURSE = /^(?:otherwise|also|and|but|so|anyway|meanwhile|in the meantime|then|if\s[^,]{3,60}|when\s[^,]{3,60}|for\s+[^,]{3,40})(?:,\s*|\s+(?=[a-z]))/i;
const NAME_STOP = new Set(['Your', 'His', 'Her', 'Their', 'What', 'When', 'How', 'Why', 'Where', 'If', 'Stop', 'Send', 'Call', 'Text', 'Sure', 'Fine', 'Cheers', 'Morning', 'Evening', 'Afternoon', 'Anyway', 'Also', 'And', 'But', 'I', 'The', 'We', 'You', 'Thanks', 'Thank', 'Omg', 'Oh', 'Hi', 'Hey', 'Hello', 'Honestly', 'Great', 'So', 'Just', 'Really', 'Well', 'Ok', 'Okay', 'Sorry', 'Please', 'Yes', 'No', 'Aw', 'Aww', 'Wow', 'My', 'Our', 'This', 'That', 'It', 'Dear', 'Lol', 'Haha']);
const PERSONAL_MARK = /\b(?:can'?t stop thinking|(?:been |keep |kept )?thinking (?:about|of) you|miss(?:ed|ing)? you|dream(?:t|ed)? (?:about|of) you|love you|adore you|crush on you|feelings for you|fancy you|you(?:'re| are| look) (?:so |really )?(?:gorgeous|beautiful|stunning|hot|cute|sexy|handsome)|if you weren'?t (?:a|my) client)\b/i;
const FILLER_CLAUSE = /^\s*(?:(?:and\s+)?don'?t worry|small world|(?:and\s+)?no worries|i'?ll (?:probably |likely )?be (?:awake|up|around|online)|(?:so )?don'?t worry about (?:waking me|the time|the hour|bothering me)|i don'?t mind|i really don'?t mind|no bother|no worries(?: at all)?|honestly|seriously|lol|haha+|no problem|any time|it'?s fine|happy to|i'?ll keep (?:it|my phone) on|i'?m a night owl(?: anyway)?|(?:that'?s|it'?s) (?:totally |completely )?fine|i (?:really )?don'?t mind (?:when|what time|the time|how late|at all|being (?:woken|called|texted|disturbed)(?: up)?(?: at all)?)|i mean it|i mean that|promise|whatever i'?m doing|wherever i am|no matter what(?: time it is)?)\s*[,.!]?\s*$/i;

/** Finds `needle` in `hay` as written, else ignoring case and curly quotes. */
export function locate(hay: string, needle: string): Range | null {
  if (!needle) return null;
  let i = hay.indexOf(needle);
  if (i < 0) {
    const fold = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'");
    i = fold(hay).indexOf(fold(needle));
  }
  return i < 0 ? null : { start: i, end: i + needle.length };
}

/** A name the sentence addresses ("Omg Sarah I feel…", "Sarah, you…"), as "Sarah, ". */
export function vocative(sentence: string): string {
  const m = /^(?:omg|oh|aw+|hey|hi|honestly|wow|so)\b[\s,!]*([A-Z][a-z]+)(?=[\s,!])/i.exec(sentence) ?? /^([A-Z][a-z]+)(?=\s*,)/.exec(sentence);
  const name = m?.[1];
  if (!name || NAME_STOP.has(name) || !/^[A-Z]/.test(name)) return '';
  // "Frankly, …", "Incidentally, …": an adverb, not a name.
  if (/ly$/.test(name) && firstWordTags(name).includes('Adverb')) return '';
  return `${name}, `;
}

/** A greeting or a linking word the new sentence keeps ("Hey Liam, ", "Otherwise, ", "If anything changes, "). */
export function leadIn(sentence: string): string {
  let lead = '';
  let rest = sentence;
  const g = GREETING.exec(rest);
  if (g) {
    lead += g[0];
    rest = rest.slice(g[0].length);
  }
  const d = DISCOURSE.exec(rest);
  if (d && !/\b(?:me|my|you|call|text|ring|free|love)\b/i.test(d[0].slice(0, -1).split(/\s+/).slice(0, 1).join(' '))) {
    let t = d[0].trim().replace(/,$/, '');
    // "If you need me at 10pm" is the thing being fixed, not a lead-in.
    if (/^(?:if|when|for)\b/i.test(t) && /\b(?:me|call|text|ring|night|late|weekend|midnight|free|charge)\b/i.test(t)) t = '';
    if (/^(?:and|but|so|then)$/i.test(t)) t = '';
    if (t) lead += `${t}, `;
  }
  return lead;
}

export function fill(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, n: string) => values[n] ?? `{${n}}`);
}

/** The gift a sentence thanks for or accepts ("for the bottle of champagne", "accept the concert tickets"). */
const GIFT_NAMED = /\b(?:for|accept|treasure|keep|enjoy|love|adore)\s+((?:the|your|this|that|these|those)\s+(?!kind\b|lovely words\b|words\b|update\b|message\b|referral\b|review\b)[^,.!?;:\u2014\u2013]{2,40}?)(?=\s*(?:[,.!?;:\u2014\u2013]|\s+(?:you (?:left|sent|gave|got|brought|dropped)|,|so much|too|already)\b|$))/i;

/** The meeting the sentence itself names ("before our next session on Thursday", "no need to come in on Thursday"). */
const NEXT_NAMED = /\b(?:(?:our|your|the)\s+(?:next\s+|usual\s+|regular\s+)?(?:session|appointment|meeting|call|lesson|class|check-in)\s+(?:is\s+)?(?:on\s+|this\s+|next\s+)?|come in\s+(?:on\s+|this\s+)?|see you\s+(?:on\s+)?)((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

function namedNext(sentence: string, wording: Wording): string {
  const day = NEXT_NAMED.exec(sentence)?.[1];
  return day ? `our ${wording.meeting} on ${day[0]!.toUpperCase()}${day.slice(1).toLowerCase()}` : wording.next;
}

function valuesFor(sentence: string, ctx: OpContext): Record<string, string> {
  const gift = GIFT_NAMED.exec(sentence)?.[1]?.trim();
  return {
    ...ctx.values,
    ...(gift && !/\b(?:it|them|that)$/i.test(gift) ? { gift: gift.replace(/^(?:your|this|that)\b/i, 'the').replace(/^these\b/i, 'the').replace(/^those\b/i, 'the') } : {}),
    name: vocative(sentence),
    lead: leadIn(sentence),
    window: hoursWindow(ctx.policy, describeDays),
    next: namedNext(sentence, ctx.wording),
    work: ctx.wording.work,
    meeting: ctx.wording.meeting,
  };
}

const personal = (hit: Hit) => hit.pack === 'personal';
const GREETING_WORD = /^\s*(?:hi|hey|hello|hiya|dear|morning|evening|afternoon)\s*$/i;
/** Pet names that are never an adjective, so "Hey hun just checking…" loses "hun" with no comma after it. */
const PET_NAME_ONLY = /^\s*(?:hun|hunny|hunni|babe|babes|sweetie|sweetheart|darling|darlin|hon|bby)\s*$/i;
const finishPersonal = (s: string, hit: Hit) => (personal(hit) ? stripDecorations(s) : asSentence(s));

/** Pet names, kisses, love emoji and "love you" go; the words around them stay. */
const dropWords: Op = (sentence, hit) => {
  const region = locate(sentence, hit.span) ?? { start: 0, end: sentence.length };
  const ranges: Range[] = [];
  for (const re of [ENDEARMENT_RE, KISS_RE, LOVE_EMOJI, LOVE_YOU]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    // "love you" and love emoji anywhere in the sentence are the same remark; a pet name only where it was found.
    const from = re === LOVE_YOU || re === LOVE_EMOJI ? 0 : region.start;
    const part = sentence.slice(from, re === LOVE_YOU || re === LOVE_EMOJI ? sentence.length : region.end);
    while ((m = re.exec(part)) !== null) {
      const at = from + m.index;
      // "lovely review", "beautiful photos": an adjective, not a pet name ("Hi my darling Chloe!" is one).
      if (re === ENDEARMENT_RE && !/^\s*(?:[,.!?;:)]|$|\p{Extended_Pictographic}|x+\b|\n)/u.test(sentence.slice(at + m[0].length)) && !(GREETING_WORD.test(sentence.slice(0, at)) && /^\s+\p{Lu}\p{Ll}+\s*[,!.]/u.test(sentence.slice(at + m[0].length))) && !(GREETING_WORD.test(sentence.slice(0, at)) && PET_NAME_ONLY.test(m[0]) && /^\s+\p{Ll}/u.test(sentence.slice(at + m[0].length)))) continue;
      if (re === LOVE_YOU) {
        // "love you loads" stands alone in its clause; "I just adore you and your team" is the clause itself (remove-clause's).
        const head = /(?:^|[,;.!?\u2014\u2013]|\p{Extended_Pictographic}\uFE0F?)([^,;.!?\u2014\u2013\p{Extended_Pictographic}]*)$/u.exec(sentence.slice(0, at))?.[1] ?? '';
        const tail = /^[^,;.!?\u2014\u2013\p{Extended_Pictographic}]*/u.exec(sentence.slice(at + m[0].length))?.[0] ?? '';
        const bare = (t: string) => t.replace(ENDEARMENT_RE, ' ').replace(/\b(?:honestly|and|so|just|i|also|really|seriously|lol|haha|but|oh|aw+|x+|guys|all|loads|lots)\b/gi, ' ').trim();
        if (bare(head) || bare(tail)) continue;
        ranges.push({ start: at - head.length + (/^\s*/.exec(head)?.[0].length ?? 0), end: at + m[0].length });
        continue;
      }
      ranges.push({ start: at, end: at + m[0].length });
    }
  }
  if (ranges.length === 0) return null;
  // Kisses or a pet name on a line of their own ("Talk soon,\nxoxo"): the line goes, the lines above stay as written.
  const merged = mergeRanges(ranges);
  const lineOf = (r: Range) => /(?:^|\n)[ \t]*$/.test(sentence.slice(0, r.start)) && /^[ \t.!?]*(?:\n|$)/.test(sentence.slice(r.end));
  if (merged.every(lineOf) && /\n[ \t]*$/.test(sentence.slice(0, merged[0]!.start))) {
    const lines = merged.map((r) => {
      const start = sentence.lastIndexOf('\n', r.start - 1);
      const end = r.end + /^[ \t.!?]*/.exec(sentence.slice(r.end))![0].length;
      return { start, end, text: '' };
    });
    const kept = replaceRanges(sentence, lines);
    if (wordCount(kept) > 0) return kept;
  }
  // An emoji that ended a sentence ("…resting ❤️ Your follow-up…") leaves a full stop behind.
  const edits = mergeRanges(ranges).map((r) => ({ ...r, text: /\w\s*$/.test(sentence.slice(0, r.start)) && !GREETING_WORD.test(sentence.slice(0, r.start)) && (/^\s+\p{Lu}/u.test(sentence.slice(r.end)) || (/^\p{Extended_Pictographic}/u.test(sentence.slice(r.start, r.end)) && /^\s+(?:let'?s|i'?m|i'?ll|i'?ve|we|we'?re|you|can|could|would|will|hope|see|thanks|thank|also|just|shall)\b/.test(sentence.slice(r.end)) && wordCount(sentence.slice(0, r.start).split(/[.!?,;]/).pop() ?? '') >= 3)) && !/^\s+I\b/.test(sentence.slice(r.end)) ? '.' : ' ' }));
  let out = replaceRanges(sentence, edits);
  if (wordCount(out) === 0) return '';
  // A loving sign-off ("Lots of love, Amy xx", "Love, Fran xx") becomes a warm professional one.
  const signoff = /(?:^|[\s.!?])(?:lots of love|all my love|much love|big love|love(?: and hugs)?|love ya|luv),?\s+(\p{Lu}[\p{L}'-]+)\s*(?:x+|\p{Extended_Pictographic}\uFE0F?|\s)*$/iu.exec(sentence);
  if (signoff) {
    const name = signoff[1]!;
    const lead = new RegExp(`(^|[\\s.!?])(?:(?:lots of|all my|much|big)\\s+)?(?:love(?: and hugs)?|love ya|luv),?\\s+${name}\\s*[.!]?\\s*$`, 'iu');
    if (lead.test(out)) out = out.replace(lead, `$1Best wishes, ${name}`);
    else {
      const bare = new RegExp(`(^|[\\s.!?])${name}((?:\\s*(?:x+|\\p{Extended_Pictographic}\\uFE0F?))*)[.!]?\\s*$`, 'iu');
      if (bare.test(out)) out = out.replace(bare, `$1Best wishes, ${name}$2`);
    }
  }
  // A greeting line keeps its comma: "Hi love," → "Hi,".
  if (/^\s*(?:hi|hey|hello|hiya|dear|morning|evening)\b[^.!?]*,\s*$/i.test(sentence)) return `${tidy(out)},`;
  return finishPersonal(out, hit);
};

/** The clause holding the finding goes (and, for personal remarks, the fragments trailing it). */
const removeClause: Op = (sentence, hit) => {
  const at = locate(sentence, hit.trigger) ?? locate(sentence, hit.span);
  if (!at) return null;
  let parts = clauses(sentence);
  // "Just finished your gallery and you looked stunning": the news before "and you …" is a clause of its own.
  if (personal(hit)) {
    parts = parts.flatMap((c) => {
      const t = sentence.slice(c.start, c.end);
      const m = /\s+(?:and|but)\s+(?=(?:you|you'?re|you are|i|i'?m|i am|i'?ve)\b)/i.exec(t);
      const cut = m ? c.start + m.index : -1;
      if (!m || cut >= at.start || c.start + m.index + m[0].length > at.start || wordCount(t.slice(0, m.index)) < 3) return [c];
      return [{ start: c.start, end: cut }, { start: cut, end: c.end }];
    });
  }
  const hitIdx = parts.map((c, i) => (c.start < at.end && at.start < c.end ? i : -1)).filter((i) => i >= 0);
  if (hitIdx.length === 0 || hitIdx.length === parts.length) return '';
  const drop = new Set(hitIdx);
  // "…, and don't worry, I keep my phone by the bed": the filler leading into it goes too.
  for (let i = Math.min(...hitIdx) - 1; i >= 0 && FILLER_CLAUSE.test(sentence.slice(parts[i]!.start, parts[i]!.end).replace(/^\s*and\s+/i, '')); i--) drop.add(i);
  // "…looking good lately, those arms lol." — a short fragment after a removed remark goes with it.
  for (let i = Math.max(...hitIdx) + 1; i < parts.length; i++) {
    const t = sentence.slice(parts[i]!.start, parts[i]!.end);
    if (
      FILLER_CLAUSE.test(t) ||
      (personal(hit) && wordCount(t) <= 3 && !/\d|[A-Z][a-z]/.test(t)) ||
      (personal(hit) && /^\s*(?:and|so|or|but)\s+(?:if|i|i'?d|i'?m|you)\b/i.test(t)) ||
      /^\s*(?:so|which|and so|because)\s+(?:i|it|that|we|you|you'?re|you are|he|she|they)\b/i.test(t) ||
      // "…, more than teacher and student 💕": what is left of the remark has no verb of its own.
      (personal(hit) && !/\d/.test(t) && wordCount(t) <= 8 && !hasVerb(t)) ||
      // "… 😍 honestly the best figure I've photographed": the remark goes on about looks.
      (personal(hit) && (hit.intent === 'appearance' || hit.intent === 'romantic') && LOOKS.test(t)) ||
      // "…such lovely skin, I could tell you look after yourself": the remark's own follow-up.
      (personal(hit) && hit.intent === 'appearance' && /^\s*(?:and\s+)?(?:i (?:could|can) (?:tell|see)|you can (?:tell|see)|it shows|it really shows)\b/i.test(t)) ||
      // "…by the pool the whole time, so don't hesitate to ring": the invitation rested on what went.
      (hit.pack === 'availability' && /^\s*(?:so|and)\s+(?:just\s+)?(?:don'?t hesitate|feel free|text|call|ring|message|ping|email|get in touch|reach out)\b/i.test(t)) ||
      (hit.pack === 'availability' && KEEP_DEVICE.test(t))
    ) drop.add(i);
    else break;
  }
  // Other personal remarks and self-put-downs in the sentence go too (one card fixes the sentence).
  for (const [i, c] of parts.entries()) {
    const t = sentence.slice(c.start, c.end);
    if ((personal(hit) && PERSONAL_MARK.test(t)) || (hit.pack === 'assertiveness' && SELF_DOWN.test(t) && wordCount(t) <= 8)) drop.add(i);
  }
  if (drop.size === parts.length) return '';
  // "By the way, …", "Incidentally, …" alone before what went: the lead-in goes with it.
  for (let i = 0; i < parts.length && !drop.has(i); i++) {
    if (!LEAD_ONLY.test(sentence.slice(parts[i]!.start, parts[i]!.end))) break;
    if (drop.has(i + 1)) drop.add(i);
  }
  if (drop.size === parts.length) return '';
  let kept = deleteRanges(sentence, [...drop].map((i) => parts[i]!));
  // "I understand more than you know" promised the disclosure that went.
  if (hit.intent === 'oversharing') kept = kept.replace(/\b(I (?:really )?understand)\s+(?:more than you (?:know|realise|realize|think)|better than you (?:know|think))/i, '$1 how hard this is');
  if (hit.pack === 'assertiveness') kept = kept.replace(/\b(sorry)(?:[\s,!]+sorry)+\b/gi, '$1');
  // A lead-in left alone ("I have to be honest —", "to be honest") goes with what it introduced.
  kept = kept.replace(/(?:^|(?<=[,\u2014\u2013-]\s))(?:to be honest|honestly|tbh|i have to be honest|i'?ll be honest|i must admit)\s*[,\u2014\u2013-]?\s*(?=[.!?]?$)/i, '');
  if (/^\s*(?:[A-Z][a-z]+,\s*)?(?:i have to be honest|i'?ll be honest|to be honest|i must admit|honestly|i have to say)(?: with you)?\s*[,.!\u2014\u2013-]*\s*$/i.test(kept)) return '';
  // What is left of a remark ("Oh wonderful.", "Totally unprofessional of me.") goes with it.
  if ((hit.pack === 'tone' && wordCount(kept) <= 2) || (personal(hit) && wordCount(kept) <= 5 && /\b(?:unprofessional|of me|i know|i must say|i have to say|honestly|to be fair|no offence)\b/i.test(kept))) return '';
  // The warmth left beside a removed remark says the same thing ("…how much I enjoy our time together",
  // "for you I'll always make an exception", "yours has been by far the loveliest"): the sentence goes instead.
  if (personal(hit) && WARMTH_LEFT.test(kept)) return null;
  if (wordCount(kept) < 2 || GREETING.test(kept) && wordCount(kept.replace(GREETING, '')) === 0) return '';
  const closing = /[.!?]$/.test(sentence.trim()) ? sentence.trim().slice(-1) : '.';
  let out = finishPersonal(kept, hit);
  if (FILLER_CLAUSE.test(out) || wordCount(out) === 0) return '';
  // What is left of a hostile remark with no clause of its own ("Three weeks later, Sara") goes too.
  if (hit.pack === 'tone' && wordCount(out) <= 4) return '';
  if (!/[.!?]$/.test(out) && !/\p{Extended_Pictographic}\uFE0F?$/u.test(out)) out += closing;
  return out;
};

/**
 * A booking run on after the remark with only an emoji between ("…my fave spot 🍷🐶 next sesh Sat 9am at
 * the oval"): the remark goes, the booking stays as a sentence of its own.
 */
const SCHEDULE = /\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?\b|\b(?:tomorrow|tmrw|next (?:week|session|sesh|lesson|class|appointment|appt|visit)|\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)|\d{1,2}(?:st|nd|rd|th)\b)/i;
const REMARK = /\b(?:you|your|ur|u|love|miss|wine|drinks?|dinner|coffee|date|gorgeous|cute|sexy|hot|x+)\b/i;
export function bookingAfter(sentence: string): string {
  const parts = sentence.split(/(?:\p{Extended_Pictographic}\uFE0F?\s*)+/u);
  const last = parts[parts.length - 1]?.trim() ?? '';
  if (parts.length < 2 || wordCount(last) < 3 || !SCHEDULE.test(last) || REMARK.test(last)) return '';
  return asSentence(last[0]!.toUpperCase() + last.slice(1));
}

const removeSentence: Op = (sentence) => bookingAfter(sentence);

const WARMTH_LEFT = /\b(?:enjoy our time|our time together|for you,? i'?ll|favou?rite (?:client|person|people|student|family|customer|patient)|(?:by far )?the loveliest|like family|so special to me|a special bond)\b/i;
const LEAD_ONLY = /^\s*(?:i can'?t say who|i won'?t say who|without naming names|no names,? but|by the way|btw|incidentally|also|oh and|oh|and|anyway|ps|p\.s\.|on another note|on a personal note|funnily enough|side note|ngl|tbh|to be honest|honestly|frankly)\s*[,:\u2014\u2013-]?\s*$/i;
const LOOKS = /\b(?:figure|body|arms|legs|abs|bum|curves|smile|eyes|hair|skin|gorgeous|stunning|beautiful|pretty|hot|sexy|cute|handsome|fit|best[- ]looking|looked|looking)\b/i;

function firstTemplate(list: string[], sentence: string, ctx: OpContext): string | null {
  for (const t of list) {
    const s = asSentence(fill(t, valuesFor(sentence, ctx)));
    if (s && !/\{[A-Za-z]+\}/.test(s)) return s;
  }
  return null;
}

const template: Op = (sentence, hit, ctx) => {
  // The stock line declines the client's invitation: it cannot answer the writer's own ("We should grab drinks").
  if (hit.intent === 'invitation' && !CLIENT_INVITE.test(sentence) && (OWN_INVITE.test(sentence) || ANY_INVITE.test(sentence))) return null;
  const out = firstTemplate(templatesFor(ctx.entry.templates, ctx.policy.profession), sentence, ctx);
  // "Mia, That sounds…" → "Mia, that sounds…".
  const name = vocative(sentence);
  return out && name && out.startsWith(name) ? name + out.slice(name.length).replace(/^(?!I\b)([A-Z])(?=[a-z'])/, (c) => c.toLowerCase()) : out;
};

// What a stock line standing in for a sentence would lose: a limit, a request, a day or an appointment.
const CARRIES_CONTENT = /\b(?:can'?t|cannot|won'?t|unable|not able|skip|move|cancel|reschedul\w*|postpone|stop|decline|no longer|calls?|meetings?|sessions?|appointments?|weekends?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|\d)\b/i;

/**
 * The sentence goes, only when it carries nothing else (no limit, request, day or appointment): a
 * remark taking the client's side ("your ex sounds awful") is better left out than answered with a
 * stock line about a difficulty the client may not have described.
 */
const removePlainSentence: Op = (sentence) => (CARRIES_CONTENT.test(sentence) ? null : '');

/** An aside that carries the finding ("…as requested 📦 ps saw from the label it's from the clinic, good luck x"): it goes, from its "ps" on. */
const ASIDE = /(?:^|[,;.!?]\s*|\s[-\u2013\u2014]\s*|(?:\p{Extended_Pictographic}\uFE0F?\s*)+)\b(?:ps|p\.s\.|btw|by the way|on a personal note|oh and|also)\b[,:]?\s/giu;
const dropAside: Op = (sentence, hit) => {
  const at = locate(sentence, hit.trigger) ?? locate(sentence, hit.span);
  if (!at) return null;
  let cut = -1;
  ASIDE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ASIDE.exec(sentence)) !== null) if (m.index <= at.start) cut = m.index;
  if (cut <= 0) return null;
  const kept = sentence.slice(0, cut).replace(/[\s,;\u2014\u2013-]+$/, '');
  return wordCount(kept) >= 3 ? stripDecorations(kept) : null;
};

/** The intent's stock line, only for a sentence of nothing but apologies and self-reproach. */
const apologiesOnly: Op = (sentence, hit, ctx) => (CARRIES_CONTENT.test(sentence) ? null : template(sentence, hit, ctx));

/** The flagged phrase replaced by the intent's phrase ("I'll reply within minutes" → "I'll reply within one business day"). */
const replaceSpan: Op = (sentence, hit, ctx) => {
  const at = locate(sentence, hit.trigger) ?? locate(sentence, hit.span);
  const list = templatesFor(ctx.entry.spanTemplates, ctx.policy.profession);
  if (!at || !list.length) return null;
  let phrase = fill(list[0]!, valuesFor(sentence, ctx));
  // A bare reply time in the writer's own promise ("I'll have it back to you within 5 minutes") takes
  // only the new time, not a second subject.
  const bareTime = /^\s*((?:back )?(?:to you )?)(?=(?:within|in under|inside)\b)/i.exec(sentence.slice(at.start, at.end));
  if (bareTime && /^I'll reply\s+(?=within\b)/.test(phrase) && /\b(?:i'?ll|i will|you'?ll)\b[^,.;!?]*$/i.test(sentence.slice(0, at.start)) && !/\b(?:reply|respond|answer|get back)\w*\s*$/i.test(sentence.slice(0, at.start))) phrase = bareTime[1]! + phrase.replace(/^I'll reply\s+/, '');
  const closing = /[.!?]+$/.exec(sentence.slice(at.start, at.end))?.[0] ?? '';
  const before = sentence.slice(0, at.start);
  // The phrase brings its own subject: "I promise I'll reply…", "you'll get an answer from me…", "Every DM will get a reply…".
  if (/^I\b/.test(phrase)) {
    const own = /\b(?:i'?ll|i will|i)\s+(?:always\s+|also\s+)?$/i.exec(before);
    const object = /(?:^|(?<=[,;:\u2014\u2013]\s*))[^,;:\u2014\u2013]*?\b(?:get|receive|have|hear back)\s+$/i.exec(before);
    if (own) at.start -= own[0].length;
    else if (object) at.start = object.index;
  }
  // "…, whatever I'm doing" / ", even at weekends" after the promise: the new reply time stands alone.
  const concession = /^\s*,?\s*(?:(?:or\s+)?(?:even|also)\s+(?:at|on|over|in|during|late|past|after)\b[^,.;!?]*(?:\s*,\s*no (?:problem|worries|bother))?|whatever i'?m doing|wherever i am|no matter what(?: time it is)?|day or night|24\/7|any time(?: of (?:the )?day(?: or night)?)?)(?=\s*[,.;!?]|\s*$)/i.exec(sentence.slice(at.end));
  if (concession) at.end += concession[0].length;
  // "Whatever time it is, you'll get…": the any-hour lead goes too.
  const anyLead = /(?:^|(?<=[.!?]\s))\s*(?:whatever time it is|whenever you (?:message|text|call|need)|day or night|any time of (?:the )?day(?: or night)?)\s*,\s*$/i.exec(sentence.slice(0, at.start));
  if (anyLead) at.start = anyLead.index;
  const s = replaceRanges(sentence, [{ ...at, text: phrase + closing }]);
  // "…I'll reply within one business day, I always answer within a few mins" — the other promise goes.
  const parts = clauses(s);
  const newAt = { start: at.start, end: at.start + phrase.length };
  const extra = parts.filter((c) => !(c.start < newAt.end && newAt.start < c.end) && ((QUICK_REPLY.lastIndex = 0), QUICK_REPLY.test(s.slice(c.start, c.end))));
  const out = extra.length ? keepClosing(deleteRanges(s, extra), s) : s;
  return asSentence(out);
};

/** The writer's own state at those hours ("I'll be checking messages all weekend", "I'm up till all hours"): the clause goes. */
const SELF_AVAILABLE_ANY = /(?:^|\b(?:and|so|but|because|as)\s+)(?:(?:i'?ll be|i'?m|i am|i will be)\s+(?:usually\s+|often\s+|basically\s+)?(?:up|awake|around|online|checking (?:messages|emails?|my phone|in)|on (?:my phone|call)|about)|(?:i'?ll|i will)\s+(?:keep|have)\s+my (?:work\s+|personal\s+)?(?:phone|mobile|laptop)\s+(?:on|by the bed|with me|next to me|nearby|close)|i sleep with my phone)\b/i;
/** A closing clause that only says the writer is reachable whenever ("I'm up", "I'll always pick up", "I'm on nights all week"). */
const AVAILABLE_TAIL = /\s*(?:[,;\u2014\u2013-]\s*|\s+(?:and|as|because|cos|since)\s+|\s+(?=i'?ll always|i never))(?:i'?m|i am|i'?ll be)\s+(?:usually\s+|always\s+|basically\s+|normally\s+)?(?:up(?: late| anyway)?|awake|on nights(?: all week| this week)?|on my phone|a night owl|never far from my phone|always on|always online|on 24\/7|around 24\/7)(?=\s*[.!?]|\s*(?:x+|\p{Extended_Pictographic}\uFE0F?)?\s*$)|\s*(?:[,;\u2014\u2013-]\s*|\s+(?:and\s+)?)(?:i'?ll always (?:pick up|answer|reply|get back to you)|i always (?:pick up|answer|reply)|i (?:never|don'?t ever) (?:switch|turn) (?:it|my phone) off|i always have my phone(?: on me)?|i (?:literally |honestly |basically )?never sleep|(?:it )?doesn'?t matter how late(?: it is)?|no matter how late(?: it is)?|however late(?: it is)?|i don'?t mind how late)(?:\s+(?:lol+|haha+|tbh))?(?=\s*[.!?]|\s*(?:x+|(?:\p{Extended_Pictographic}\uFE0F?)+)?\s*$)/iu;
const KEEP_DEVICE = /\b(?:i'?ll|i will)\s+(?:keep|have)\s+my (?:work\s+|personal\s+)?(?:phone|mobile|laptop)\s+(?:on|by the bed|with me|next to me|nearby|close)/i;
/** "text me", "ring me on my mobile": the contact the new hours attach to. */
const CONTACT_ME = /\b(?:text|call|ring|message|msg|email|e-mail|ping|phone|whatsapp|dm|contact|reach|hit)\s+(?:me|us)(?:\s+up)?\b/i;

/**
 * Late, off-day and any-hour time phrases move into the hours, each replaced whole: "at 10:30pm
 * tonight" → "tomorrow at 5 PM", "any time, day or night" → "between 9 AM and 6 PM on weekdays";
 * "I don't mind" after them goes.
 */
const moveTimes: Op = (sentence, hit, ctx) => {
  // "Don't worry about texting late" grants the late hours: the template answers it.
  if (/\bdon'?t worry about (?:texting|calling|messaging|emailing|ringing|contacting)\b/i.test(sentence)) return null;
  // "11pm texts are totally fine" accepts a time, it offers none: moving the time would say nothing.
  if (hit.intent === 'late-contact-ok' && !CONTACT_ME.test(sentence)) return null;
  const window = hoursWindow(ctx.policy, describeDays);
  const endAt = formatTime(toMinutes(ctx.policy.workEnd, 1080), ctx.policy.clock);
  const edits: (Range & { text: string })[] = anyHourRanges(sentence, words('ANY_HOUR')).map((r) => {
    // "literally whenever": the intensifier goes with the phrase.
    const intens = /\b(?:literally|honestly|really|seriously)\s+$/i.exec(sentence.slice(0, r.start));
    if (intens) r = { start: r.start - intens[0].length, end: r.end };
    const till = /\b(?:up\s+)?(?:till|until|til)\s+$/i.exec(sentence.slice(0, r.start));
    if (till) return { start: r.start - till[0].length, end: r.end, text: `until ${endAt}` };
    // "whenever you need to vent": the hours replace "whenever you need", "to vent" stays.
    if (/\bwhenever you need to$/i.test(sentence.slice(r.start, r.end)) && /^\s+[a-z]/i.test(sentence.slice(r.end))) r = { start: r.start, end: r.end - 3 };
    // "whenever you need me": the object goes with the phrase the hours replace.
    const object = /\b(?:need|want|like)$/i.test(sentence.slice(r.start, r.end)) ? /^\s+(?:me|us)\b/i.exec(sentence.slice(r.end)) : null;
    if (object) r = { start: r.start, end: r.end + object[0].length };
    // "any time's fine, even late": the verdict and its "even late" go with the phrase the hours replace.
    const fine = /^(?:'s|\s+is|\s+works)\s+(?:totally\s+|honestly\s+|really\s+|absolutely\s+)?(?:fine|ok|okay|good|cool|no problem|no bother)\b(?:\s*,?\s*(?:even|or even)\s+(?:late|really late|at night|at midnight|(?:on\s+)?weekends|at the weekend|(?:on\s+)?sundays)\b)?/i.exec(sentence.slice(r.end));
    if (fine) r = { start: r.start, end: r.end + fine[0].length };
    const after = sentence.slice(r.end);
    // "whenever suits you" → "at a time that suits you, between …"; "whenever anything worries you" → "… if anything worries you".
    const suits = /^\s+(?:it\s+)?(?:suits|works for|is convenient for)\s+you\b/i.exec(after);
    if (suits) return { start: r.start, end: r.end + suits[0].length, text: `at a time that suits you ${window}` };
    if (/^\s+(?:you'?re|you are)\b/i.test(after)) return { ...r, text: `${window} when` };
    if (/^\s+(?:anything|something|you|it|things|there|the|your|he|she|they|we|i)\b/i.test(after) && !/^\s+i(?:'?ll| will| am|'?m)?\s+(?:always|never|usually)\b/i.test(after)) return { ...r, text: `${window} if` };
    return { ...r, text: window };
  });
  // Late times elsewhere in the sentence move too, but never inside a phrase already replaced.
  // A late time right beside an any-hour phrase ("late at night whenever") is part of it: it goes, the hours say when.
  const besideWindow = (r: Range) => edits.some((e) => e.text.startsWith(window) && ((r.end <= e.start && /^[\s,]*$/.test(sentence.slice(r.end, e.start))) || (e.end <= r.start && /^[\s,]*(?:(?:also|even|or even|and also|like|like literally|literally|say|e\.g\.)\s+)?(?:at\s+)?$/i.test(sentence.slice(e.end, r.start)))));
  for (const t of retimeEdits(sentence, ctx.policy)) if (!edits.some((e) => t.start < e.end && e.start < t.end)) edits.push(besideWindow(t) ? { ...t, text: '' } : t);
  // "ping me late", "text me as late as you like".
  const late = /\b(?:as late as you (?:like|want|need)|late(?: at night| in the evening)?)\b/i.exec(sentence);
  if (late && /\b(?:me|text|call|ping|ring|message|email)\s+(?:me\s+)?$/i.test(sentence.slice(0, late.index)) && !edits.some((e) => late.index < e.end && e.start < late.index + late[0].length)) {
    const r = { start: late.index, end: late.index + late[0].length };
    edits.push({ ...r, text: besideWindow(r) ? '' : `before ${endAt}` });
  }
  if (edits.length === 0) return null;
  const parts = clauses(sentence);
  const selfClauses = parts
    .map((c) => {
      const t = sentence.slice(c.start, c.end);
      const m = SELF_AVAILABLE_ANY.exec(t);
      if (!m || !edits.some((e) => e.start < c.end && c.start < e.end)) return null;
      // "It's been brutal so I'm up half the night anyway —": starting at "so I'm up".
      const from = m.index === 0 ? 0 : m.index;
      const sep = /[\s,;\u2014\u2013-]*$/.exec(t)![0];
      return { start: c.start + from, end: c.end - (from > 0 ? sep.length : 0) };
    })
    .filter((c): c is Range => c !== null);
  const kept = edits.filter((e) => !selfClauses.some((c) => e.start < c.end && c.start < e.end));
  let s = replaceRanges(sentence, [...kept, ...selfClauses.map((c) => ({ ...c, text: ' ' }))]);
  s = s.replace(/^\s*(?:so|and)\s+/i, '').replace(/^\s*(?:and\s+)?(?:honestly|seriously|literally|genuinely)\b,?\s+(?=\S)/i, '');
  // Only the late part went ("…, even at 3am"): the contact that stays gets the hours.
  if (!kept.some((e) => e.text) && CONTACT_ME.test(s)) {
    const c = CONTACT_ME.exec(s)!;
    const tail = /^(?:\s+(?:on my (?:mobile|phone|cell|number)|at home|at the (?:office|clinic|studio|practice)))?/i.exec(s.slice(c.index + c[0].length))![0];
    const at = c.index + c[0].length + tail.length;
    s = `${s.slice(0, at)} ${window}${s.slice(at)}`;
  }
  // "…, I'm always here for you" beside the new hours would take them back: that clause goes.
  if (kept.some((e) => e.text.includes(window))) s = s.replace(/\s*(?:[,;\u2014\u2013-]\s*|\s+and\s+)(?:i'?m|i am)\s+(?:always|literally always|24\/7)\s+(?:here|around|there)(?:\s+for you)?\b(?=\s*[,.!?;]|\s*$)/i, '');
  // "…between 9 AM and 5 PM, I'm up" / "…, I'm on nights all week" / "…hun I'll always pick up": the reason it was any hour goes with it.
  if (kept.some((e) => e.text)) s = s.replace(AVAILABLE_TAIL, '');
  // A distress condition on the new hours ("… if things feel too much") gets the urgent route for the rest of the time.
  const feeling = /\bif\s+[^,.;!?]*\b(?:too much|overwhelm\w*|can'?t cope|panic\w*|unsafe|in crisis|spiral\w*)\b/i.exec(s);
  if (feeling && kept.some((e) => e.text.includes(window)) && !/\b(?:emergency|crisis line|999|911|111|112|samaritans|988)\b/i.test(s) && ctx.values.urgentAction && /\b(?:emergency|crisis)\b/i.test(ctx.values.urgentAction)) {
    const end = feeling.index + feeling[0].length;
    s = `${s.slice(0, end).replace(/[\s,]+$/, '')}; outside those hours, please ${ctx.values.urgentAction}${/^[^.!?]*/.exec(s.slice(end))![0].replace(/^[\s,]+/, ', ').replace(/^,\s*$/, '')}${/[.!?]+\s*$/.exec(s)?.[0] ?? '.'}`;
  }
  // "message me there" pointed at the personal channel; the rewrite keeps the conversation here.
  s = s.replace(/\b((?:message|text|dm|msg|call|ring|contact|reach)\s+me)\s+there\b/i, '$1 here');
  if (wordCount(s) < 3) return null;
  // "…on weekdays, also in the night" lost its time: the "also" / "even" it hung on goes too.
  const out = dropFillers(asSentence(s)).replace(/\s*,\s*(?:also|even|or even|and also|like|like literally|literally|say)\s*(?=[,.!?;]|$)/i, '');
  return calmReplies(afterWindow(out, window), ctx);
};

/** "…, message whenever and I'll reply…": an open invitation the hours have replaced. */
const OPEN_INVITE = /\s*,\s*(?:just\s+)?(?:message|msg|text|call|ring|email|whatsapp|drop me a line)\s+(?:me\s+)?(?:whenever|any\s?time)(?:\s+you\s+(?:like|want|need))?(?=\s*(?:,|\band\b|[.!?]|$))/i;

/**
 * What the new hours leave behind them: a lead that waves the hours away ("Don't worry about my
 * hours, …"), a time's stranded "is totally fine", a holiday concession ("even Christmas Day"), and
 * a second copy of the window from a second any-hour phrase.
 */
function afterWindow(s: string, hours: string): string {
  if (!s.includes(hours)) return s;
  let t = s
    .replace(/^((?:(?:hi|hey|hello|dear)\b[^,.!?]{0,30},\s*)?)(?:honestly,?\s+)?(?:don'?t|dont|do not|no need to)\s+worry about (?:my|the) (?:hours|time|timing|schedule)\s*,\s*/i, '$1')
    .replace(/\s*,\s*(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)\s+|midnight\s+|late\s+)?is\s+(?:totally\s+|completely\s+|absolutely\s+|perfectly\s+)?(?:fine|ok|okay|no problem)(?=\s*[,.;!?]|\s*$)/i, '')
    .replace(/\s*,?\s*(?:and\s+)?\bi'?m\s+(?:basically\s+|literally\s+|practically\s+|pretty much\s+)?your\s+(?:on-call|24\/7|personal)\s+[\w-]+(?:\s+now)?(?=\s*[,.;!?]|\s*\p{Extended_Pictographic}|\s*$)/iu, '')
    .replace(OPEN_INVITE, '')
    // "…, whatever mate": the shrug that stood for any hour goes.
    .replace(/\s*,\s*(?:or\s+)?whatever(?:\s+(?:mate|hun|lol|works|suits))?(?=\s*[.!?]|\s*$)/i, '')
    // "…, I honestly never mind", "…, I am always available for you like your own daughter 🙏": the waiver goes.
    .replace(/\s*(?:[,;\u2014\u2013-]\s*|\s+and\s+)(?:i\s+(?:honestly\s+|really\s+|genuinely\s+|truly\s+)?(?:never|don'?t|do not)\s+mind(?:\s+at all)?|(?:i'?m|i am)\s+always\s+(?:available|reachable|here|there)(?:\s+for you)?(?:\s+like\s+[^,.!?]{1,30}?)?)(?=\s*[,.!?;]|\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)+$|\s*$)/iu, '')
    .replace(/\s*,?\s*\beven\s+(?:on\s+)?(?:christmas(?:\s+day|\s+eve)?|new year'?s(?:\s+day|\s+eve)?|bank holidays?|(?:the\s+)?holidays?|sundays?|saturdays?|(?:the\s+)?weekends?|easter(?:\s+sunday)?)\b/i, '');
  const first = t.indexOf(hours);
  const again = t.indexOf(hours, first + hours.length);
  if (again > 0) {
    const before = t.slice(0, again).replace(/\s*,?\s*(?:and\s+|or\s+)?$/i, '');
    t = before + t.slice(again + hours.length);
  }
  // "…on weekdays really", "…, and I'm always here for you": nothing may take the hours back.
  t = t
    .split(hours)
    .map((part, i) => (i === 0 ? part : part.replace(/^\s+(?:really|honestly|tbh|lol|literally|seriously)\b/i, '')))
    .join(hours)
    .replace(/\s*(?:[,;\u2014\u2013-]\s*|\s+)(?:and\s+)?(?:i'?m|i am)\s+(?:always|literally always|24\/7)\s+(?:here|around|there)(?:\s+for you)?\b(?=\s*[,.!?;]|\s*$)/i, '');
  return asSentence(tidy(t[0] ? t[0].toUpperCase() + t.slice(1) : t));
}

const ALWAYS = /\b(?:basically\s+|pretty much\s+|literally\s+)?always\s+(?:on my phone|on call|on|reachable|available|around|contactable|online|at the end of the phone|up|awake|here)\b(?:\s*(?:,|\u2014|\u2013|-)\s*(?:(?:weekends?|evenings?|nights?|holidays?|bank holidays|mornings?|24\/7|day or night|early mornings?|late nights?)(?:\s*,\s*|\s+and\s+|\s+or\s+)?)+)?(?:\s*,?\s*24\/7)?/i;

/** "I'm basically always on my phone" → "I'm reachable between 9 AM and 6 PM, Monday to Friday". */
const alwaysWindow: Op = (sentence, _hit, ctx) => {
  const m = ALWAYS.exec(sentence);
  if (!m) return phoneOn(sentence, ctx);
  const text = `reachable ${hoursWindow(ctx.policy, describeDays)}`;
  let s = replaceRanges(sentence, [{ start: m.index, end: m.index + m[0].replace(/[\s,]+$/, '').length, text }]);
  s = s.replace(/\b(?:my\s+)?(?:phone is|phone's)\s+reachable/i, "I'm reachable").replace(/^\s*(?:and\s+)?(?:honestly|seriously|literally|genuinely)\b,?\s+(?=\S)/i, '');
  // "I'm always up and my phone's always on": one statement of the hours is enough.
  s = s.replace(/\s*,?\s*\b(?:and|&)\s+(?:(?:my\s+)?phone(?:'s| is)|i'?m|i am)\s+(?:(?:basically|literally|pretty much)\s+)?(?:always\s+(?:on|up|awake|online|around)|never off)\b/gi, '');
  s = s.replace(/\s*,?\s*\b(?:and\s+)?(?:my\s+)?phone(?:'s| is)\s+never off\b/gi, '');
  return calmReplies(dropFillers(asSentence(s.replace(OPEN_INVITE, ''))), ctx);
};

const PHONE_ON = /\b(?:my\s+)?(?:work\s+|personal\s+)?(?:phone|mobile|cell)(?:'s| is)\s+(?:on|never off)\s+(?:24\/7|all the time|day and night|day or night|around the clock|always|all hours)(?:\s+for you)?/i;

/** "My phone's on 24/7 for you" → "I'm reachable between 9 AM and 6 PM on weekdays". */
const phoneOn = (sentence: string, ctx: OpContext): string | null => {
  const m = PHONE_ON.exec(sentence);
  if (!m) return null;
  return calmReplies(dropFillers(asSentence(replaceRanges(sentence, [{ start: m.index, end: m.index + m[0].length, text: `I'm reachable ${hoursWindow(ctx.policy, describeDays)}` }]))), ctx);
};

const QUICK_REPLY = /\b(I'?ll|I will|I)\s+(?:always\s+)?(reply|respond|answer|get back to you|text back|write back)\s+(?:you\s+)?(?:straight away|right away|immediately|instantly|asap|at once|(?:with)?in (?:a |one |a few |five |5 |ten |10 |two |2 )?(?:min|mins|minute|minutes|sec|seconds|secs))\b/gi;

/** A promise of instant replies left beside a fixed time becomes the user's reply time. */
function calmReplies(s: string, ctx: OpContext): string {
  return s.replace(QUICK_REPLY, (_w, who: string, verb: string) => `${who} ${verb === 'reply' || verb === 'respond' || verb === 'answer' ? verb : 'reply'} ${ctx.values.responseTime ?? 'within one business day'}`);
}

function keepClosing(s: string, original: string): string {
  const t = tidy(s);
  const mark = /[.!?]$/.exec(original.trim())?.[0];
  return mark && !/[.!?]$/.test(t) ? t + mark : t;
}

function dropFillers(s: string): string {
  const parts = clauses(s);
  const drop = parts.filter((c, i) => i > 0 && FILLER_CLAUSE.test(s.slice(c.start, c.end)));
  if (drop.length === 0) return s;
  const closing = /[.!?]$/.test(s) ? s.slice(-1) : '.';
  let out = tidy(deleteRanges(s, drop));
  if (!/[.!?]$/.test(out)) out += closing;
  return out;
}

/** A stack rule's own cleaned text (apologies and hedges taken out). */
const cleaned: Op = (sentence, hit) => {
  const cleanText = hit.raw[0];
  const at = locate(sentence, hit.span);
  if (!cleanText || !at) return null;
  return tidy(replaceRanges(sentence, [{ ...at, text: cleanText }]));
};

const PERMISSION = /\b(?:i was wondering|i wondered|i wanted to ask|would it be|is it|would you mind|could i|can i)\b[^?.!]*?\b(?:ok|okay|alright|all right|fine|possible)?\s*(?:with you\s+|by you\s+)?(?:for me\s+)?(?:if i\s+(?:(?:maybe|possibly|perhaps|just)\s+)*(?:didn'?t|don'?t|couldn'?t|can'?t|could not|did not|do not|wasn'?t able to|won'?t)|to\s+(?:maybe\s+|possibly\s+)?not|not to)\s+(?<act>[^?.!]+)/i;

const PERMISSION_TAIL = /^\s*(?:i hope (?:that'?s|this is|it'?s) (?:ok|okay|alright|all right|fine)|please (?:say|tell me|let me know) if (?:it'?s|that'?s|this is) not(?: (?:ok|okay|alright))?|(?:but )?(?:i )?(?:totally |completely )?understand if (?:that'?s|it'?s|this is) not (?:ok|okay|alright|all right|possible)|(?:just )?let me know if you'?d allow it|if that'?s (?:ok|okay|alright|all right)(?: with you)?|is that (?:ok|okay|alright)|sorry if that'?s a problem)\b[^.!?]*[.!?]*\s*$/i;

/** A refusal asked as permission, stated plainly; the "I hope that's ok" around it goes. */
function refuse(text: string): string | null {
  const sents = text.split(/(?<=[.!?])\s+/);
  const i = sents.findIndex((x) => PERMISSION.test(x));
  if (i < 0) return null;
  const plain = permission(sents[i]!, { pack: '', intent: '', trigger: '', span: '', raw: [] }, null as never);
  if (!plain) return null;
  // The greeting that opened the question opens the plain refusal ("Hi Doreen, I won't be able to…").
  const greet = /^(?:hi|hey|hello|hiya|dear)\b[^,.!?\n]{0,30},\s*/i.exec(sents[i]!)?.[0] ?? '';
  sents[i] = greet && !plain.toLowerCase().startsWith(greet.trim().toLowerCase()) ? `${greet}${/^I\b/.test(plain) ? plain : plain[0]!.toLowerCase() + plain.slice(1)}` : plain;
  const kept = sents.flatMap((x, j) => {
    if (j === i) return [x];
    const parts = clauses(x);
    const keep = parts.filter((c) => !PERMISSION_TAIL.test(x.slice(c.start, c.end)));
    if (keep.length === parts.length) return [x];
    const t = tidy(keep.map((c) => x.slice(c.start, c.end)).join(''));
    return wordCount(t) >= 2 ? [asSentence(t)] : [];
  });
  return kept.join(' ');
}

const SAY_NO = /\b(?:would it be|is it|would you mind)\b[^?.!]*?\bif i\s+(?:say no to|skip(?:ped)?|miss(?:ed)?|sit out|drop(?:ped)?)\s+(?<what>[^?.!]+)/i;

/** "Would it be ok if I didn't join the call?" → "I won't be able to join the call." */
/** "Would it maybe be okay if I stopped doing Friday evenings?" — a change the writer is making. */
const STOP_ASK = /\b(?:would it|is it|will it)\s+(?:maybe\s+|possibly\s+|perhaps\s+)?be\s+(?:ok|okay|alright|all right|fine)\b[^?.!]*?\bif i\s+(?:maybe\s+|possibly\s+)?(?:stopped|stop|no longer|quit|stopped offering|gave up)\s+(?:doing\s+|offering\s+|running\s+|taking\s+|working\s+)?(?<what>[^?.!,]+)/i;

const permission: Op = (sentence) => {
  const stop = STOP_ASK.exec(sentence);
  if (stop?.groups?.what && wordCount(stop.groups.what) >= 2) return asSentence(`I'll no longer be doing ${stop.groups.what.trim()}`);
  const no = SAY_NO.exec(sentence);
  if (no?.groups?.what && wordCount(no.groups.what) >= 2) return asSentence(`I won't be able to make ${no.groups.what.trim().replace(/^(?:the\s+)?/i, 'the ')}`.replace(/make the (extra |)(workshop|call|calls|meeting|meetings|standups?|session|sessions|shoot)/i, 'do the $1$2'));
  const m = PERMISSION.exec(sentence);
  const act = m?.groups?.act?.trim().replace(/\s+(?:this time|please|at all)$/i, '');
  if (!m || !act || wordCount(act) < 2) return null;
  // "My clinics run 8am to 6pm, and I'm so sorry, is it okay if I don't…": the apology goes, the hours stay.
  const before = sentence.slice(0, m.index).replace(/\b(?:hi|hey)\b.*?,\s*/i, '').replace(/(?:,?\s*(?:and|but|so)\s+)?(?:(?:i'?m|i am)\s+)?(?:(?:so|really|very|terribly|truly)\s+)*sorry(?:,?\s*but)?[\s,]*$/i, '').trim();
  const clauseBefore = /,\s*$/.test(sentence.slice(0, m.index)) || before !== sentence.slice(0, m.index).replace(/\b(?:hi|hey)\b.*?,\s*/i, '').trim();
  const kept = before && !/^(?:so|um|sorry|just)\W*$/i.test(before) && wordCount(before) >= 3 ? `${before.replace(/[,;:]$/, '')}${clauseBefore ? ';' : ''} ` : '';
  return asSentence(`${kept}I won't be able to ${act}`);
};

const NO_UPDATE = /\b(?:(?:i )?don'?t think we need to|no need to|we won'?t need to|needn'?t|without (?:needing to )?)\s*(?:update|amend|change|touch|redo|revise|sign)\b/i;
const THROW_IN = /\b(?:throw|chuck|toss|pop|sneak)\s+in\b/i;
const WAIVER = /\b(?:(?:don'?t|dont|do not|no need to)\s+worry about pay(?:ing)?(?:\s+(?:extra|for (?<extra>[^,.;!?\u2014\u2013]+)))?|call it a freebie|(?:i|we) won'?t (?:invoice|charge|bill)(?: you)?(?: for (?:it|that|this|them))?|no need to pay(?: (?:extra|for (?:it|that|this|them)))?|(?:it'?s|that'?s) on (?:me|the house)|my treat|(?:at )?no (?:additional|extra) (?:fee|charge|cost)s?|free of (?:charge|cost))\b/i;

/** The extra keeps its name and becomes something quoted: "I'll throw in the cards for free" → "I can add the cards; I'll send you a quote for them first". */
const freeExtra: Op = (sentence) => {
  const parts = clauses(sentence);
  const texts = parts.map((c) => sentence.slice(c.start, c.end));
  const hasFree = (t: string) => ((FREE_RE.lastIndex = 0), FREE_RE.test(t)) || WAIVER.test(t);
  if (!texts.some(hasFree)) return null;
  const out: string[] = [];
  let workIdx = -1;
  let extraNamed = '';
  for (const raw of texts) {
    // "…and I don't think we need to update the letter": the quote replaces that too.
    if (NO_UPDATE.test(raw) && out.length) {
      out.push(/[.!?]\s*$/.test(raw) ? '. ' : ' ');
      continue;
    }
    if (!hasFree(raw)) {
      out.push(raw);
      continue;
    }
    extraNamed ||= WAIVER.exec(raw)?.groups?.extra?.trim() ?? '';
    const sep = /[\s,;]*(?:(?:\p{Extended_Pictographic}\uFE0F?)+\s*)?$/u.exec(raw)?.[0] ?? '';
    let body = raw.slice(0, raw.length - sep.length);
    const endPunct = /[.!?]+$/.exec(body)?.[0] ?? '';
    body = body.slice(0, body.length - endPunct.length);
    FREE_RE.lastIndex = 0;
    const free: Range[] = [];
    let m: RegExpExecArray | null;
    while ((m = FREE_RE.exec(body)) !== null) free.push({ start: m.index, end: m.index + m[0].length });
    const w = WAIVER.exec(body);
    if (w) free.push({ start: w.index, end: w.index + w[0].length });
    body = tidy(deleteRanges(body, free), out.length === 0).replace(/\s+(?:for you)$/i, '');
    if (wordCount(body) < 2 || /^(?:no worries|no problem|sure|honestly|and|so)$/i.test(body.trim())) {
      // A clause that only waived the fee goes; the work named before it gets the quote.
      if (workIdx < 0 && out.length && wordCount(out[out.length - 1]!) >= 3) {
        out[out.length - 1] = out[out.length - 1]!.replace(/[\s,;\u2014\u2013-]+$/, '');
        workIdx = out.length - 1;
      }
      if (endPunct || /\p{Extended_Pictographic}/u.test(sep)) out.push(endPunct + (sep.trim() ? ` ${sep.trim()} ` : ' '));
      continue;
    }
    body = body.replace(THROW_IN, 'add').replace(/\b(?:i'll|i will|ill|we'll|we will)\s+(?:just\s+)?(?=add|do|include|make|design|create|write|edit|build|sort|set|mock|redo|fix|cover)/i, (x) => (/^we/i.test(x) ? 'we can ' : 'I can '));
    out.push(body + (endPunct || sep ? '' : ' ') + endPunct + sep);
    workIdx = out.length - 1;
  }
  if (workIdx < 0) {
    // Only the waiver was there: "Don't worry about paying for the second proofread" → invoiced as usual.
    if (!extraNamed) return null;
    const rest = tidy(out.join(' '));
    return asSentence(`I'll include ${extraNamed.replace(/^(?:the|my|your)\s+/i, 'the ')} on the invoice as usual${rest && wordCount(rest) > 1 ? `. ${rest}` : ''}`);
  }
  const target = out[workIdx]!;
  const object = (target.split(/\b(?:add|do|include|make|design|create|write|edit|build|mock up|redo|fix|cover)\b/i).pop() ?? '').split(/\b(?:on|so|for|by|this|next|as|too|before|after|when|if|in)\b/i)[0]!;
  const plural = /\band\b|\b\w{2,}[^s\W]s\b|\b(?:both|all|these|those)\b/i.test(object);
  const quote = `; I'll send you a quote for ${plural ? 'them' : 'it'} first`;
  const tailMatch = /([.!?]*)([\s,;]*(?:(?:\p{Extended_Pictographic}\uFE0F?)+\s*)?)$/u.exec(target)!;
  const core = target.slice(0, target.length - tailMatch[0].length).replace(/[\s,;]+$/, '');
  const follow = out.slice(workIdx + 1).join('');
  const emojiTail = /\p{Extended_Pictographic}/u.test(tailMatch[2] ?? '');
  const endMark = tailMatch[1] || (emojiTail ? '' : /^\s*\p{Lu}/u.test(follow) || !follow.trim() ? '.' : ',');
  out[workIdx] = `${core}${quote}${endMark}${tailMatch[2] || ' '}`;
  return asSentence(tidy(out.join('').replace(/\s+/g, ' ')));
};

const CONTRACT_WORD = /\b(?:sow|statement of work|contract|quote|agreement|scope|brief|estimate|proposal|invoice)\b/i;

const CONTRACT_PHRASE = /\b(?:(?:the|our|your|my|a|an)\s+)?(?:sow|statement of work|contract|quote|agreement|scope|brief|estimate|proposal|appointment letter|engagement letter|terms)\b/i;
const CURRENT_FEE = /\s*(?:,\s*)?\b(?:(?:just\s+)?within the (?:current|existing|same|agreed) (?:fee|budget|price|quote)|for the same (?:fee|price)|at no extra cost)\b/i;

/** New scope goes through the agreement: "…, no need to touch the SOW" → "… once we've updated the SOW to cover it". */
const noContract: Op = (sentence, hit) => {
  const at = locate(sentence, hit.trigger);
  if (!at) return null;
  const parts = clauses(sentence);
  const idx = parts.findIndex((c) => c.start < at.end && at.start < c.end);
  if (idx <= 0) return null;
  const trigText = sentence.slice(parts[idx]!.start, parts[idx]!.end);
  let doc = CONTRACT_PHRASE.exec(trigText)?.[0] ?? 'the agreement';
  if (!/^(?:the|our|your|my)\s/i.test(doc)) doc = `the ${doc.replace(/^(?:a|an)\s+/i, '')}`;
  doc = doc.replace(/\bsow\b/i, 'SOW');
  const prev = parts[idx - 1]!;
  // "I'll throw in the boxes for free" once the agreement covers them: neither free nor thrown in.
  const prevText = sentence
    .slice(prev.start, prev.end)
    .replace(/[\s,;\u2014\u2013-]+$/, '')
    .replace(CURRENT_FEE, '')
    .replace(/\s+(?:for free|free of charge|for nothing|at no (?:extra )?(?:cost|charge)|on the house|no charge)\b/gi, '')
    .replace(/\b(i'?ll|i will|we'?ll)\s+(?:throw|chuck|toss|pop)\s+in\b/i, (_w, who: string) => `${/^we/i.test(who) ? 'we' : 'I'} can add`);
  const quoted = /\bquote\b/i.test(prevText);
  const plural = /\band\b|\bpages\b|\bextras\b|\bitems\b/i.test(prevText);
  const emoji = [...trigText.matchAll(/\p{Extended_Pictographic}\uFE0F?/gu)].map((x) => x[0]).join('');
  const head = sentence.slice(0, prev.start) + prevText;
  const rebuilt = quoted ? head : `${head} once we've updated ${doc} to cover ${plural ? 'them' : 'it'}`;
  return asSentence(`${rebuilt}${emoji ? ` ${emoji}` : ''}`.replace(/\s+/g, ' '));
};

const SNEER_CLAUSE = /^\s*(?:it'?s not (?:hard|difficult|rocket science|that hard)|(?:it'?s|this is|that'?s) (?:ridiculous|absurd|unacceptable|a joke)|seriously|obviously|come on|for god'?s sake|honestly|ffs)\s*[.!?,]*\s*$/i;

/** "Just read the brief properly before you send feedback, it's not hard." → "Could you read the brief properly before you send feedback?" */
// "Stop calling/texting/messaging me…": the request behind it is contact within the writer's hours.
const STOP_CONTACT = /^\s*(?:[A-Z][a-z]+,\s*)?(?:please\s+)?(?:stop|quit|no more)\s+(?:calling|ringing|phoning|texting|messaging|emailing|pinging|contacting|bothering)\b/i;

const politeRequest: Op = (whole, hit, ctx) => {
  // "Quick thing: STOP ringing me at midnight." — the lead-in before a colon stays in front of the request.
  const colon = /^(?:[A-Z][a-z]+,\s*)?(?:quick thing|one thing|reminder|just a reminder|fyi|ps|p\.s\.|also|note|heads up|one more thing)\s*:\s*/i.exec(whole);
  if (colon) {
    const asked = politeRequestOf(whole.slice(colon[0].length), hit, ctx);
    return asked ? `${colon[0]}${asked[0]!.toLowerCase()}${asked.slice(1)}` : null;
  }
  return politeRequestOf(whole, hit, ctx);
};

const politeRequestOf: Op = (raw, _hit, ctx) => {
  // A named time ("stop texting me on Sundays") keeps the plan's own rewording of that request.
  if (STOP_CONTACT.test(raw) && !/\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:weekends?|tonight|night|morning|evening|\d)/i.test(raw)) {
    const v = valuesFor(raw, ctx);
    return `Please keep calls and messages to my working hours (${v.availability}); I reply ${v.responseTime}.`;
  }
  const name = vocative(raw);
  const sentence = stripDecorations(name ? raw.replace(/^[^,]*,\s*/, '') : raw);
  // Advice about someone else ("Tbh I'd just tell Darren to…") is not an order to the reader: no "Could you".
  if (/^\s*(?:(?:tbh|honestly|frankly|personally),?\s+)?(?:i'?d|i would|i think|if i were you|in your shoes)\b/i.test(sentence)) return null;
  const parts = clauses(sentence);
  const kept = parts.map((c) => sentence.slice(c.start, c.end)).filter((t, i) => i === 0 || !SNEER_CLAUSE.test(t));
  let core = tidy(kept.join(''))
    .replace(/[.!?]+$/, '')
    .replace(/\s*,?\s*\b(?:no excuses|no arguments|end of|no ifs or buts)\s*$/i, '')
    .replace(/[\s,]+$/, '')
    .replace(/\s*,?\s*\b(?:now|asap|right now|immediately|already|today)\b$/i, '')
    .replace(/^(?:just|please|ok|okay|now)\s+/i, '')
    .replace(/\s+(?:properly|for once|actually|already|like I asked)\b/gi, '');
  // "Honestly it's a bit embarrassing you've let it get this high, so book a review": the request is after "so".
  const so = /^(?:(?:honestly|frankly|seriously|look|listen|tbh)\s*,?\s*)?[^,]*\b(?:embarrassing|ridiculous|pathetic|shameful|unacceptable|a joke|beyond me)\b[^,]*,\s*(?:so|and)\s+(?<ask>[a-z][^,]*)$/i.exec(core);
  if (so?.groups?.ask) core = so.groups.ask;
  if (!/^[A-Za-z]/.test(core) || /^(?:i|we|you|it|this|that|there|the|my|your|if|when|could|can|would|honestly|frankly|seriously)\b/i.test(core) || wordCount(core) < 3) return null;
  // Some orders are dismissals however politely asked.
  if (/\b(?:get over it|calm down|relax|chill out|grow up|stop (?:whining|complaining|moaning|crying)|deal with it|move on)\b/i.test(core)) return null;
  return `${name}${name ? 'could' : 'Could'} you ${core[0]!.toLowerCase()}${core.slice(1)}?`;
};

const APOLOGY = /\b(?:(?:i'?m|i am|we'?re|we are)\s+)?(?:(?:so|very|really|truly|terribly|awfully|extremely|deeply|super)\s+)*(?:sorry|apologies|my apologies|apologi[sz]e|i apologi[sz]e|(?:please\s+)?(?:excuse|forgive|pardon) me)\b(?:\s+again)?!*/gi;
const SORRY_FOR = /\b(?:(?:i'?m|i am|we'?re)\s+)?(?:(?:so|very|really|truly|terribly|awfully)\s+)*(?:sorry|apologies|i apologi[sz]e|apologi[sz]e|my bad)(?:\s+(?:mate|hun|babe|love|pal|guys))?(?:\s+again)?\s+(?:(?<rel>for|about|that|to)\s+|(?=(?:the|your|my|it|this|i|we)\b))(?<what>[^.!?;,\u2014\u2013]+)/i;
const MISHAP = /\b(?:forgot|forgotten|missed|late|delay(?:ed)?|mix-?up|error|mistake|wrong|slipped|overlooked|double-booked|cancel(?:led)?|broke|broken|lost|damaged|should(?:n'?t)? have|couldn'?t make it|didn'?t (?:get|make|send|reply|call)|dropped the ball|messed up|slipped my mind)\b/i;
/** Amends offered for a slip: "…to make up for it". */
const AMENDS = /\bto make (?:up for (?:it|that|this|the \w+)|it up(?: to you)?)\b/i;
/** The writer owning a slip, which one plain apology answers. */
const FAULT = /\b(?:my fault|my bad|my mistake|my error|(?:all|totally|entirely) on me|i feel (?:terrible|awful|so bad))\b/i;
const SELF_DOWN = /\b(?:my fault|my bad|(?:i'?m|i am) (?:so )?(?:hopeless|useless|an idiot|the worst|a mess|rubbish)|totally on me|all on me|(?:honestly |so )?mortified|(?:i )?feel terrible|ugh)\b/i;

/** Stacked apologies become one: "Apologies, apologies, I'm so sorry for the delay — really sorry again." → "Sorry for the delay." */
const oneApology: Op = (sentence, hit) => {
  const at = locate(sentence, hit.span) ?? { start: 0, end: sentence.length };
  const region = sentence.slice(at.start, at.end);
  const parts = clauses(region);
  const kept: string[] = [];
  let apology = '';
  let hadApology = false;
  let amends = false;
  for (const c of parts) {
    const raw = region.slice(c.start, c.end);
    APOLOGY.lastIndex = 0;
    const isApology = APOLOGY.test(raw);
    if (isApology) hadApology = true;
    const sf = isApology && !apology ? SORRY_FOR.exec(raw) : null;
    if (sf?.groups) {
      apology = `Sorry ${sf.groups.rel ? `${sf.groups.rel} ` : ''}${sf.groups.what!.trim()}`;
      kept.push(`${apology}${/[.!?]\s*$/.test(raw) ? (/\?\s*$/.test(raw) ? '?' : '.') : ', '}`);
      continue;
    }
    APOLOGY.lastIndex = 0;
    const rest = raw.replace(APOLOGY, ' ');
    if (SELF_DOWN.test(rest) && wordCount(rest) <= 6) {
      if (/[.!?]\s*$/.test(raw)) kept.push('. ');
      continue;
    }
    if (isApology && apology && /^\s*(?:and\s+)?(?:for|that|about|to|if)\b/i.test(rest)) {
      if (/[.!?]\s*$/.test(raw)) kept.push('. ');
      continue;
    }
    if (wordCount(rest.replace(/\b(?:honestly|again|really|so|just|truly|i'?m|i am|i|am|do|once more|very)\b/gi, '')) === 0) {
      if (/[.!?]\s*$/.test(raw)) kept.push('. ');
      continue;
    }
    // Amends offered for the slip ("I've knocked 20% off to make up for it") go with the apologies.
    if (AMENDS.test(rest) && (hadApology || SELF_DOWN.test(region))) {
      if (/[.!?]\s*$/.test(raw)) kept.push('. ');
      amends = true;
      continue;
    }
    kept.push(rest);
  }
  let body = tidy(kept.join(' ').replace(/\s*,\s*\.\s*/g, '. ').replace(/(?:\.\s*){2,}/g, '. '));
  // A bare "I'm so sorry" before a limit goes; before an admitted slip, one "Sorry" stays.
  if (!apology && hadApology && (amends || FAULT.test(region)) && !/\b(?:sorry|apologi)/i.test(body)) {
    const g = /^(?:hi|hey|hello|hiya|dear)\b[^,.!?]{0,30}(?:,\s*|[.!]\s*|$)/i.exec(body)?.[0] ?? '';
    const after = body.slice(g.length).trim();
    body = `${g ? `${g.replace(/[.!\s]+$/, '').replace(/,?$/, ',')} I` : 'I'}'m sorry about this.${after && wordCount(after) > 0 ? ` ${after}` : ''}`;
  }
  else if (!apology && hadApology && body && MISHAP.test(body) && /^(?:hi|hey|hello|hiya|dear)\b[^,.!?]{0,30},\s*\S/i.test(body)) body = body.replace(/^((?:hi|hey|hello|hiya|dear)\b[^,.!?]{0,30},\s*)(.)/i, (_w, g: string, c: string) => `${g}sorry, ${c === 'I' ? c : c.toLowerCase()}`);
  else if (!apology && hadApology && body && MISHAP.test(body)) body = `Sorry, ${body[0]!.toLowerCase()}${body.slice(1)}`.replace(/^Sorry, i\b/, 'Sorry, I');
  if (!body || wordCount(body) === 0) return sentence.slice(0, at.start).trim() || sentence.slice(at.end).trim() ? tidy(sentence.slice(0, at.start) + ' ' + sentence.slice(at.end)) : '';
  body = asSentence(unhedge(body));
  let out = tidy(`${sentence.slice(0, at.start)}${body} ${sentence.slice(at.end)}`);
  // Apologies around a refusal: the refusal is stated plainly too.
  if (PERMISSION.test(out)) out = refuse(out) ?? out;
  return out;
};

const HEDGE_CLAUSE = /^\s*(?:and\s+|but\s+)?(?:i (?:really )?hate (?:to ask|asking)|i know i'?m being a (?:pain|nuisance)(?: but)?|forgive me if this (?:comes out|sounds) wrong|(?:and )?(?:apologies |sorry )?if this is awkward|i hope you don'?t mind(?: me asking)?|if that(?:'?s| is) (?:ok(?:ay)?|alright|all right|fine(?: with you)?)|it'?s (?:probably|all|totally) my fault[^,.;]*|(?:this is )?probably my fault[^,.;]*)\s*[,;\u2014\u2013?.!-]*\s*$/i;

/** Stacked hedges out of a request: "I was just wondering if we could possibly keep…" → "Could we keep…". */
function unhedge(text: string): string {
  const sents = text.split(/(?<=[.!?])\s+/).map((x) => {
    const parts = clauses(x);
    const keep = parts.filter((c) => !HEDGE_CLAUSE.test(x.slice(c.start, c.end)));
    let t = keep.length === parts.length ? x : tidy(keep.map((c) => x.slice(c.start, c.end)).join(''));
    if (keep.length && keep.length < parts.length && /[.!?]$/.test(x) && !/[.!?]$/.test(t)) t += x.slice(-1);
    t = t
      .replace(/(^|,\s*)(?:i guess\s+|i think\s+)?(?:maybe|perhaps|possibly)\s+we\s+could\s+(?:kind of\s+|sort of\s+)?/i, (_w, pre: string) => `${pre}let's `)
      .replace(/\blet's\s+(?:maybe|possibly|perhaps|just)\s+/gi, "let's ")
      .replace(/(^|,\s*|\bbut\s+)(?:i guess|i suppose|i think)\s+(?:maybe\s+|perhaps\s+)?(?=i\b)/gi, '$1')
      .replace(/\b(?:kind of|sort of)\s+/gi, '')
      .replace(/\b(?:i was (?:just )?wondering|i wondered|i wonder)\s+if\s+(we|you|i)\s+(?:could|might)\s+(?:possibly\s+|maybe\s+|perhaps\s+)?/i, (_w, who: string) => `could ${who === 'i' ? 'I' : who} `)
      .replace(/\b(could|can|would|will)\s+(you|we|i)\s+(?:maybe|possibly|perhaps|just)\s+/gi, '$1 $2 ')
      // "would it maybe be possible, if it's not too much trouble, to pay…" / "is there any chance you
      // could possibly pay…" → "could you please pay…"
      .replace(/\b(?:would|will)\s+it\s+(?:maybe\s+|possibly\s+|perhaps\s+|at all\s+)*be\s+possible\s*,?\s*(?:if\s+it'?s\s+not\s+too\s+much\s+trouble\s*,?\s*)?(?:for\s+you\s+)?to\s+/i, 'could you please ')
      .replace(/\b(?:i know\s+)?i'?m being (?:a (?:pain|nuisance)|annoying|a bother)\s*,?\s*(?:but\s+)?/i, '')
      // The slip owned once, without the intensifier that makes it self-blame ("I completely messed up").
      .replace(/\b(i|we)\s+(?:completely|totally|really|massively|seriously|well and truly)\s+(messed up|dropped the ball|screwed up|mucked up|botched|forgot)\b/i, '$1 $2')
      .replace(/\bis\s+there\s+any\s+chance\s+(?:at\s+all\s+)?(?:that\s+)?you\s+(?:could|can|might)\s+(?:possibly\s+|maybe\s+|perhaps\s+)*/i, 'could you please ')
      .replace(/^(?:so\s+)?sorry,?\s+(?:but\s+)?(?=could you please\b)/i, '');
    return t;
  });
  const QUESTION_START = /^(?:sorry,\s*)?(?:can|could|would|will|do|does|did|is|are|was|were|may|might|shall|should|have|has|how|what|when|where|why|who|which)\b/i;
  return tidy(sents.map((x) => (/\?$/.test(x) && !QUESTION_START.test(x.trim()) && !/\bcould you please\b/i.test(x) ? x.replace(/\?+$/, '.') : x)).filter((x) => wordCount(x) >= 2 && !SELF_DOWN.test(x.replace(/[.!?]+$/, '')) || !SELF_DOWN.test(x)).filter((x) => !(/\bmy fault\b/i.test(x) && wordCount(x) <= 12)).join(' '));
}

const OWN_INVITE = /\b(?:you'?re (?:more than )?welcome to (?:crash|stay|sleep|kip) at|you should (?:come|join)|come (?:to|along to|over)|join (?:me|us)|let me know if you'?d like to|would you like to|fancy (?:a|grabbing|getting|coming)|we should (?:get|grab|go)|let'?s (?:get|grab|go for)|you'?re invited|i'?d love (?:it if you|to take you|you to come)|get a drink|grab (?:a )?(?:drink|coffee|dinner|lunch))\b/i;

/** Words that answer the client's own invitation ("thanks for the invite", "I'd love to come"). */
const CLIENT_INVITE = /\b(?:(?:your|the)\s+(?:kind\s+|lovely\s+|sweet\s+)?(?:invite|invitation|offer)|invit(?:e|ed|ing)\s+me|thanks?(?: you)?(?: so much)? for (?:asking|inviting|thinking of)|i'?d (?:love|be happy) to (?:come|join|be there)|count me in|i'?ll (?:be there|come)|see you there|i'?d love to!?$)/i;
const ANY_INVITE = /\b(?:we could|we should|let'?s|fancy|how about|you should|you must|come (?:over|round|along|to)|join (?:me|us)|get (?:a )?(?:drink|coffee|dinner|lunch|brunch)|grab (?:a )?(?:drink|pint|coffee|dinner|lunch|brunch|cocktails?)|(?:drinks?|dinner|lunch|brunch|coffee|a pint|bbq|party|my (?:place|flat|house|birthday|bday|40th|50th|30th))\b)/i;
const AFTER_APPOINTMENT = /\b(?:after|before)\s+((?:your|our|the)\s+(?:[\w:]+\s+){0,3}?(?:appointment|session|lesson|class|meeting|fitting|shoot|treatment|check-?in|consultation))\b/i;

/**
 * The writer's own invitation goes (what it hung on, "after your Thursday 2pm appointment", stays as
 * "See you at your Thursday 2pm appointment."); a client's invitation is declined by the template.
 */
const ownInvite: Op = (sentence) => {
  if (CLIENT_INVITE.test(sentence)) return null;
  const m = OWN_INVITE.exec(sentence) ?? ANY_INVITE.exec(sentence);
  if (!m) return null;
  // "Thanks, fancy a drink…": the thanks before the invitation stays.
  const head = /^[^,.!?]{1,30},\s*$/.test(sentence.slice(0, m.index)) && wordCount(sentence.slice(0, m.index)) <= 4 && !/\b(?:you|we|i|let'?s)\b/i.test(sentence.slice(0, m.index)) ? tidy(sentence.slice(0, m.index).replace(ENDEARMENT_RE, ' ')).replace(/[,\s]*$/, ',') : '';
  const appt = AFTER_APPOINTMENT.exec(sentence);
  if (appt) return head ? `${head} see you at ${appt[1]}.` : `See you at ${appt[1]}.`;
  // "let's chat over dinner about the Head of Data role": the business stays, on a call.
  const topic = /\b(?:about|to (?:discuss|talk about|talk through|go over|go through))\s+(?<t>(?:the|your|our|this|that)\s+[^,.;!?]*?(?:role|job|position|project|proposal|contract|plans?|brief|deal|offer|campaign|design|case|application|account|sale|purchase|renovation|wedding|event))\b/i.exec(sentence.slice(m.index));
  if (topic?.groups?.t && !/\b(?:you|your)\s+(?:life|family|feelings|marriage|divorce)\b/i.test(topic.groups.t)) return `${head ? `${head} ` : ''}${head ? 'shall' : 'Shall'} we set up a call about ${topic.groups.t.trim()}?`;
  if (head) return `${head.replace(/,$/, '')}.`;
  // "hey gorgeous 😘 loved cooking for u last nite, fancy a drink…": the news before the invitation stays,
  // without its pet names and kisses (the gate refuses it if anything personal is left).
  const before = sentence.slice(0, m.index).replace(/[\s,;\u2014\u2013-]+$/, '');
  const news = before ? stripDecorations(before.replace(ENDEARMENT_RE, ' ')).replace(/^(hey|hi|hiya|hello)\s*[,.!]?\s+/i, '$1, ') : '';
  const booking = bookingAfter(sentence);
  if (booking) return booking;
  if (wordCount(news) >= 4 && !ANY_INVITE.test(news) && !/\b(?:you'?re|you are|ur|u r)\s+(?:the\s+best|amazing|the\s+loveliest|so\s+\w+|gorgeous|lovely|beautiful|stunning|a\s+star|the\s+sweetest)\b/i.test(news)) return news;
  return '';
};

const UNTIL_HAPPY = /\s+(?:until|till|til)\s+(?:you(?:'re| are)?\s+(?:love|happy|completely happy|totally happy|satisfied|100%)|it'?s\s+(?:perfect|right|just right)|you'?re\s+happy)[^,.;\u2014\u2013]*/i;
const NO_LIMIT = /^\s*(?:and\s+)?(?:no limit|no cap|unlimited|as many (?:\w+\s+)?as (?:you|u|ya) (?:like|want|need|fancy)|whatever it takes|even if it takes (?:months|weeks|ages|forever|a while|all year)|however long it takes|however many (?:\w+\s+)?(?:it takes|that takes|it'?ll take|you (?:like|want|need)))\b[^,.;]*[,.;]?\s*$/i;

/** "I'm happy to keep tweaking the edits until you love every one, no limit" → "… for up to two more rounds; anything beyond that I'll quote separately." */
const limitRevisions: Op = (sentence) => {
  const m = UNTIL_HAPPY.exec(sentence);
  if (!m) return null;
  FREE_RE.lastIndex = 0;
  let head = sentence.slice(0, m.index).replace(FREE_RE, ' ').replace(/\bthere'?s no (?:cap|limit) on (?:revisions|changes|edits)\s*[\u2014\u2013-]?\s*/i, ' ');
  head = head.replace(/\s+/g, ' ');
  const tail = sentence.slice(m.index + m[0].length);
  const rest = clauses(tail).filter((c) => {
    const t = tail.slice(c.start, c.end);
    FREE_RE.lastIndex = 0;
    return !(NO_LIMIT.test(t) || (FREE_RE.test(t) && wordCount(t) <= 4) || /^\s*[,.;!]*\s*$/.test(t));
  });
  const after = rest.map((c) => tail.slice(c.start, c.end)).join('').trim();
  return asSentence(`${head} for up to two rounds; anything beyond that I'll quote separately${after ? `, ${after.replace(/^[,;]\s*/, '')}` : ''}`);
};

const THREAT = /^(?<demand>.+?)\s*,?\s+or\s+(?:else\s+)?(?<who>i'?m|i am|i will|i'?ll|i|we'?re|we will|we'?ll|we)\s+(?:be\s+|going to\s+|gonna\s+)?(?<threat>[^.!,;]+)[.!,;]*(?<rest>.*)$/i;

/** "Pay by the 14th or I'm shutting off the hosting." → "Please pay by the 14th; otherwise, I'll have to shut off the hosting." */
const ultimatum: Op = (sentence) => {
  const m = THREAT.exec(sentence.trim());
  if (!m?.groups) return wordCount(sentence) <= 3 ? '' : null;
  let demand = m.groups.demand!.trim().replace(/^(?:just\s+|either\s+you\s+|either\s+)/i, '');
  if (!/^(?:please|could|can|would)\b/i.test(demand) && !/^(?:i|we|it|this|the)\b/i.test(demand)) demand = `Please ${demand[0]!.toLowerCase()}${demand.slice(1)}`;
  const raw = m.groups.threat!.trim();
  // "…or we're finished" names no action: the consequence is ending the work.
  const threat = /^(?:finished|done|through|over)\b/i.test(raw) ? 'end our work together' : toInfinitivePhrase(raw);
  if (!/^[a-z]/i.test(threat) || wordCount(threat) < 2) return null;
  return asSentence(`${demand}; otherwise, I'll have to ${threat}`);
};

const CONDITION_CONTACT = /^(?<cond>\s*(?:if|when|should)\b[^,]*\b(?:panic|bad|worse|unsafe|emergency|crisis|breathing|hurt|harm|scared|frightened|spiral|cope|struggling|urgent|goes down|breaks|collapses?|bleeding|chest pain|dizzy)\b[^,]*,)\s*(?:just\s+|please\s+|then\s+)?(?:text|call|ring|message|email|phone|ping|msg|whatsapp)\s+me\b[^.!?]*/i;

/** "If the panic hits tonight, just text me" → "If the panic hits tonight, please call your local emergency number or a crisis line." */
const DISTRESS = /\b(?:panic|worse|unsafe|emergency|crisis|breathing|hurt|harm|scared|frightened|spiral|struggling|urgent|collapses?|bleeding|chest pain|dizzy|temperature|fever|choking|chokes|seizure|fits?|unconscious|blue|vomiting|suicidal)\b/i;
/** "Ring me on my mobile day or night if his breathing changes": the condition comes last. */
const CONTACT_IF = /^(?<lead>(?:[^,]*,\s*)?)(?:just\s+|please\s+|do\s+)?(?:text|call|ring|message|phone|ping|msg|whatsapp)\s+me\b[^.!?]*?\s+(?<cond>(?:if|when|should)\s+[^.!?]+?)(?<end>[.!?]*)\s*$/i;

/** A danger to someone's body or life gets the emergency number, whatever the policy's route for urgent work. */
const BODILY = /\b(?:breathing|breathe|blue|bleeding|chest pain|unconscious|chok\w*|seizure|fits?|collaps\w*|harm|hurt|suicid\w*|unsafe|overdose|allergic|reaction|faint\w*|numb)\b/i;
function urgentFor(cond: string, ctx: OpContext): string {
  const action = ctx.values.urgentAction ?? '';
  // A body in danger needs the emergency number alone: "or a crisis line" belongs to distress, not to breathing.
  if (BODILY.test(cond) && !/\b(?:harm|hurt|suicid\w*|unsafe|overdose)\b/i.test(cond)) return /\b(?:999|911|111|112|000|a&e|ambulance)\b/i.test(action) ? action : 'call your local emergency number';
  if (BODILY.test(cond) && !/\b(?:emergency|999|911|111|112|000|crisis|a&e|ambulance)\b/i.test(action)) return 'call your local emergency number';
  return action || 'call your local emergency number';
}

/**
 * "My sessions run 6am to 2pm, but I'm here any time you want to message": the writer's own hours
 * already say when; the "but …" that gives them away goes, and the hours stand on their own (the
 * window spliced in after "but" restated them).
 */
const hoursStand: Op = (sentence, hit, ctx) => {
  const m = /^(?<keep>.*?)\s*,?\s+but\s+(?<cave>[^.!?]*?)\s*[.!?]*\s*(?<emoji>(?:\p{Extended_Pictographic}\uFE0F?\s*)*)$/iu.exec(sentence);
  if (!m?.groups) return null;
  const keep = m.groups.keep!.trim();
  const cave = m.groups.cave!;
  // Hours stated in full ("9 to 5"), or the end of the day the writer is at work ("in clinic till 5").
  const states = statedHours(keep) || /\b(?:in (?:the )?(?:clinic|office|studio|salon|surgery|shop|practice)|at work|working|on shift|i work|we'?re open|open)\b[^.!?\n]{0,30}?\b(?:till|until|til)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b/i.test(keep);
  if (wordCount(keep) < 3 || !states) return null;
  if (!(hit.trigger && locate(cave, hit.trigger)) && !locate(cave, hit.span)) return null;
  // What the "but" asks for in an emergency stays (the urgent-route step answers it).
  if (DISTRESS.test(cave)) return null;
  // "…but if the pump plays up flick me a text whenever": the route keeps its place, inside the hours (any-hour's).
  if (/^\s*(?:if|when|should)\b/i.test(cave)) return null;
  // "…but I'm happy to train you at 9pm on Sundays": the session offered moves inside the hours (retime's).
  if (/\b(?:(?:happy|glad) to|(?:i|we) (?:can|could))\s+(?:train|see|meet|coach|do|fit|squeeze|take|book|run|teach|hold)\b/i.test(cave) && retimeEdits(cave, ctx.policy).length) return null;
  return asSentence(keep);
};

const urgentRoute: Op = (sentence, _hit, ctx) => {
  const r = CONTACT_IF.exec(sentence);
  if (r?.groups && DISTRESS.test(r.groups.cond!) && !/^\s*(?:if|when)\b/i.test(r.groups.lead!)) {
    const lead = r.groups.lead!.replace(/^\s*(?:and|otherwise|also)\b[\s,]*/i, '');
    const cond = r.groups.cond!.trim();
    // "Text me whenever … If you feel unsafe, call Samaritans on 116 123": the condition already names its route.
    if (urgentRoutes(cond).length) return asSentence(cond[0]!.toUpperCase() + cond.slice(1));
    return asSentence(`${lead}${lead ? cond : cond[0]!.toUpperCase() + cond.slice(1)}, please ${urgentFor(cond, ctx)}`);
  }
  const m = CONDITION_CONTACT.exec(sentence);
  if (!m?.groups) return null;
  const rest = sentence.slice(m.index + m[0].length);
  return asSentence(`${m.groups.cond} please ${urgentFor(m.groups.cond!, ctx)}${rest.replace(/^[.!?]*/, '') ? `. ${rest.replace(/^[.!?\s]*/, '')}` : ''}`);
};

const OWN_GIFT = /\b(?:i'?ve (?:ordered|bought|got|sent|picked up) you|i (?:ordered|bought|got|sent|picked up) you|a (?:little )?(?:gift|present|something) from me|my treat|on me|as a (?:little )?(?:gift|thank[- ]you) from me)\b/i;

/** The writer's own gift to the client goes; a gift from the client is declined by the template. */
const ownGift: Op = (sentence) => (OWN_GIFT.test(sentence) && !/\b(?:thank(?:s| you)|accept)\b/i.test(sentence) ? '' : null);

export const OPERATIONS: Record<OpName, Op> = {
  'drop-words': dropWords,
  'remove-clause': removeClause,
  'remove-sentence': removeSentence,
  'remove-plain-sentence': removePlainSentence,
  'drop-aside': dropAside,
  'hours-stand': hoursStand,
  template,
  'replace-span': replaceSpan,
  retime: moveTimes,
  'any-hour': moveTimes,
  cleaned,
  permission,
  'free-extra': freeExtra,
  'no-contract': noContract,
  'polite-request': politeRequest,
  'always-window': alwaysWindow,
  'one-apology': oneApology,
  'apologies-only': apologiesOnly,
  'own-invite': ownInvite,
  'limit-revisions': limitRevisions,
  ultimatum,
  'urgent-route': urgentRoute,
  ...SCOPE_TONE_OPERATIONS,
  'own-gift': ownGift,
};

export { EMOJI };
