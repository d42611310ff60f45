// The operations a rewrite plan is made of. Each takes the current sentence and one finding's words
// and returns the new sentence ('' = the sentence goes), or null when it does not apply here.
import { CLASSES } from '../classes';
import { describeDays } from '../policy';
import type { Policy } from '../types';
import { templatesFor, type IntentRewrite, type OpName, type Wording } from './data';
import { alternation, asSentence, clauses, deleteRanges, EMOJI, replaceRanges, stripDecorations, tidy, wordCount, type Range } from './text-ops';
import { anyHourRanges, hoursWindow, retimeEdits } from './times';

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
const LOVE_YOU = /\b(?:i\s+)?(?:love|luv|adore)\s+(?:you|ya|u)(?:\s+(?:so much|loads|lots|to bits|all))?\b|\b(?:big\s+)?hugs?\b(?:\s+(?:to you|xx+))?/gi;
const FREE_RE = new RegExp(`\\b(?:${alternation(words('FREE').filter((w) => !/^(?:free|a gift|my gift|a bonus|on me)$/.test(w)))}|(?<!\\w-)free(?!-)(?=\\s*(?:[,.!?;]|$|\\p{Extended_Pictographic}|\\s+(?:of charge|too|as well)))|on me(?=\\s*[,.!?]|$))\\b`, 'giu');
const GREETING = /^(?:(?:hi|hey|hello|hiya|dear|morning|evening|afternoon)\b[^,.!?]{0,30}[,!]\s*)/i;
const DISCOURSE = /^(?:otherwise|also|and|but|so|anyway|meanwhile|in the meantime|then|if\s[^,]{3,60}|when\s[^,]{3,60}|for\s+[^,]{3,40})(?:,\s*|\s+(?=[a-z]))/i;
const NAME_STOP = new Set(['I', 'The', 'We', 'You', 'Thanks', 'Thank', 'Omg', 'Oh', 'Hi', 'Hey', 'Hello', 'Honestly', 'Great', 'So', 'Just', 'Really', 'Well', 'Ok', 'Okay', 'Sorry', 'Please', 'Yes', 'No', 'Aw', 'Aww', 'Wow', 'My', 'Our', 'This', 'That', 'It', 'Dear', 'Lol', 'Haha']);
const FILLER_CLAUSE = /^\s*(?:i don'?t mind|no bother|no worries(?: at all)?|honestly|seriously|lol|haha+|no problem|any time|it'?s fine|happy to)\s*[,.!]?\s*$/i;

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
  const m = /^(?:(?:omg|oh|aw+|hey|hi|honestly|wow|so)\b[\s,!]*)?([A-Z][a-z]+)(?=[\s,!])/i.exec(sentence);
  const name = m?.[1];
  if (!name || NAME_STOP.has(name) || !/^[A-Z]/.test(name)) return '';
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

function valuesFor(sentence: string, ctx: OpContext): Record<string, string> {
  return {
    ...ctx.values,
    name: vocative(sentence),
    lead: leadIn(sentence),
    window: hoursWindow(ctx.policy, describeDays),
    next: ctx.wording.next,
    work: ctx.wording.work,
    meeting: ctx.wording.meeting,
  };
}

const personal = (hit: Hit) => hit.pack === 'personal';
const finishPersonal = (s: string, hit: Hit) => (personal(hit) ? stripDecorations(s) : asSentence(s));

/** Pet names, kisses, love emoji and "love you" go; the words around them stay. */
const dropWords: Op = (sentence, hit) => {
  const region = locate(sentence, hit.span) ?? { start: 0, end: sentence.length };
  const ranges: Range[] = [];
  for (const re of [ENDEARMENT_RE, KISS_RE, LOVE_EMOJI, LOVE_YOU]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    const part = sentence.slice(region.start, region.end);
    while ((m = re.exec(part)) !== null) ranges.push({ start: region.start + m.index, end: region.start + m.index + m[0].length });
  }
  if (ranges.length === 0) return null;
  const out = deleteRanges(sentence, ranges);
  if (wordCount(out) === 0) return '';
  return finishPersonal(out, hit);
};

