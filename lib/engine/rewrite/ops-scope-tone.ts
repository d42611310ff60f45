// Operations for the assertiveness, scope and tone packs (rules/rewrites/{assertiveness,scope,tone}.json).
// Each keeps what the sentence says (the work, the price, the date, the request) and changes only
// what gives the boundary away or attacks the reader: free work becomes a quoted extra, a waived fee
// is invoiced, a caved limit is held, a hostile message keeps its facts and request, said calmly.
import { CLASSES } from '../classes';
import { toInfinitivePhrase } from '../nlp';
import type { Hit, OpContext } from './ops';
import { OPERATIONS, vocative } from './ops';
import { urgentRoutes } from './gate';
import { alternation, asSentence, clauses, deleteRanges, tidy, wordCount, type Range } from './text-ops';

type Op = (sentence: string, hit: Hit, ctx: OpContext) => string | null;

const words = (name: string) => CLASSES[name]?.words ?? [];

/** Free-of-charge phrases (the FREE class, less the ones that name a gift rather than a price). */
const FREE_PHRASE = new RegExp(
  `(?:,\\s*|\\s+[-\\u2013\\u2014]\\s+)?\\b(?:${alternation(words('FREE').filter((w) => !/^(?:free|a gift|my gift|a bonus|on me|a little extra|don't charge|won't charge|free bonus)$/.test(w)))}|without (?:changing|touching|updating) (?:the|my|our) (?:quote|price|fee|invoice)|at no (?:extra |additional )?(?:charge|cost|fee)s?|no (?:additional|extra) (?:fee|cost|charge)s?|my treat|for nothing|on me(?=\\s*(?:[,.!?;]|$)))\\b(?:\\s+(?:too|as well|either|first|upfront))?`,
  'gi',
);
/** Clauses that only waive the fee or promise nothing is owed. */
const WAIVER_CLAUSE = /^\s*(?:and\s+|so\s+)?(?:(?:don'?t|dont|do not|no need to)\s+worry about pay(?:ing)?(?:\s+(?:me|extra|for (?:it|that|this|them)))*|call it a freebie|(?:i|we) won'?t (?:invoice|charge|bill)(?: you)?(?: for (?:it|that|this|them))?|no need to (?:pay|invoice|bill|charge)(?: (?:me|you|extra|for (?:it|that|this|them|those)))*|(?:just\s+)?(?:consider|call) it (?:a |my )?(?:little\s+)?(?:thank you|thank-you|thankyou|gift|freebie|bonus|favour|favor)(?: from me)?|no strings(?: attached)?|(?:it'?s|that'?s) on (?:me|the house)|my treat|whatever you need|no extra charge|no charge|free|on the house|(?:it )?only takes? (?:five|5|ten|10|two|2|a few|twenty|20) (?:mins?|minutes)(?: anyway)?)\s*[,.;!?\u2014\u2013-]*\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)*$/iu;
/** "…, no need to touch the SOW" / "we'll keep it as it is": the agreement named, to be updated. */
const NO_CONTRACT_CLAUSE = /^\s*(?:and\s+)?(?:(?:i )?don'?t think we need to|no need to|we won'?t need to|needn'?t|don'?t worry about|without (?:needing to )?)\s*(?:update|amend|change|touch|redo|redoing|revise|sign|changing|updating|amending|touching|add (?:it|this|that|them) to|adding (?:it|this|that|them) to)\s+(?<doc>(?:the|our|your|my)\s+(?:sow|statement of work|contract|quote|agreement|scope|brief|estimate|proposal|appointment letter|engagement letter|terms))(?:\s+(?:for (?:it|that|this|them)|of [^,.;]+))?(?:\s+or anything(?: like that)?)?\s*[,.;!?\u2014\u2013-]*\s*(?:(?:\p{Extended_Pictographic}\uFE0F?\s*)+)?$|^\s*(?:and\s+)?we'?ll keep (?:it|the (?:contract|agreement|quote)) as (?:it is|is)\s*[,.;!?]*\s*$/iu;
const DISCOUNT = /\b(?:knock(?:ed|ing)?|tak(?:e|en|ing)|shav(?:e|ed))\b[^,.;!?]*\boff\b|\b\d+\s*%\s*off\b|\bhalf[- ]price\b|\bonly charge half\b|\bcharge (?:you )?half\b|\b(?:special|mate'?s|friends?(?: and family)?) rate\b|\bdiscount(?:ed)?\b|\breduce (?:my|the|your) (?:hourly |day )?(?:rate|fee|price)\b|\b(?:just|only) pay\b|\blet'?s (?:call|make) it\b[^,.;!?]*\d|\bcall it\b[^,.;!?]*[£$€]\s*\d/i;
/** Reasons and apologies that travel with a discount or a cave. */
const SOFTENER = /^\s*(?:and\s+|but\s+|so\s+)?(?:(?:i'?m|i am)\s+)?(?:(?:so|really|very|truly|terribly|awfully|extremely)\s+)*(?:sorry|apologies)\b[^,.;!?]*|^\s*(?:i know (?:that'?s|it'?s) a lot|i feel (?:bad|awful|terrible)[^,.;!?]*|since it'?s you|because it'?s you|as a goodwill gesture|by way of apology|if that helps|that feels fairer|(?:i know )?budgets are tight[^,.;!?]*|things are tight[^,.;!?]*|no need to ask|whatever you think is fair|we'?ll sort it (?:out )?whenever|just come along whenever|it was (?:only |just )?a (?:quick|short|small|tiny) (?:job|one|thing|session|call|fix)|(?:ok(?:ay)?|fine|ok fine)|you'?re right|honestly|actually|this time|aw+|oh)\s*[,.;!?\u2014\u2013-]*\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)*$/iu;

/**
 * A clause that only excuses the freebie or waiver ("it's fine honestly", "you've had such a hard
 * year", "since we never changed the contract I figured it's fine"): once the work is charged it
 * contradicts the sentence, so it goes with the waiver.
 */
const EXCUSE = /^\s*(?:and\s+|so\s+|but\s+)?(?:(?:honestly|really|tbh|seriously)\s*,?\s*)?(?:(?:it'?s|its|that'?s|thats)\s+(?:(?:totally|completely|absolutely|honestly|really|all)\s+)?(?:fine|ok|okay|no (?:bother|problem|trouble|biggie))(?:\s+(?:honestly|really|tbh|by me|with me))?|(?:since|as|because)\b[^,.;!?]*\b(?:fine|ok|okay|no (?:bother|problem))|(?:you'?ve|youve|you have) had (?:such|a|an|quite|so)\b[^,.;!?]*\b(?:year|time|week|month|months|weeks)|consider it a (?:gift|freebie|thank[- ]you|bonus)|(?:we'?re|you'?re|ur) (?:(?:basically|practically|like)\s+)?(?:mates|friends|pals|family|a mate|a friend)|(?:as|cos|because) (?:we'?re )?(?:mates|friends)|(?:don'?t|dont|do not) (?:even )?worry(?: about (?:it|that))?|no worries)\s*[,.;!?\u2014\u2013-]*\s*(?:\p{Extended_Pictographic}\uFE0F?\s*|x+\s*)*$/iu;

function clauseTexts(s: string): { r: Range; t: string }[] {
  return clauses(s).map((r) => ({ r, t: s.slice(r.start, r.end) }));
}

/** The sentence with whole clauses matching `drop` taken out; null when nothing (or everything) goes. */
function dropClauses(sentence: string, drop: (t: string, i: number) => boolean): string | null {
  const parts = clauseTexts(sentence);
  const gone = parts.filter((p, i) => drop(p.t, i)).map((p) => p.r);
  if (gone.length === 0) return null;
  if (gone.length === parts.length) return '';
  return finish(deleteRanges(sentence, gone), sentence);
}

/** Tidy, closing mark kept ("?" becomes "." unless the sentence still asks). */
function finish(s: string, original: string): string {
  let t = tidy(s.replace(/\s+[\u2013\u2014-]\s+(?=(?:and|but|so)\b)/g, ', ')).replace(/[\s,;\u2014\u2013-]+$/, '');
  const emojiEnd = /\p{Extended_Pictographic}\uFE0F?$/u.test(t);
  if (!/[.!?]$/.test(t) && !emojiEnd) {
    const mark = /([.!?])\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)*$/u.exec(original.trim())?.[1] ?? '.';
    t += mark === '?' && !/^(?:can|could|would|will|do|is|are|shall|should|may)\b/i.test(t) ? '.' : mark;
  }
  return t;
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const low = (s: string) => (s && !/^I\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** "I'll throw in / I'll do" → "I can add / I can do" at the start of the work clause. */
function offerVerb(s: string): string {
  return s
    .replace(/\b(i'?ll|i will|ill|we'?ll|we will)\s+(also\s+|just\s+)?(?:throw|chuck|toss|pop|sneak)\s+in\b/i, (_w, who: string, adv = '') => `${/^we/i.test(who) ? 'we' : 'I'} can ${adv.trim() === 'also' ? 'also ' : ''}add`)
    .replace(/\b(i'?ll|i will|ill|we'?ll|we will)\s+(also\s+|just\s+)?(?=(?:add|do|include|make|design|create|write|edit|build|sort|set|mock|redo|fix|cover|prepare|draft|shoot|run|host|film|clean|take|translate|proofread|record|paint|install|review|check|update|print|bake|cut|trim|plant|fit|mow|service|photograph|retouch|edit|code|tweak|teach|coach|walk|groom|deliver|format|style|wash)\b)/i, (_w, who: string, adv = '') => `${/^we/i.test(who) ? 'we' : 'I'} can ${adv.trim() === 'also' ? 'also ' : ''}`);
}

const TRIAL_PURPOSE = /\b(?:so (?:that )?you can (?:see|decide|judge|try)|to show (?:you )?what i can do|before (?:you )?(?:sign|commit|hire|decid)\w*|as a (?:trial|test)|if we(?:'re| are) a (?:good )?fit|if we click|if i'?m a fit)\b/i;

/** What a waiver clause names: "don't worry about paying for the last three lessons" → "the last three lessons". */
const WAIVED = /\b(?:(?:don'?t|dont|do not|no need to)\s+worry about\s+(?:paying|invoicing|billing|charging)(?:\s+(?:me|you|us))?(?:\s+extra)?|no need to pay(?:\s+(?:me|us))?|(?:i|we)\s+won'?t\s+(?:bill|charge|invoice)(?:\s+you)?|forget about paying(?:\s+me)?)\s+for\s+(?<what>[^,.;!?\u2014\u2013\p{Extended_Pictographic}]*[^,.;!?\u2014\u2013\s\p{Extended_Pictographic}])/iu;
const WAIVE_FEE = /\b(?:i'?ll|i will|we'?ll|happy to|i can)\s+waive\s+(?<what>(?:the|your|this|that|my)\s+[^,.;!?\u2014\u2013]*[^,.;!?\u2014\u2013\s])/i;

function invoiceFor(sentence: string): string | null {
  // "I won't charge for Tuesday's session to make up for it": a waiver given as amends says nothing once
  // the fee stands, so the sentence goes (the apology beside it carries the amends).
  if (/\bto make (?:up for (?:it|that|this|the \w+)|it up(?: to you)?)\b/i.test(sentence) && (WAIVED.test(sentence) || WAIVE_FEE.test(sentence))) return '';
  // A waiver offered beside an apology is amends too: the apology stays, the waiver goes.
  if (/\b(?:sorry|apologi[sz]e|apologies)\b/i.test(sentence) && (WAIVED.test(sentence) || WAIVE_FEE.test(sentence))) {
    const kept = dropClauses(sentence, (t) => WAIVED.test(t) || WAIVE_FEE.test(t));
    if (kept && wordCount(kept) >= 3) return kept;
  }
  const w = WAIVED.exec(sentence);
  const what = w?.groups?.what?.trim().replace(/\s+(?:this time|for now|either|too)$/i, '');
  if (w && what && !/^(?:it|this|that|them|anything|extra)$/i.test(what)) {
    const before = sentence.slice(0, w.index);
    const rest = sentence.slice(w.index + w[0].length);
    const rebuilt = `${before}I'll charge for ${what.replace(/^me\s+/i, '')} as usual${rest}`;
    return dropClauses(rebuilt, (t) => (SOFTENER.test(t) || EXCUSE.test(t) || DISCOUNT.test(t) || WAIVER_CLAUSE.test(t)) && !/as usual/.test(t)) ?? finish(rebuilt, sentence);
  }
  const f = WAIVE_FEE.exec(sentence);
  if (f?.groups?.what) {
    const thing = f.groups.what.trim().replace(/\s+(?:this time|for now)$/i, '').replace(/^(?:your|my)\s+/i, 'the ');
    const before = sentence.slice(0, f.index);
    const rest = sentence.slice(f.index + f[0].length).replace(/^\s+(?:this time|for now)\b/i, '');
    const rebuilt = `${before}${before.trim() ? low(thing) : cap(thing)} still applies${rest}`;
    return dropClauses(rebuilt, (t) => (SOFTENER.test(t) || EXCUSE.test(t) || DISCOUNT.test(t)) && !/still applies/.test(t)) ?? finish(rebuilt, sentence);
  }
  return null;
}

/** A fee the sentence names: "the $95 diagnostic fee", "the £18", "the call-out charge". */
const NAMED_FEE = String.raw`(?:the|your|this|that|my)\s+(?:[$£€]\s?\d[\d,.\u2063]*(?:\s+[\w-]+){0,3}?\s+(?:fee|charge|call-?out|bill|invoice|payment|deposit|balance)s?|[$£€]\s?\d[\d,.\u2063]*|(?:[\w-]+\s+){0,2}?(?:fee|call-?out charge|call-?out fee|invoice|bill|balance)s?)`;
/** "Don't even worry about the $95 diagnostic fee", "no need to pay the fitting fee", "no dramas re the $180". */
const WAIVE_NAMED = new RegExp(String.raw`\b(?:(?:please\s+)?(?:don'?t|dont|do not)\s+(?:even\s+)?(?:worry|stress|fret)\s+(?:about|bout|re)|no need to (?:pay|worry about)|no (?:dramas|worries|rush|stress)\s+(?:re|about|on|with)|forget (?:about\s+)?)\s+(?<fee>${NAMED_FEE})(?=\s*(?:[,.;!?\u2014\u2013]|$|\s+(?:this time|either|mate|hun|for now)\b|\s*\p{Extended_Pictographic}))(?:\s+(?:this time|either|for now))?`, 'iu');
/** "didn't charge for the brake bleed", "no charge for checking your other two": work done and not billed. */
const UNBILLED = /\b(?:(?:i\s+)?(?:didn'?t|didnt|did not|haven'?t|havent|have not)\s+(?:charge|bill|invoice)(?:d)?(?:\s+you)?\s+for|no charge for)\s+(?<what>[^,.;!?\u2014\u2013\p{Extended_Pictographic}]*[^,.;!?\u2014\u2013\s\p{Extended_Pictographic}])/iu;
/** What only excused the unbilled fee once it is charged: "call it a freebie", "have this one on me", "I'm not fussed". */
const FREEBIE_TAIL = /^\s*(?:and\s+|or\s+|so\s+)?(?:call it a freebie|(?:just\s+)?have (?:this|that|it) (?:one )?on me|(?:it'?s|that'?s|this one'?s|this one is) on me|i'?m not fussed|or don'?t(?: lol| haha)?|(?:just\s+)?pay (?:me\s+)?whenever(?: you can| suits)?|(?:no rush|whenever)(?: on (?:that|it|payment))?|(?:we|you) can sort (?:that|it|this)(?: out)? whenever(?:,? or never)?|or never|since you(?: guys)? (?:are|'re|were) (?:so\s+)?(?:awesome|great|lovely|so nice|nice|legends?)|you'?re a (?:legend|star|gem))(?:\s+(?:lol|haha|mate))?\s*[,.;!?\u2014\u2013-]*\s*(?:\p{Extended_Pictographic}\uFE0F?\s*|x+\s*)*$/iu;

/**
 * A fee or done work the sentence names and waives is charged, in the sentence's own words:
 * "Don't even worry about the $95 diagnostic fee" → "I'll send you the invoice for the $95 diagnostic
 * fee"; "didn't charge for the wheel true, call it a freebie" → "I've charged for the wheel true as usual".
 */
export function chargeNamedFee(sentence: string): string | null {
  let s = sentence;
  let changed = false;
  s = s.replace(WAIVE_NAMED, (_w, ...args: unknown[]) => {
    const groups = args[args.length - 1] as { fee: string };
    changed = true;
    const fee = groups.fee.replace(/^(?:your|my|this|that)\s+/i, 'the ');
    // "the £600 invoice" is the invoice itself: "I'll send you the £600 invoice".
    return /\b(?:invoice|bill)s?$/i.test(fee) ? `I'll send you ${fee}` : `I'll send you the invoice for ${fee}`;
  });
  // "Please do not worry about the payment": the invoice goes out as usual.
  s = s.replace(/\b(?:(?:please\s+)?(?:don'?t|dont|do not)\s+(?:even\s+)?(?:worry|stress|think)\s+(?:about|bout)\s+(?:the\s+|my\s+|any\s+)?(?:payment|paying(?: me)?|the bill|fees?(?:\s+for (?:this|last|the) (?:month|week|quarter|year|session|visit|job))?)|forget (?:about )?(?:the )?(?:payment|paying(?: me)?))(?=\s*(?:[,.;!?\u2014\u2013]|$))(?:\s+(?:this time|for now))?/i, () => {
    changed = true;
    return "I'll send you the invoice as usual";
  });
  // "no need to bother with the monthly invoice this time" → "I'll send the monthly invoice as usual".
  s = s.replace(/\bno\s+need\s+to\s+(?:bother\s+with|worry\s+about|pay|settle)\s+(?:the|this|my|your|our)\s+((?:monthly|usual|last|final|next)\s+)?(invoice|bill)\b(?:\s+(?:this time|for now|this month))?/i, (_w, kind: string | undefined, what: string) => {
    changed = true;
    return `I'll send the ${kind ?? ''}${what.toLowerCase()} as usual`;
  });
  s = s.replace(UNBILLED, (_w, ...args: unknown[]) => {
    const groups = args[args.length - 1] as { what: string };
    changed = true;
    const done = /\b(?:was|were|did|didn'?t|didnt|'ve|have|had|already|\w+ed)\b/i.test(sentence);
    // "didn't charge for the bleed or the true" → "charged for the bleed and the true".
    const what = /^no charge/i.test(_w as string) ? groups.what.trim() : groups.what.trim().replace(/\s+or\s+/gi, ' and ');
    return `${done ? "I've" : "I'll"} charge${done ? 'd' : ''} for ${what} as usual`;
  });
  if (!changed) return null;
  s = s.replace(/(^|[.!?]\s+)(Also|Plus|And also)\s+(?=I'll send you the invoice)/, '$1$2, ');
  const kept = dropClauses(s, (t) => FREEBIE_TAIL.test(t) || (EXCUSE.test(t) && !/invoice for|as usual/.test(t)));
  return kept ?? finish(s, sentence);
}

/** Skipped invoice: the waived work or fee is charged as usual ("Don't worry about paying for May" → "I'll charge for May as usual"). */
const invoiceAsUsual: Op = (sentence) => {
  const named = chargeNamedFee(sentence);
  return (named && invoiceFor(named)) ?? named ?? invoiceFor(sentence);
};

/** Free trial work: the trial stays, paid ("a full homepage draft for free first" → "a full homepage draft at my usual rate"). */
const paidTrial: Op = (sentence) => {
  let s = sentence;
  // "…at my usual rate" unless the sentence already names the usual rate.
  const paidWords = /\busual\b|\brate\b/i.test(sentence) ? ' as paid work' : ' at my usual rate';
  let changed = false;
  // "a free test shoot" → "a paid test shoot".
  s = s.replace(/\b(a|an)\s+free\s+(?=(?:test|trial|sample|spec|pilot|taster|mock|quick)\b)/gi, (_w, a: string) => {
    changed = true;
    return `${a === 'an' ? 'a' : a} paid `;
  });
  // "for free as a trial", "for free first", "unpaid", "free of charge" → "at my usual rate".
  s = s.replace(/(?:,\s*)?\b(?:(?:for free|free of charge|for nothing|at no cost|unpaid|no charge|on the house|gratis|pro bono)(?:\s+(?:as a (?:trial|test)|first|upfront|beforehand))?|as a free (?:trial|test))\b/gi, () => {
    changed = true;
    return paidWords;
  });
  s = s.replace(/\bupfront at my usual rate\b/i, 'at my usual rate');
  if (!changed) return null;
  // "no strings", "no obligation", "if you don't like it no hard feelings": what made the trial free goes with it.
  const out = dropClauses(s, (t) => /^\s*(?:and\s+)?(?:no strings(?: attached)?|no obligation|no pressure|no hard feelings|if you don'?t (?:like|love|want) (?:it|them)[^,.;!?]*)\s*[,.;!?]*\s*$/i.test(t)) ?? finish(s, sentence);
  return out || null;
};

/**
 * Free extras: the extra keeps its name and is quoted ("I'll throw in the extra landing page for
 * free" → "I can add the extra landing page; I'll send you an updated quote first"); an agreement
 * the sentence would leave untouched is updated instead.
 */
const billableExtra: Op = (sentence, hit, ctx) => {
  // A named fee waived beside the extra is charged first; the extra is then quoted or invoiced.
  const named = chargeNamedFee(sentence);
  const r = (named ? billableExtraRaw(named, hit, ctx) : billableExtraRaw(sentence, hit, ctx)) ?? named;
  if (!r) return r;
  return r
    .replace(/\b((?:sorry|apologi[sz]e|apologies) (?:for|about) [^,.;!?]+?),? and (?=I (?:can|will|'ll)\b)/i, (_w, a: string) => `${a}. `)
    .replace(/,\s*no (?:problem|bother|worries)(?:\s+at all)?(?=[.!?]$)/i, '');
};
const billableExtraRaw: Op = (sentence, hit, ctx) => {
  FREE_PHRASE.lastIndex = 0;
  const hasFree = FREE_PHRASE.test(sentence) || clauseTexts(sentence).some((p) => WAIVER_CLAUSE.test(p.t) && !/^\s*(?:and\s+)?(?:no strings|whatever you need)/i.test(p.t));
  const parts = clauseTexts(sentence);
  const contract = parts.find((p) => NO_CONTRACT_CLAUSE.test(p.t));
  if (!hasFree && !contract) return WAIVED.test(sentence) ? invoiceFor(sentence) : null;
  // Work done to show what the writer can do is a trial: it is paid, not quoted.
  if (hasFree && TRIAL_PURPOSE.test(sentence) && hit.intent !== 'no-contract-change') {
    const t = paidTrial(sentence, hit, ctx);
    if (t) return t;
  }
  if (WAIVED.test(sentence) && !FREE_PHRASE.test(sentence)) {
    FREE_PHRASE.lastIndex = 0;
    const inv = invoiceFor(sentence);
    if (inv) return inv;
  }
  FREE_PHRASE.lastIndex = 0;
  let doc = '';
  if (contract) doc = (NO_CONTRACT_CLAUSE.exec(contract.t)?.groups?.doc ?? '').replace(/\bsow\b/i, 'SOW').replace(/^(?:your|my)\s+/i, 'the ');
  // Clauses that only waived the fee, left the agreement as it is or discounted go.
  const isDrop = (t: string) => WAIVER_CLAUSE.test(t) || NO_CONTRACT_CLAUSE.test(t) || (DISCOUNT.test(t) && wordCount(t) <= 8) || /^\s*(?:and\s+)?(?:i\s+)?hope (?:that'?s|this is|it'?s|thats) (?:ok|okay|alright|fine)(?: with you)?\s*[,.;!?]*\s*$/i.test(t);
  const bare = (t: string) => wordCount(t.replace(FREE_PHRASE, ' ')) < 3;
  // The work clause: where the free words are (or the clause before a bare "no charge"), else the offer.
  let w = parts.findIndex((p) => ((FREE_PHRASE.lastIndex = 0), FREE_PHRASE.test(p.t)) && !isDrop(p.t) && !bare(p.t));
  if (w < 0) {
    const free = parts.findIndex((p) => ((FREE_PHRASE.lastIndex = 0), FREE_PHRASE.test(p.t)) || WAIVER_CLAUSE.test(p.t));
    for (let i = (free < 0 ? parts.length : free) - 1; i >= 0 && w < 0; i--) if (!isDrop(parts[i]!.t) && wordCount(parts[i]!.t) >= 3) w = i;
  }
  if (w < 0) w = parts.findIndex((p) => !isDrop(p.t) && /\b(?:i'?ll|i will|i can|we'?ll|we can|happy to|i'?d love to)\b/i.test(p.t));
  if (w < 0) return null;
  const MARK = '\u2062';
  const wt = parts[w]!;
  const sepLen = /[\s,;.!?\u2014\u2013-]*(?:(?:\p{Extended_Pictographic}\uFE0F?)+[\s,;.!?]*)?$/u.exec(wt.t)![0].length;
  const at = wt.r.end - sepLen;
  // "I've also sourced the runner — …, I'm happy to do it for free": done already, so it is invoiced.
  const past = /\b(?:i'?ve|i have|i already|i (?:actually |also |just )?(?:threw|chucked|tossed|popped|snuck|sneaked|added|rewrote|redid|did|made|included|drew|designed|wrote|created|built|sorted|fixed|edited|sent|shot|took|cleaned|painted|replaced))\b/i.test(wt.t) || (/^\s*(?:i'?m|i am) (?:happy|glad) to (?:do|include|cover) (?:it|that|this|them)\b/i.test(wt.t) && parts.slice(0, w).some((p) => /\b(?:i'?ve|i have|i already)\b/i.test(p.t)));
  // The work is named in an earlier clause and was done: "I've sourced X; I'll add it to the invoice."
  if (past && w > 0 && !/\b(?:i'?ve|i have|i already)\b/i.test(wt.t) && /\b(?:it|that|this|them)\b/i.test(wt.t.replace(FREE_PHRASE, ' ')) && !sentence.slice(wt.r.end).replace(/[\s.!?]+/g, '')) {
    const before = deleteRanges(sentence.slice(0, wt.r.start), parts.slice(0, w).filter((p) => isDrop(p.t) || EXCUSE.test(p.t)).map((p) => p.r)).replace(/[\s,;\u2014\u2013-]+$/, '');
    if (wordCount(before) >= 4 && !isDrop(before)) return finish(cap(tidy(`${before}; I'll add it to the invoice.`, false)), sentence);
  }
  let s = sentence.slice(0, at) + MARK + sentence.slice(at);
  const marked = clauseTexts(s);
  const markAt = marked.findIndex((p) => p.t.includes(MARK));
  // Apologies and "you're right" before the offer go with the fee waiver; the first apology that names
  // the slip ("sorry the peonies drooped") stays, it carries what happened.
  const namesSlip = (t: string) => /\b(?:sorry|apologies)\b/i.test(t) && wordCount(t.replace(/\b(?:i'?m|i am|so|really|very|truly|sorry|apologies|again|about|for|that|this|it|the|trouble|hassle|inconvenience|delay|mess|mix-?up)\b/gi, ' ')) >= 2;
  const slipAt = marked.findIndex((p, i) => i < markAt && namesSlip(p.t));
  s = deleteRanges(s, marked.filter((p, i) => i !== slipAt && !p.t.includes(MARK) && (isDrop(p.t) || EXCUSE.test(p.t) || (i < markAt && SOFTENER.test(p.t)))).map((p) => p.r));
  FREE_PHRASE.lastIndex = 0;
  // "…as you've been so lovely": the reason for waiving the fee goes with the waiver.
  s = s.replace(/\s+(?:as|because|since|cos|coz)\s+(?:you'?ve been|you'?re|you are|you were|you(?: guys| two| lot)? (?:are|'re|have been|'ve been))\s+(?:so|such|really|a|an|always|awesome|great|lovely|legends?|stars?|amazing|brilliant)\b[^,.;!?\u2062]*/i, '');
  s = s.replace(FREE_PHRASE, '').replace(/\s+(?:and|plus)\s+(?:I'?ll\s+)?(?:knock|take)\s+[^,.;!?]*?\boff\b[^,.;!?\u2062]*?(?=\s*(?:[,.;!?\u2062]|\p{Extended_Pictographic}|$))/iu, '');
  const note = past ? "; I'll add it to the invoice" : doc && !/quote/i.test(doc) ? `; I'll update ${doc} and send you the new quote first` : "; I'll send you an updated quote first";
  const i = s.indexOf(MARK);
  let head = offerVerb(s.slice(0, i).replace(/[\s,;\u2014\u2013-]+$/, '').replace(/\s+x+$/i, ''));
  // A gift's "as a thank you" does not lead work that is invoiced or quoted.
  head = head.replace(/(^|[.!?]\s+|,\s+)(?:as a (?:little )?(?:thank[- ]you|gift|treat)|by way of thanks)\s*,?\s+(\S)/i, (_w, pre: string, c: string) => `${pre}${pre.trim() ? c : c.toUpperCase()}`);
  let rest = s.slice(i + 1);
  // What follows reads on: a full stop before a capital or an emoji, else a comma.
  const mark = /^\s*(?:[.!?]|\p{Extended_Pictographic})/u.test(rest) || !rest.trim() ? '' : /^\s*[,;\u2014\u2013-]*\s*\p{Lu}/u.test(rest) ? '.' : ',';
  rest = rest.replace(/^\s*[,;\u2014\u2013-]+/, '');
  const out = tidy(`${head}${note}${mark} ${rest}`.replace(/\s+/g, ' '), false);
  if (wordCount(out) < 5) return null;
  // "no charge!" was the cheer; the quote is stated plainly.
  return finish(cap(out), sentence).replace(/(quote first|to the invoice|new quote first)!/, '$1.');
};

/** Agreeing to new scope without changing the agreement: the work stays, the agreement is updated first. */
const updateAgreement: Op = (sentence, hit, ctx) => {
  const parts = clauseTexts(sentence);
  // A sentence of its own ("No need to touch the contract, we'll keep it as it is.") says the opposite.
  const docs = parts.map((p) => NO_CONTRACT_CLAUSE.exec(p.t)?.groups?.doc).filter(Boolean);
  if (docs.length && parts.every((p) => NO_CONTRACT_CLAUSE.test(p.t) || WAIVER_CLAUSE.test(p.t))) {
    const doc = docs[0]!.replace(/^(?:the|our|your|my)\s+/i, '').replace(/\bsow\b/i, 'SOW');
    return `I'll send you an updated ${doc} to cover this.`;
  }
  FREE_PHRASE.lastIndex = 0;
  if (!FREE_PHRASE.test(sentence)) return null;
  return billableExtra(sentence, hit, ctx);
};

/** The clause that gives in ("— but if you really need it I suppose I could come this Saturday after all"). */
const CAVE_CLAUSE = /^\s*(?:[\u2014\u2013-]\s*)?(?:(?:but|though|although|however|that said|then again)\s*,?\s*)?(?:(?:if you (?:really |absolutely )?(?:need|want)(?: it| me to| to)?|just this once|for you|ok(?:ay)?|fine)[\s,]*)*(?:i (?:suppose|guess) i (?:could|can)|i could (?:always )?(?:make an exception|squeeze|come|do|fit)|i can (?:always )?(?:make an exception|squeeze|fit|come)|ok(?:ay)?,? fine|fine,? just this once|just this once)\b[^.!?]*[.!?]*\s*$/i;
/** What a cave leaves around a limit: apologies and "I hope that's okay". */
const CAVE_SOFTENER = /^\s*(?:and\s+)?(?:(?:i'?m\s+|i am\s+)?(?:(?:so|really|very|truly|terribly)\s+)*sorry(?:\s+again)?|i hope (?:that'?s|this is|it'?s) (?:ok|okay|alright|all right|fine)|i know (?:it'?s|this is|that'?s) (?:inconvenient|annoying|a pain|not ideal|frustrating))\s*[,.;!?\u2014\u2013-]*\s*$/i;

/** Caving after a limit: the limit stands, the giving in and the apologies around it go. */
const dropCave: Op = (sentence) => {
  const parts = clauseTexts(sentence);
  if (!parts.some((p) => CAVE_CLAUSE.test(p.t))) return null;
  const out = dropClauses(sentence, (t) => CAVE_CLAUSE.test(t) || CAVE_SOFTENER.test(t) || /^\s*(?:(?:but|and|so)\s+)?(?:ok(?:ay)?|fine|alright|all right|oh well)\s*[,.;!?\u2014\u2013-]*\s*$/i.test(t));
  if (!out || wordCount(out) < 5 || !/\b(?:can'?t|cannot|won'?t|don'?t|do not|not|only|no longer|unable)\b/i.test(out)) return null;
  return out;
};

/** Stated limits a cave gives up: "I know I said the minimum is £200, but ok…" */
const STATED_LIMIT = /^(?<lead>.*?)\b(?:i know (?:i said |that )?|i did say (?:that )?|i said (?:that )?|as i said,?\s*|i know (?:we agreed|i told you) (?:that )?)(?<limit>[^,;\u2014\u2013]+?)\s*,?\s*(?:but|though)\s+(?<cave>.+)$/i;

/** Caving: the limit the writer stated is held ("…, but ok, I'll come at 9:30pm" → "As I said, I don't teach after 8, so I'll keep to that"). */
const holdLimit: Op = (sentence) => {
  const m = STATED_LIMIT.exec(sentence);
  if (m?.groups) {
    const limit = m.groups.limit!.trim().replace(/^(?:my|the)\s/i, (w) => w);
    if (wordCount(limit) < 3) return null;
    // The greeting and apologies before it go (the greeting is kept by the caller).
    const said = /\b(?:i did say|i said|as i said|i know i said|i told you)\b/i.test(m[0]);
    const waived = /\b(?:won'?t|not going to|no need to)\s+(?:charge|bill|invoice)\s+(?:you\s+)?(?:for\s+)?(?<what>the\s+[^,.;!?]+)|\bwaive\s+(?<what2>the\s+[^,.;!?]+)/i.exec(m.groups.cave!);
    const what = waived?.groups?.what ?? waived?.groups?.what2;
    const then = what ? `${what.trim()} still applies` : "I'll need to keep to that";
    const body = said ? `Just to be clear, ${low(limit)}` : cap(limit.replace(/^i\b/, 'I'));
    return asSentence(`${body}, so ${then}`);
  }
  // No limit named: a waived fee is kept; the "ok fine, you're right" around it goes.
  return invoiceFor(sentence);
};

/** An unasked-for discount goes; the price it cut stays ("The fee is $2,400, but just pay $1,800" → "The fee is $2,400."). */
const keepPrice: Op = (sentence) => {
  const sents = sentence.split(/(?<=[.!?])\s+/);
  const out: string[] = [];
  let changed = false;
  for (const x of sents) {
    // A discount offered for the writer's own slip is amends: the apology answers it, the price stands.
    if (/\b(?:sorry|apologi[sz]e|apologies)\b/i.test(x)) {
      const kept = dropClauses(stripBlame(x), (t) => DISCOUNT.test(t) && /\b(?:i'?ll|i will|i'?ve|i have|we'?ll|let me)\b/i.test(t));
      if (kept && wordCount(kept) >= 3 && !DISCOUNT.test(kept)) {
        out.push(kept);
        changed = true;
        continue;
      }
    }
    // "I'll take 20% off this month's £500 fee" → "This month's £500 fee stays as quoted."
    const off = /^(?<lead>.*?)\b(?:i'?ll|i will|i can|i'?ve|let me)\s+(?:take|knock(?:ed)?|shave)\s+\S+\s+off\s+(?<what>(?:the|this|your|my|this month'?s|that)\s+[^,.;!?]*[£$€]\s*[\d,.]+[^,.;!?]*)[.!?]*\s*$/i.exec(x);
    if (off?.groups) {
      // "To make up for it I'll knock 30% off…": the amends go with the discount.
      const lead = (dropClauses(off.groups.lead!, (t) => SOFTENER.test(t)) ?? off.groups.lead!).replace(/(?:^|\s*,?\s*(?:and|so)\s+|\s+)(?:to make (?:up for (?:it|that|this)|it up(?: to you)?)|as an apology|to say sorry)\s*,?\s*$/i, '');
      const emoji = (/(?:\p{Extended_Pictographic}\uFE0F?\s*)+$/u.exec(off.groups.what!)?.[0] ?? '').trim();
      let what = off.groups.what!.replace(/(?:\p{Extended_Pictographic}\uFE0F?\s*)+$/u, '').replace(/\s+(?:since|because|as)\s+(?:it'?s|you'?re|you are|a)\b.*$/i, '').trim().replace(/^(?:your|my)\s+/i, 'the ');
      // "…off the £2,800 and throw in the hedge trim for free": the price stays, the extra is quoted.
      const extra = /\s+(?:and|plus)\s+(?:i'?ll\s+|i can\s+)?(?:throw in|chuck in|toss in|add|include|do)\s+(?<obj>(?:the|a|an|your)\s+[^,.;!?]+?)(?:\s+(?:for free|free of charge|for nothing|on the house|as well|too))*\s*$/i.exec(what);
      if (extra?.groups) what = what.slice(0, extra.index);
      const quoteExtra = extra?.groups ? `, and I can quote ${extra.groups.obj!.trim()} separately` : '';
      out.push(asSentence(`${lead.trim() ? `${lead.trim().replace(/[.,]$/, '')} ` : ''}${lead.trim() ? what : cap(what)} stays as quoted${quoteExtra}${emoji ? ` ${emoji}` : ''}`));
      changed = true;
      continue;
    }
    // "Bill's £145 but call it £100 since you're a regular" → "Bill's £145."
    const but = /^(?<keep>.*?[£$€]\s*\d[\d,.]*\d?)\s*,?\s+but\s+(?:(?:honestly|tbh|mate|look|hey|seriously)[\s,]+)*(?:(?:just\s+)?(?:give|pay|send|transfer)\s+(?:me\s+)?(?:[£$€]\s*)?\d+|(?:just\s+)?call it|let'?s (?:call|make) it|(?:i'?ll|i will|i can)\s+(?:do it for|take|charge|make it|knock))\b[^,;.!?]*(?<rest>[,;]\s*(?:and\s+)?[^.!?]*)?[.!?]*\s*$/i.exec(x);
    if (but?.groups && wordCount(but.groups.keep!) >= 2) {
      // What follows the discount's own clause ("…, and ring me if it plays up") is kept.
      // …except its excuses ("I know things are tight, no wukkas").
      const rest = but.groups.rest
        ?.replace(/^[,;]\s*/, '')
        .split(/\s*,\s*/)
        .filter((t) => !(SOFTENER.test(t) || EXCUSE.test(t) || /^(?:i know )?(?:things|money|budgets?|cash) (?:are|is) tight|^no (?:wukkas|worries|dramas|bother|probs?)$/i.test(t)))
        .join(', ')
        .trim();
      out.push(finish(rest ? `${but.groups.keep!}, ${rest}` : but.groups.keep!, x));
      changed = true;
      continue;
    }
    const parts = clauseTexts(x);
    const isDiscount = (t: string) => DISCOUNT.test(t);
    if (!parts.some((p) => isDiscount(p.t))) {
      out.push(x);
      continue;
    }
    changed = true;
    const firstDiscount = parts.findIndex((p) => isDiscount(p.t));
    // What follows the discount is its justification; what precedes it stays unless it apologises.
    const gone = parts.filter((p, i) => i >= firstDiscount ? isDiscount(p.t) || SOFTENER.test(p.t) || EXCUSE.test(p.t) || (i > firstDiscount && wordCount(p.t) <= 10 && !/\b(?:i'?ll|i will|i can|we'?ll|we can|happy to)\b|\d/i.test(p.t)) : SOFTENER.test(p.t)).map((p) => p.r);
    const left = deleteRanges(x, gone).replace(/\s*\b(?:but|and|so)\s*$/i, '');
    if (wordCount(left) >= 3 && /\d|[A-Z][a-z]|\b(?:attached|quote|invoice|fee|price|rate)\b/.test(left)) out.push(finish(left.replace(/,\s*$/, ''), x));
  }
  if (!changed) return null;
  return tidy(out.join(' '));
};

/** Whole-phrase self-blame out of a sentence; the facts around it stay. */
const BLAME = /(?:,?\s*(?:and|but)\s+|,\s*|\s+[-\u2013\u2014]\s+)?\b(?:(?:i'?m sure|i think|i guess|i know|honestly)\s+)?(?:(?:this|that|it)(?:\s+(?:is|was)|\s*'s)|it'?s|(?<=,\s*)is)\s+(?:completely|entirely|totally|all|really|probably)?\s*my (?:fault|bad|mistake|error)\b(?:\s+(?:totally|entirely|completely|really))?(?:\s+(?:for not|because|since|as)\b[^,.;!?]*)?|(?:,?\s*(?:and|but)\s+|,\s*|\s+[-\u2013\u2014]\s+)?\b(?:(?:i'?m|i am)\s+(?:(?:(?:such|so|a complete|a total|an absolute|a bit of)\s+)?(?:an?\s+)?(?:idiot|klutz|muppet|numpty|disaster|fool|airhead|scatterbrain|clumsy|stupid|dense|dumb|plonker|wally|dope|nightmare)|such an idiot|so stupid|hopeless|useless(?: at this(?: stuff)?)?(?: sometimes)?|the worst(?:\s+[a-z]+(?:er|or|ist|ian|ant|ent))?(?:\s+ever)?|a mess|rubbish)|(?:(?:it'?s|that'?s|this is|it is|that is)\s+)?(?:totally|all|entirely|completely)\s+on me|my bad|(?:honestly )?mortified|(?:(?:it'?s|that'?s|this is|it is|that is)\s+)?(?:totally|entirely|completely|all)\s+my (?:fault|mistake)|my (?:fault|mistake)(?:\s+(?:entirely|completely|totally))?(?=\s*(?:[,.;!?]|x+\b|$))|i feel (?:terrible|awful|so bad)(?: about (?:this|it|that))?)\b/gi;

function stripBlame(sentence: string): string {
  let s = sentence;
  // "it's entirely my fault for having a 24-hour cancellation policy" → "I have a 24-hour cancellation policy".
  s = s.replace(/\b(?:you'?re right,?\s*)?(?:(?:this|that|it)\s+(?:is|was|'s)|it'?s)\s+(?:completely|entirely|totally|all)?\s*my fault for having\s+/i, 'I have ');
  // "it is my fault because I have this rule…" → "I have this rule…".
  s = s.replace(/\b(?:(?:this|that|it)\s+(?:is|was)|it'?s)\s+(?:completely|entirely|totally|all)?\s*my fault\s+(?:because|since|as)\s+/i, '');
  // "…by the 10th and it's entirely my fault it's late" → "…by the 10th and it's late": the blame goes, the fact stays.
  s = s.replace(/\b(?:(?:this|that|it)\s+(?:is|was|'s)|it'?s)\s+(?:completely|entirely|totally|all|really)?\s*my fault\s+(?:that\s+)?(?=(?:it|it'?s|the|he|she|they|you|we|this|your|his|her|our)\b)/i, '');
  BLAME.lastIndex = 0;
  return s.replace(BLAME, '');
}

/**
 * What travels with self-blame and goes with it: offers to be replaced or refunded ("I'd understand if
 * you'd rather get someone else in"), "you probably hate me", "I really am", amends ("to excuse me …",
 * "feel free to skip paying"), and a filler the blame leaves alone ("honestly").
 */
const SELF_DEPRECATE = /^\s*(?:(?:(?:and\s+|but\s+|so\s+)?(?:(?:i'?d|i would|i)\s+)?(?:(?:totally|completely|fully|honestly)\s+)?(?:understand|get it)\s+if\s+you(?:'?d\s+|\s+would\s+|\s+)(?:want|wanted|rather|prefer|like|decide|need)\b[^,.;!?]*)|(?:(?:and\s+)?you (?:probably|must|prob|def(?:initely)?) (?:hate|think i'?m)\b[^,.;!?]*)|(?:(?:and\s+)?i\s+(?:really|truly|honestly)\s+am)|(?:(?:and\s+)?(?:to (?:excuse me|make up for (?:it|this|that))|as (?:an )?(?:apology|sorry))\b[^,.;!?]*)|(?:(?:and\s+)?feel free to (?:skip|not) pay\w*\b[^,.;!?]*)|(?:(?:honestly|tbh|seriously|lol|really)$))\s*$/i;
const selfDeprecating = (t: string) => SELF_DEPRECATE.test(t.replace(/[\s,.;!?\u2014\u2013-]*(?:(?:\p{Extended_Pictographic}\uFE0F?|x+)\s*)*$/u, ''));

const dropBlame: Op = (sentence) => {
  let s = stripBlame(sentence);
  if (s === sentence) return null;
  // "I'm so sorry, you probably hate me for rescheduling again" → "I'm so sorry for rescheduling again".
  const slip = /\byou (?:probably|must|prob|def(?:initely)?) hate me for ([^,.;!?\p{Extended_Pictographic}]*[^,.;!?\s\p{Extended_Pictographic}])/iu.exec(s)?.[1];
  const lighter = dropClauses(s, selfDeprecating);
  if (lighter && wordCount(lighter) >= 3) {
    s = lighter;
    if (slip && /\bsorry\b(?!\s+(?:for|about|that|to)\b)/i.test(s)) s = s.replace(/\bsorry\b(?!\s+(?:for|about|that|to)\b)/i, `sorry for ${slip}`);
  }
  // "sorry it took so long, sorry about the mess as well": one apology naming both slips.
  // A filler the removed blame leaves at the end ("…, im an idiot honestly 🙈") goes with it.
  s = s.replace(/\s+(?:honestly|tbh|lol|seriously|really)(?=\s*(?:[.!?]|\p{Extended_Pictographic}|$))/iu, '');
  s = s.replace(/(\bsorry\s+(?:for|about|that|its|it'?s)?[^,.;!?]*?),\s*(?:and\s+)?(?:i'?m\s+)?(?:also\s+)?sorry\s+(about|for)\s+([^,.;!?\p{Extended_Pictographic}]+?)(?:\s+as well|\s+too)?(?=\s*[,.;!?\p{Extended_Pictographic}]|\s*$)/iu, '$1, and $2 $3');
  // One apology at most: the one that names the slip, when there is one.
  const apologies = s.match(/\b(?:sorry|apologies|apologi[sz]e)\b/gi)?.length ?? 0;
  if (apologies >= 2) {
    const one = OPERATIONS['one-apology'](s, { pack: 'assertiveness', intent: 'stacked-apology', span: s, trigger: s, raw: [] }, null as never);
    if (one) s = one;
    // The writer owned a slip: one plain apology stays with it ("I'm sorry, he got out this morning").
    if (one && !/\b(?:sorry|apologi[sz]e|apologies)\b/i.test(s) && wordCount(s) >= 3) {
      const g = /^(?:(?:hi|hey|hello|hiya|dear)\b[^,.!?\n]{0,30},\s*)?/i.exec(s)![0];
      const rest = s.slice(g.length);
      s = `${g}${g ? 'sorry' : 'Sorry'}, ${/^I\b/.test(rest) ? rest : rest[0]!.toLowerCase() + rest.slice(1)}`;
    }
  }
  // A discount offered for the slip is amends: the apology answers it ("I broke the vase, I'll knock £20 off").
  if (/\b(?:sorry|apologi[sz]e|apologies)\b/i.test(s)) {
    const kept = dropClauses(s, (t) => DISCOUNT.test(t) && /\b(?:i'?ll|i will|i'?ve|i have|we'?ll)\b/i.test(t));
    if (kept && wordCount(kept) >= 3) s = kept;
  }
  let seen = false;
  s = s.replace(/(?:,\s*)?\b(?:(?:i'?m|i am|i (?:really|truly|honestly|do) am)\s+)?(?:(?:so|really|very|truly)[\s,]+)*(?:sorry|apologies|i apologi[sz]e(?: again)?)\b(?:\s+again)?\s*,?/gi, (w) => {
    if (seen) return '';
    seen = true;
    return w;
  });
  // The slip owned once, without the intensifier that makes it self-blame ("I completely messed up").
  s = s.replace(/\b(i|we)\s+(?:completely|totally|really|massively|seriously|well and truly)\s+(messed up|dropped the ball|screwed up|mucked up|botched|forgot)\b/i, '$1 $2');
  // The apology left says it once, plainly ("I'm so, so sorry" → "I'm sorry about this").
  s = s.replace(/\b(i'?m|i am)\s+(?:(?:so|really|very|truly|terribly|awfully)[,\s]+)+(?=sorry\b)/gi, '$1 ');
  let out = finish(s, sentence);
  out = out.replace(/^((?:(?:hi|hey|hello|hiya|dear)\b[^,.!?]{0,30},\s*)?(?:i'?m|i am) sorry)([.!])$/i, '$1 about this$2');
  if (wordCount(out) < 3 || /^(?:sorry|i'?m (?:so )?sorry|you'?re right)[.!]?$/i.test(out)) return '';
  return out;
};

/** A refusal asked as permission, stated plainly, with the "if that's alright" and discounts around it gone. */
const PERMISSION_TAIL = /^\s*(?:and\s+|but\s+|so\s+)?(?:if (?:that'?s|it'?s|this is) (?:not )?(?:too much trouble|ok(?:ay)?|alright|all right|fine|a problem)(?: with you)?|i hope (?:you don'?t mind|that'?s (?:ok|okay|alright|fine))|i can (?:totally |always )?move things(?: around)? if you need me to|(?:i )?(?:totally |completely )?understand if (?:that'?s|it'?s) not (?:ok(?:ay)?|alright|all right|possible)|(?:just )?let me know if you'?d allow it|only if you'?re (?:ok|okay|fine) with (?:that|it)|if you insist,? i can (?:still )?[^.!?]*|(?:though|but|although)\s+(?:of course\s+)?i(?:'?ll| will| can| could)\s+(?:still|always)\s+[^.!?]*|sorry again|sorry (?:to be (?:a pain|difficult|awkward|a nuisance)|for the (?:hassle|trouble|inconvenience))|(?:i'?m )?so sorry)\b[^,.;!?]*[,.;!?]*\s*$/i;

function cleanRefusal(text: string): string {
  const sents = text.split(/(?<=[.!?])\s+/);
  const out: string[] = [];
  for (const x of sents) {
    if (out.length && REFUSAL_FOLLOW_UP.test(x)) continue;
    const r = dropClauses(x, (t) => PERMISSION_TAIL.test(t) || (DISCOUNT.test(t) && /\b(?:instead|could|can|happy to)\b/i.test(t)));
    if (r === null) out.push(x);
    else if (r && wordCount(r) >= 2) out.push(r);
  }
  return tidy(out.join(' '));
}

const ALLOW_ME = /\b(?:(?:kindly|please)\s+)?(?:allow|let|permit)\s+me\s+(?:to\s+)?not\s+(?<act>[^?.!]+)/i;

const plainNo: Op = (sentence, hit, ctx) => {
  let s: string | null = null;
  const a = ALLOW_ME.exec(sentence);
  if (a?.groups?.act && wordCount(a.groups.act) >= 2) s = asSentence(`${sentence.slice(0, a.index)}I won't be able to ${a.groups.act.trim().replace(/\s+(?:at this time|this time|for now|please)$/i, '')}`);
  else s = OPERATIONS.permission(sentence, hit, ctx);
  if (s === null) return null;
  // Apologies and a refusal the writer broke off ("I'm sorry, but I'm afraid I won't be able to — …") go
  // before the plain one.
  const lead = dropClauses(s, (t) => (SOFTENER.test(t) && !/\b(?:won'?t|can'?t|cannot) be able\b[^,;]*\w{4,}\s*[.!?]?\s*$/i.test(t.replace(/\bto\s*[-\u2013\u2014]?\s*$/, ''))) || /^\s*(?:but\s+)?(?:i'?m afraid\s+)?i (?:won'?t|can'?t) be able to\s*[-\u2013\u2014,]?\s*$/i.test(t));
  if (lead && /\bI won'?t be able to\b/.test(lead)) s = lead;
  return cleanRefusal(s);
};

/** Stacked apologies to one, and the fragments an apology leaves ("Po, talaga, Sorry…") repaired. */
const oneApologyPlain: Op = (sentence, hit, ctx) => {
  // Decimal commas ("0,11 EUR") are not clause breaks.
  const guard = (t: string) => t.replace(/(\d),(\d)/g, '$1\u2063$2');
  const unguard = (t: string) => t.replace(/\u2063/g, ',');
  let pre = guard(sentence);
  const pHit = { ...hit, span: guard(hit.span), trigger: guard(hit.trigger) };
  const blamed = stripBlame(pre);
  if (blamed !== pre) pre = blamed;
  // Each sentence on its own (a clause never swallows the next sentence), one apology kept in all.
  const sents = pre.split(/(?<=[.!?])\s+/);
  let r: string | null = null;
  if (sents.length > 1) {
    const done = sents.map((x) => (/\b(?:sorry|apologi[sz]e|apologies)\b/i.test(x) ? OPERATIONS['one-apology'](x, { ...pHit, span: x, trigger: x }, ctx) ?? x : x));
    let seen = false;
    r = done
      .filter((x) => {
        if (!/\b(?:sorry|apologi[sz]e|apologies)\b/i.test(x)) return true;
        if (!seen) return (seen = true);
        return wordCount(x.replace(/\b(?:again|sorry|for|the|so|i'?m|really|about)\b/gi, '')) > 3;
      })
      .join(' ');
  } else r = OPERATIONS['one-apology'](pre, pHit, ctx);
  if (r === null) return blamed !== guard(sentence) ? unguard(finish(blamed, sentence)) : null;
  let out = r.replace(/^(?:really|truly|so|very)\s+(?=I\b)/i, '').replace(/^(?:but|and|so)\s+/i, '').replace(/^([a-z])/, (c) => c.toUpperCase());
  // A one-word leftover before the apology ("Po, talaga, Sorry the report is late").
  out = out.replace(/^(?:[A-Za-z]{1,8},\s+)+(?=Sorry\b)/, (w) => (/^(?:yes|no|ok|okay|so|well|hi|hey)\b/i.test(w) ? w : ''));
  out = out.replace(/,\s+Sorry\b/g, ', sorry');
  // The hedges left around the offer: "I could possibly send them tonight if that's okay" → "I can send them tonight".
  out = out
    .replace(/\b(I|we)\s+could\s+(?:possibly|maybe|perhaps)\s+/g, '$1 can ')
    .replace(/\s*,?\s+if (?:that'?s|that is|it'?s|it is|this is) (?:ok(?:ay)?|alright|all right|fine)(?: with you)?(?=\s*[.!?]|$)/gi, '');
  if (/\b(?:can'?t|cannot|won'?t|unable|not able|no longer|not (?:be )?(?:doing|taking|coming|attending)|didn'?t|don'?t|wouldn'?t|would it be|is it (?:ok|okay|alright)|mind if)\b/i.test(out)) out = cleanRefusal(out);
  return unguard(out);
};

// --- Tone: a hostile message keeps its facts and its request, said calmly. ---

/** Clauses that only attack, mock or dismiss. */
const HOSTILE_CLAUSE = /^\s*(?:and\s+|but\s+|so\s+)?(?:(?:oh\s+)?(?:great|wow|wonderful|brilliant|lovely|sure|perfect|fantastic)[!.]*|what a (?:shock|surprise)|(?:honestly|seriously|frankly),?\s*(?:only a [^,.;!?]+|a toddler could [^,.;!?]+|you'?re [^,.;!?]+)|(?:it'?s|that'?s|this is) (?:not (?:hard|difficult|rocket science|a big deal|that big a deal)|really not (?:that )?(?:hard|a big deal|that big a deal)|ridiculous|absurd|a joke|pathetic|embarrassing)|(?:it'?s|that'?s|this is) frankly [^,.;!?]+|it really isn'?t a big deal|get over it|grow up|deal with it|don'?t be (?:so )?(?:silly|daft|ridiculous|dramatic|soft)|(?:i'?m )?sorry you feel that way|chill out|calm down|relax|take it or leave it|final warning|no more excuses|(?:for the (?:last|third|fifth|hundredth) time)|as i'?ve (?:already )?said|it'?ll (?:ship|happen|be done|arrive) when it (?:ships|happens|is done|arrives)|nobody but you would[^,.;!?]*|most (?:people|parents|clients|adults|owners) would(?:n'?t)? [^,.;!?]+|you'?re (?:being )?(?:(?:a bit|so|completely|totally|honestly|really)\s+)?(?:overreacting|dramatic|unreasonable|ridiculous|impossible|a nightmare|a waste of (?:my )?time|clueless|hopeless|useless)[^,.;!?]*|(?:you should be|aren'?t you) (?:ashamed|embarrassed)[^,.;!?]*|maybe if you (?:actually|bothered to|just)? ?[^,.;!?]+|(?:nice|good|kind|amazing|funny) (?:of you|how you|how the)[^,.;!?]*|thanks for (?:finally|nothing)[^,.;!?]*|(?:i think )?you'?re overreacting[^,.;!?]*|(?:your|the) [^,.;!?]{1,30} (?:is|are) a (?:shambles|mess|joke|disaster)|(?:only a|even a) (?:clueless|toddler|child)[^,.;!?]*|honestly a toddler could[^,.;!?]*|another [\w']+|it'?s (?:only|just) (?:a|an) [\w-]+|[^,.;!?]*(?:ha(?:s|ve) moved on without you|left you behind)[^,.;!?]*|[^,.;!?]* isn'?t (?:something|anything) to get (?:this|so|that) (?:upset|worked up) (?:about|over)|to be honest|honestly|frankly|seriously|come on|unbelievable|really\?|(?:this is )?(?:the |your )?(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) (?:message|email|text|call)s? (?:today|this week|this morning)[^,.;!?]*)\s*[.!?,;:\u2014\u2013-]*\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)*$/iu;
/** Words that open a sentence with a sneer ("Wow, ", "Oh great, ", "For the third time: "). */
const SNEER_LEAD = /^\s*(?:(?:oh\s+)?(?:wow|great|sure|brilliant|wonderful)[,!]+\s*|honestly,?\s+(?=(?:only|a toddler|you)\b)|for the (?:last|third|fifth|hundredth|\w+) time[:,]\s*|as i'?ve (?:already )?said,\s*|again,\s+(?=you)|(?:oh\s+)?sure,\s*)/i;

const SARCASM_MARK = /\b(?:what a (?:shock|surprise)|funny how|amazing how|nice of you to|thanks (?:so much )?for (?:finally|nothing))\b|^\s*(?:oh (?:sure|great|wonderful)|wow)\b/i;
/** Put-downs inside a clause that otherwise states a fact ("…is minor and nobody but you would notice it"). */
const HOSTILE_TAIL = /\s*(?:,\s*)?\b(?:and|but|so)\s+(?:nobody but you|no one but you|most (?:people|parents|clients|adults)|anyone else|any normal person)\b[^,.;!?]*/gi;
const VERBISH = /\b(?:is|are|was|were|will|'s|'re|'ll|have|has|had|do|does|did|can|could|would|should|i|you|we|they|he|she|it|please|let's|see|thanks|thank)\b/i;

/** A dismissal that adds nothing once it goes ("I'm not telling you again", "don't be silly"). */
const DISMISSIVE_CLAUSE = /^\s*(?:and\s+|but\s+|so\s+)?(?:(?:honestly|seriously|really|come on),?\s*)?(?:i shouldn'?t (?:have|need) to (?:keep )?(?:remind|tell|ask|chase|explain)(?: you)?[^,.;!?]*|(?:that'?s|thats|it'?s) (?:honestly |really |frankly )?not my problem|i don'?t have time for (?:this|your) (?:nonsense|drama|whining|complaining|moaning|excuses|rubbish|games)|i'?m not telling you (?:again|twice)|i won'?t (?:tell|remind|ask) you again|don'?t be (?:so |such a )?(?:silly|daft|stupid|ridiculous|dramatic|a baby|baby)|stop (?:fussing|panicking|being (?:so )?(?:silly|dramatic))|it'?s all in your head)\s*[,.;!?\u2014\u2013-]*\s*$/i;
/** "I'm sure you're overreacting about the crack" → "I understand your concern about the crack". */
const OVERREACTING = /\b(?:i'?m sure |honestly,? |i think |frankly,? )?(?:you'?re|you are) (?:just |being |a bit |totally )?overreacting (?:about|over) (?<what>[^,.;!?]+)/i;

function calmSentence(x: string): string {
  // A sarcastic sentence with no fact in it goes whole.
  if (SARCASM_MARK.test(x) && !/\d/.test(x)) return '';
  const over = OVERREACTING.exec(x);
  if (over?.groups?.what) {
    const lead = x.slice(0, over.index);
    x = `${lead}I understand your concern about ${over.groups.what.trim()}${x.slice(over.index + over[0].length)}`;
  }
  // A rhetorical charge sheet ("You've changed it four times and now you want…?") goes whole.
  if (/^\s*(?:[A-Z][a-z]+,\s*)?you'?ve\b[^.!?]*\b(?:times|again)\b[^.!?]*\band now you\b[^.!?]*\?\s*$/i.test(x)) return '';
  let s = x.replace(SNEER_LEAD, '').replace(HOSTILE_TAIL, '');
  // Shouting is said at a normal volume ("STOP", "NOW", "NEVER"); names and acronyms keep their capitals.
  s = s.replace(/\b(?:STOP|NOW|NEVER|NOT|DON'?T|AGAIN|ASAP|IMMEDIATELY|ALWAYS|EVER|PLEASE|SERIOUSLY|DO NOT)\b/g, (w) => w.toLowerCase());
  // "Quick thing: stop sending me voice memos at 11pm." → "Quick thing: could you please stop sending me voice memos at 11pm?"
  s = s.replace(/(^|[:;]\s+|[.!?]\s+)(?:please\s+)?stop\s+(\w+ing\b[^.!?]*)[.!]*\s*$/i, (_w, pre: string, rest: string) => `${pre}${pre.trim() ? 'could' : 'Could'} you please stop ${rest.trim()}?`);
  // Scare quotes: "your 'concerns'" → "your concerns".
  s = s.replace(/(^|[\s(])['\u2018]([A-Za-z][\w\s-]{1,24}?)['\u2019](?=[\s,.;!?)]|$)/g, '$1$2');
  const r = dropClauses(s, (t) => (HOSTILE_CLAUSE.test(t) || DISMISSIVE_CLAUSE.test(t)) && !/\d/.test(t));
  if (r !== null) s = r;
  if (!s) return '';
  // "…ring the ward or call 999" is an urgent route, not a threat.
  if (urgentRoutes(s).length === 0) s = threatToConsequence(s) ?? s;
  if (s === x) return x;
  // What is left of a sneer with no verb of its own ("Another quick change at 5pm on a Friday.") goes.
  // A fragment left without a verb ("40 minutes late.", "Another quick change at 5pm.") goes.
  if (!VERBISH.test(s) && /^\s*(?:another|a|an|the|such|so|\d+|one|two|three|four|five|six)\b/i.test(s)) return '';
  if (wordCount(s) <= 2 && !/\d/.test(s)) return '';
  return cap(finish(s, x));
}

/**
 * The message around a hostile finding, said calmly: sneers, insults and dismissals out of every
 * sentence, threats stated as consequences, scare quotes dropped; facts, dates and requests stay.
 */
export function calmMessage(sents: string[]): string[] {
  return sents.map(calmSentence).filter((s) => s.trim());
}

const THREAT = /^(?<pre>(?:.*[;:,]\s+)?)(?<demand>[^;:,]+?)\s*,?\s+or\s+(?:else\s+)?(?<cons>[^.!?]+?)(?:\s*,\s*(?:take it or leave it|final warning))?\s*(?<end>[.!?]*)\s*(?<rest>(?:\p{Extended_Pictographic}\uFE0F?\s*)*)$/iu;

/** "Choose them by Friday or the gallery is final" → "Please choose them by Friday; otherwise, the gallery is final." */
function threatToConsequence(sentence: string): string | null {
  const m = THREAT.exec(sentence.trim());
  if (!m?.groups) return null;
  const { pre, cons } = m.groups;
  // "what a shock 🙄 either u confirm the 9th": the demand starts at "either"; the remark before it goes.
  const raw = m.groups.demand!.trim();
  const either = /\beither\s+/i.exec(raw);
  let demand = (either && either.index > 0 ? raw.slice(either.index) : raw).replace(/^(?:just\s+|either\s+(?:you|u)\s+|either\s+)/i, '');
  // "…by Friday or not at all", "either or": not a threat.
  if (/^(?:not|never|two|more|less|so|whatever|whenever|later|earlier)\b/i.test(cons!) || wordCount(demand) < 2) return null;
  // "If she starts vomiting or the wound opens, ring…": two conditions, not a demand and its threat.
  if (/^(?:if|when|whenever|unless|whether|should|once|in case)\b/i.test(demand)) return null;
  if (!/^(?:please|could|can|would|if)\b/i.test(demand)) {
    if (/^(?:i|we|it|this|the|you|your|my|our|there)\b/i.test(demand)) return null;
    demand = `${pre ? 'please' : 'Please'} ${low(demand)}`;
  }
  let c = cons!.trim();
  if (/^(?:don'?t|do not|forget|never|else)\b/i.test(c) || wordCount(c) < 2) return asSentence(`${pre}${demand}`);
  const who = /^(?:i'?m|i am|i will|i'?ll|i|we'?re|we will|we'?ll|we)\s+(?:be\s+|going to\s+|gonna\s+)?/i.exec(c);
  if (who) {
    const rest = c.slice(who[0].length);
    // "or I'm not coming back" → "otherwise, I won't be coming back".
    const not = /^not\s+(?:(?:going to|gonna)\s+)?/i.exec(rest);
    if (not) c = /^not\s+\w+ing\b/i.test(rest) && !/^not\s+(?:going to|gonna)\b/i.test(rest) ? `I won't be ${rest.slice(not[0].length)}` : `I won't ${rest.slice(not[0].length)}`;
    else c = /^(?:finished|done|through|over)\b/i.test(rest) ? "I'll have to end our work together" : `I'll have to ${toInfinitivePhrase(rest).replace(/^walk away from\b/i, 'cancel').replace(/^(?:pass|hand) you (?:straight |over )?to\b/i, 'refer this to')}`;
  }
  const join = pre ? '. Otherwise, ' : '; otherwise, ';
  return asSentence(`${pre}${demand}${join}${c}`) + (m.groups.rest?.trim() ? ` ${m.groups.rest.trim()}` : '');
}

/** A hostile sentence said calmly: its hostile clauses out, its threat a consequence, its facts kept. */
const calmTone: Op = (sentence, hit) => {
  const out = calmSentence(sentence);
  if (out === sentence) return null;
  if (!out) return hit.intent === 'invalidating' ? null : '';
  // The finding's words must be gone, and something must be left to say.
  const trig = hit.trigger.toLowerCase().trim();
  if (trig.length > 3 && out.toLowerCase().includes(trig)) {
    // The clause that still carries the finding's words goes, when the sentence keeps a fact without it.
    const rest = dropClauses(out, (t) => t.toLowerCase().includes(trig));
    return rest && wordCount(rest) >= 4 && !rest.toLowerCase().includes(trig) && !/\b(?:not (?:a )?real(?:ly)?|not a big deal|everyone|everybody|nothing to|just|only)\b/i.test(rest) ? rest : null;
  }
  return wordCount(out) >= 3 ? out : '';
};

/** An ultimatum stated as the request and its consequence. */
const firmConsequence: Op = (sentence) => {
  const s = sentence.replace(/(?:,\s*|\s+[-\u2013\u2014]\s+)(?:take it or leave it|final warning)\b/gi, '');
  const out = threatToConsequence(s);
  if (out) return out;
  if (/^\s*(?:[A-Z][a-z]+,\s*)?(?:consider this (?:your|a) final warning|final warning|take it or leave it|or else)\b[^.!?]*[.!?]*\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)*$/iu.test(sentence)) return null;
  return s !== sentence ? finish(s, sentence) : null;
};

/** A dismissive order with no request in it ("No more excuses.", "Get over it.") goes. */
const dropSneer: Op = (sentence) => {
  const core = sentence.replace(vocative(sentence), '');
  return HOSTILE_CLAUSE.test(core) && wordCount(core) <= 5 ? '' : null;
};

const UNLIMITED_CLAUSE = /^\s*(?:and\s+|so\s+|plus\s+)?(?:(?:you(?:'ll)? (?:can )?(?:have|get)|there(?:'s| is| are)|with|we(?:'ll)? (?:do|offer))\s+)?(?:unlimited|endless|infinite|as many) (?:revisions|changes|rounds|edits|tweaks|redraws|amends)(?: as you (?:like|want|need))?(?: (?:are|is) (?:included|fine|no problem|fine by me))?\s*[,.;!?\u2014\u2013-]*\s*$/i;
const MORE_PLEASE = /^\s*(?:and\s+|so\s+)?(?:don'?t hold back|no limit|no cap|just keep (?:them|it) coming|send as many as you (?:like|want))\s*[,.;!?\u2014\u2013-]*\s*$/i;

/** Unlimited revisions inside a longer sentence: that clause states the rounds included; the rest stays. */
const revisionCap: Op = (sentence) => {
  const parts = clauseTexts(sentence);
  const idx = parts.findIndex((p) => UNLIMITED_CLAUSE.test(p.t));
  if (idx < 0) return null;
  const others = parts.filter((p, i) => i !== idx && !MORE_PLEASE.test(p.t) && !NO_CONTRACT_CLAUSE.test(p.t));
  if (others.every((p) => wordCount(p.t) < 3)) return null;
  const target = parts[idx]!;
  const sep = /[\s,;.!?\u2014\u2013-]*$/.exec(target.t)![0];
  const s = sentence.slice(0, target.r.start) + `${idx === 0 ? 'Two' : 'two'} rounds of revisions are included (I'll quote any further changes)` + sep + sentence.slice(target.r.end);
  const out = dropClauses(s, (t) => MORE_PLEASE.test(t) || NO_CONTRACT_CLAUSE.test(t)) ?? s;
  return finish(cap(tidy(out, false)), sentence);
};

/** Thousands and decimal commas ("$2,400", "0,11 EUR") are not clause breaks: guarded while an op runs. */
function guarded(op: Op): Op {
  const g = (t: string) => t.replace(/(\d),(\d)/g, '$1\u2063$2');
  return (sentence, hit, ctx) => {
    const out = op(g(sentence), { ...hit, span: g(hit.span), trigger: g(hit.trigger) }, ctx);
    return out === null ? null : out.replace(/\u2063/g, ',');
  };
}

const RAW_OPERATIONS = {
  'billable-extra': billableExtra,
  'update-agreement': updateAgreement,
  'paid-trial': paidTrial,
  'invoice-as-usual': invoiceAsUsual,
  'hold-limit': holdLimit,
  'drop-cave': dropCave,
  'keep-price': keepPrice,
  'drop-blame': dropBlame,
  'plain-no': plainNo,
  'one-apology-plain': oneApologyPlain,
  'calm-tone': calmTone,
  'firm-consequence': firmConsequence,
  'drop-sneer': dropSneer,
  'revision-cap': revisionCap,
} satisfies Record<string, Op>;

export const SCOPE_TONE_OPERATIONS = Object.fromEntries(Object.entries(RAW_OPERATIONS).map(([k, op]) => [k, guarded(op)])) as Record<keyof typeof RAW_OPERATIONS, Op>;

/** A sentence after a refusal that only asks the client's leave again ("I hope you don't mind, …"). */
export const REFUSAL_FOLLOW_UP = /^\s*(?:(?:i hope (?:you don'?t mind|that'?s (?:ok|okay|alright|fine))|(?:i )?(?:totally |completely )?understand if (?:that'?s|it'?s) not|only if you'?re (?:ok|okay|fine) with|only if (?:that'?s|it'?s|this is) (?:ok|okay|alright|all right|fine)|(?:totally |completely )?understand if not|no worries if not|(?:totally |completely )?fine if not|if you insist|please (?:say|tell me|let me know) if (?:it'?s|that'?s) not)\b)[^.!?]*[.!?]*\s*$/i;