/** The clause holding the finding goes (and, for personal remarks, the fragments trailing it). */
const removeClause: Op = (sentence, hit) => {
  const at = locate(sentence, hit.trigger) ?? locate(sentence, hit.span);
  if (!at) return null;
  const parts = clauses(sentence);
  const hitIdx = parts.map((c, i) => (c.start < at.end && at.start < c.end ? i : -1)).filter((i) => i >= 0);
  if (hitIdx.length === 0 || hitIdx.length === parts.length) return '';
  const drop = new Set(hitIdx);
  // "…looking good lately, those arms lol." — a short fragment after a removed remark goes with it.
  for (let i = Math.max(...hitIdx) + 1; i < parts.length; i++) {
    const t = sentence.slice(parts[i]!.start, parts[i]!.end);
    if (FILLER_CLAUSE.test(t) || (personal(hit) && wordCount(t) <= 3 && !/\d|[A-Z][a-z]/.test(t))) drop.add(i);
    else break;
  }
  const kept = deleteRanges(sentence, [...drop].map((i) => parts[i]!));
  if (wordCount(kept) < 2 || GREETING.test(kept) && wordCount(kept.replace(GREETING, '')) === 0) return '';
  const closing = /[.!?]$/.test(sentence.trim()) ? sentence.trim().slice(-1) : '.';
  let out = finishPersonal(kept, hit);
  if (!/[.!?]$/.test(out)) out += closing;
  return out;
};

const removeSentence: Op = () => '';

function firstTemplate(list: string[], sentence: string, ctx: OpContext): string | null {
  for (const t of list) {
    const s = asSentence(fill(t, valuesFor(sentence, ctx)));
    if (s && !/\{[A-Za-z]+\}/.test(s)) return s;
  }
  return null;
}

const template: Op = (sentence, _hit, ctx) => firstTemplate(templatesFor(ctx.entry.templates, ctx.policy.profession), sentence, ctx);

/** The flagged phrase replaced by the intent's phrase ("I'll reply within minutes" → "I'll reply within one business day"). */
const replaceSpan: Op = (sentence, hit, ctx) => {
  const at = locate(sentence, hit.trigger) ?? locate(sentence, hit.span);
  const list = templatesFor(ctx.entry.spanTemplates, ctx.policy.profession);
  if (!at || !list.length) return null;
  const phrase = fill(list[0]!, valuesFor(sentence, ctx));
  const closing = /[.!?]+$/.exec(sentence.slice(at.start, at.end))?.[0] ?? '';
  return asSentence(replaceRanges(sentence, [{ ...at, text: phrase + closing }]));
};

/** Late and off-day times move into the hours; "I don't mind" after them goes. */
const retime: Op = (sentence, _hit, ctx) => {
  const edits = retimeEdits(sentence, ctx.policy);
  if (edits.length === 0) return null;
  return dropFillers(asSentence(replaceRanges(sentence, edits)));
};

const anyHour: Op = (sentence, _hit, ctx) => {
  const ranges = anyHourRanges(sentence, words('ANY_HOUR'));
  if (ranges.length === 0) return null;
  const window = hoursWindow(ctx.policy, describeDays);
  let s = replaceRanges(sentence, ranges.map((r) => ({ ...r, text: window })));
  const more = retimeEdits(s, ctx.policy);
  if (more.length) s = replaceRanges(s, more);
  return dropFillers(asSentence(s));
};

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

const PERMISSION = /\b(?:i was wondering|i wondered|i wanted to ask|would it be|is it|would you mind|could i|can i)\b[^?.!]*?\b(?:ok|okay|alright|all right|fine|possible)?\s*(?:for me\s+)?(?:if i\s+(?:maybe\s+|possibly\s+|perhaps\s+)?(?:didn'?t|don'?t|couldn'?t|can'?t|could not|did not|do not|wasn'?t able to|won'?t)|to\s+(?:maybe\s+|possibly\s+)?not|not to|if i\s+(?:maybe\s+|possibly\s+)?skip(?:ped)?)\s+(?<act>[^?.!]+)/i;

/** "Would it be ok if I didn't join the call?" → "I won't be able to join the call." */
const permission: Op = (sentence) => {
  const m = PERMISSION.exec(sentence);
  const act = m?.groups?.act?.trim().replace(/\s+(?:this time|please|at all)$/i, '');
  if (!m || !act || wordCount(act) < 2) return null;
  const before = sentence.slice(0, m.index).replace(/\b(?:hi|hey)\b.*?,\s*/i, '').trim();
  const kept = before && !/^(?:so|um|sorry|just)\W*$/i.test(before) && wordCount(before) >= 3 ? `${before.replace(/[,;:]$/, '')} ` : '';
  return asSentence(`${kept}I won't be able to ${act}`);
};

const THROW_IN = /\b(?:throw|chuck|toss|pop|sneak)\s+in\b/i;

/** The extra keeps its name and becomes something quoted: "I'll throw in the cards for free" → "I can add the cards; I'll send you a quote for them first". */
const freeExtra: Op = (sentence, hit) => {
  const at = locate(sentence, hit.trigger) ?? locate(sentence, hit.span);
  const parts = clauses(sentence);
  const idx = at ? parts.findIndex((c) => c.start < at.end && at.start < c.end && (FREE_RE.lastIndex = 0, FREE_RE.test(sentence.slice(c.start, c.end)))) : -1;
  const clauseIdx = idx >= 0 ? idx : parts.findIndex((c) => ((FREE_RE.lastIndex = 0), FREE_RE.test(sentence.slice(c.start, c.end))));
  if (clauseIdx < 0) return null;
  const c = parts[clauseIdx]!;
  const raw = sentence.slice(c.start, c.end);
  const sep = /[\s,;]*(?:(?:\p{Extended_Pictographic}\uFE0F?)+\s*)?$/u.exec(raw)?.[0] ?? '';
  let body = raw.slice(0, raw.length - sep.length);
  const endPunct = /[.!?]+$/.exec(body)?.[0] ?? '';
  body = body.slice(0, body.length - endPunct.length);
  FREE_RE.lastIndex = 0;
  const free: Range[] = [];
  let m: RegExpExecArray | null;
  while ((m = FREE_RE.exec(body)) !== null) free.push({ start: m.index, end: m.index + m[0].length });
  body = tidy(deleteRanges(body, free)).replace(/\s+(?:too|as well|for you)$/i, '');
  if (wordCount(body) < 2) return null;
  body = body.replace(THROW_IN, 'add').replace(/\b(?:i'll|i will|we'll|we will)\s+(?=add|do|include|make|design|create|write|edit|build|sort|set)/i, (w) => (/^we/i.test(w) ? 'we can ' : 'I can '));
  body = body.replace(/^(?:happy to|glad to)\s+/i, (w) => w);
  const plural = /\band\b|\b\w+s\b(?!\s+\w)/i.test(body.split(/\b(?:add|do|include|make|design|create|write|edit|build)\b/i).pop() ?? '');
  const quote = `; I'll send you a quote for ${plural ? 'them' : 'it'} first`;
  const newClause = `${body}${quote}${endPunct}${sep.replace(/^[\s,;]+/, (w) => (w.includes(',') ? ' ' : w))}`;
  const rebuilt = sentence.slice(0, c.start) + newClause + (sep || endPunct ? '' : ' ') + sentence.slice(c.end);
  return asSentence(rebuilt.replace(/\s+/g, ' '));
};

const CONTRACT_WORD = /\b(?:sow|statement of work|contract|quote|agreement|scope|brief|estimate|proposal|invoice)\b/i;

/** New scope goes through the agreement: "…, no need to touch the SOW" → "… once we've updated the SOW to cover it". */
const noContract: Op = (sentence, hit) => {
  const at = locate(sentence, hit.trigger);
  if (!at) return null;
  const parts = clauses(sentence);
  const idx = parts.findIndex((c) => c.start < at.end && at.start < c.end);
  if (idx <= 0) return null;
  const doc = CONTRACT_WORD.exec(sentence.slice(parts[idx]!.start, parts[idx]!.end))?.[0] ?? 'agreement';
  const prev = parts[idx - 1]!;
  const prevText = sentence.slice(prev.start, prev.end).replace(/[\s,;]+$/, '');
  const plural = /\band\b|\bpages\b|\bextras\b|\bitems\b/i.test(prevText);
  const docName = /^sow$/i.test(doc) ? 'SOW' : doc.toLowerCase();
  const rest = sentence.slice(parts[idx]!.end);
  const tailEmoji = /^\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)+/u.exec(sentence.slice(parts[idx]!.start, parts[idx]!.end).replace(/^[^\p{Extended_Pictographic}]*/u, ''))?.[0] ?? '';
  const rebuilt = `${sentence.slice(0, prev.start)}${prevText} once we've updated the ${docName} to cover ${plural ? 'them' : 'it'}${tailEmoji ? ` ${tailEmoji.trim()}` : ''}${rest ? ` ${rest}` : ''}`;
  return asSentence(rebuilt.replace(/\s+/g, ' '));
};

/** "Send me the files now!" → "Could you send me the files?" */
const politeRequest: Op = (sentence) => {
  const core = sentence.trim().replace(/[.!?]+$/, '').replace(/\s*,?\s*\b(?:now|asap|right now|immediately|already|today)\b$/i, '').replace(/^please\s+/i, '');
  if (!/^[A-Za-z]/.test(core) || /^(?:i|we|you|it|this|that|there|the|my|your)\b/i.test(core) || wordCount(core) < 3) return null;
  return `Could you ${core[0]!.toLowerCase()}${core.slice(1)}?`;
};

export const OPERATIONS: Record<OpName, Op> = {
  'drop-words': dropWords,
  'remove-clause': removeClause,
  'remove-sentence': removeSentence,
  template,
  'replace-span': replaceSpan,
  retime,
  'any-hour': anyHour,
  cleaned,
  permission,
  'free-extra': freeExtra,
  'no-contract': noContract,
  'polite-request': politeRequest,
};

export { EMOJI };
