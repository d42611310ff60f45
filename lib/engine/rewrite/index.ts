// Rewrites a professional would send as they stand. Findings are grouped per sentence (overlapping
// ones join the group), and each group gets up to three rewrites of its sentences that fix all of
// its findings at once, built by the intents' plans (rules/rewrites/*.json) and passed by the gate.
// Pure: no DOM. The engine (lib/engine/index.ts) calls groupFindings() on every analysis.
import type { Finding, Policy } from '../types';
import { rewriteFor, wordingFor } from './data';
import { countRejection, gate, urgentRoutes } from './gate';
import { locate, OPERATIONS, type Hit, type OpContext } from './ops';
import { tidy, wordCount } from './text-ops';
import { calmMessage, REFUSAL_FOLLOW_UP } from './ops-scope-tone';
import { firstWordTags } from '../nlp';

export { gateRejections, resetGateRejections, brokenJoins, duplicatesIn, GATE_REASONS } from './gate';
export { statedHours } from './times';
export { INTENT_REWRITES, REWRITE_FILES } from './data';

type Trace = (groupText: string, candidate: string, verdict: string) => void;
let trace: Trace | null = null;
/** Development aid: sees every candidate and the gate's verdict (the eval's --trace). */
export function setRewriteTrace(fn: Trace | null): void {
  trace = fn;
}

/** Rewrites offered per card. */
export const MAX_REWRITES = 3;

const FOLLOW_UP = /^\s*(?:is that (?:crazy|weird|wrong|ok|okay|too much|strange)|hope (?:that'?s|this is) (?:ok|okay|not weird)|sorry if (?:that'?s|this is) (?:weird|too much|awkward)|(?:lol|haha|just saying|just being honest)\b)[^.!?]{0,20}[.!?]*\s*$/i;

const THREAT_SENTENCE = /\bor\s+(?:else\s+)?(?:i'?m|i am|i will|i'?ll|we'?re|we will|we'?ll)\b/i;

/** A sentence asking to keep something secret: it goes with what was said off the record. */
const SECRECY = /\b(?:(?:please\s+)?don'?t (?:mention|tell|repeat|say|share)(?: (?:anyone|this|that|it|I said (?:that|this|it)))*|keep (?:this|that|it) (?:between us|to yourself|quiet)|between (?:us|you and me)|off the record)\b/i;

/** A short sentence after an offer of time that only grants it again ("I don't mind being woken at all."). */
const AVAILABILITY_FOLLOW_UP = /^\s*(?:(?:and\s+)?(?:honestly|seriously|really)[,\s]+)?(?:i (?:really |honestly )?don'?t mind(?: (?:being (?:woken|disturbed|called|texted|rung)(?: up)?|when|what time|how late|the time))?(?: at all)?|i'?m (?:a night owl|up late|always up|up anyway)(?: anyway)?|it'?s no (?:bother|trouble)(?: at all)?|no bother(?: at all)?|i mean it|any time(?: at all)?|day or night)\s*[.!]*\s*$/i;
/** What an invitation asked the guest to do ("Bring your wife.", "Dress code is casual."). */
const INVITE_FOLLOW_UP = /^\s*(?:bring (?:your|a)\b[^.!?]{0,30}|dress code[^.!?]{0,30}|(?:plus[- ]ones?|partners?|kids) (?:are )?welcome[^.!?]{0,20}|byob|it'?ll be (?:fun|great|a laugh)[^.!?]{0,20}|(?:would|it'?d) be (?:lovely|great|fun) to see you(?: there)?)\s*[.!]*\s*$/i;
/** A promise to keep a secret, whatever else it names ("I won't tell Ma'am Grace about the second calendar."). */
const SECRECY_PROMISE = /^\s*(?:and\s+)?(?:i|we)\s+(?:won'?t|will not|promise not to|wouldn'?t|will never)\s+(?:tell|mention (?:it |this |that )?to|say (?:anything|a word) to|breathe a word to|let on to)\b[^.!?]*[.!?]*\s*$/i;

const SEVERITY_RANK = { suggestion: 0, warning: 1, alert: 2 } as const;

/** Sentences of a group's text (the group is one or more whole sentences). */
function splitSentences(text: string): string[] {
  return text.split(/(?<!\b(?:Mr|Mrs|Ms|Dr|Prof|Mx|St)\.)(?<=[.!?]|[.!?]["')\]]|\p{Extended_Pictographic}|\p{Extended_Pictographic}\uFE0F)\s+(?=["'(]*[A-Z0-9])/u).filter((s) => s.trim());
}

function hitOf(text: string, f: Finding, offset: number): Hit {
  const span = text.slice(f.start - offset, f.end - offset);
  const trigger = f.focus ? text.slice(f.focus.start - offset, f.focus.end - offset) : span;
  return { pack: f.pack, intent: f.intent, trigger, span, raw: f.suggestions };
}

/**
 * Candidate rewrites of a group's text: the plans of its findings applied one after another (each
 * finding's first operation that applies), then variants where the main finding uses its next ones.
 */
export function rewriteGroup(text: string, hits: Hit[], main: number, policy: Policy, values: Record<string, string>): string[] {
  const wording = wordingFor(policy.profession);
  const out: string[] = [];
  const mainPlan = rewriteFor(`${hits[main]!.pack}/${hits[main]!.intent}`)?.plan ?? [];
  for (let variant = 0; variant < Math.max(1, mainPlan.length); variant++) {
    const result = runPlans(text, hits, main, variant, policy, values, wording);
    if (result !== null && !out.includes(result)) out.push(result);
  }
  return out;
}

const PET_WORD = /^(?:my\s+)?(?:lovely|gorgeous|beautiful|babe|babes|hun|hon|honey|darling|darlin|sweetie|sweetheart|sweet pea|love|lovey|petal|chick|handsome|sexy|bestie|girlie|hen|doll|angel|gorg)$/i;
const PET_IN_GREETING = /^((?:hi|hey|hello|hiya|morning|good morning|evening|afternoon)\b)\s+(?:my\s+)?(?:lovely|gorgeous|beautiful|babe|babes|hun|hon|honey|darling|darlin|sweetie|sweetheart|love|lovey|petal|chick|handsome|sexy|bestie|girlie|hen|doll|angel|gorg)\b(?=\s*[,!])/i;
const GREETING_LEAD = /^(?:hi|hey|hello|hiya|dear|morning|good morning|evening|good evening|afternoon|good afternoon)\b(?:[^,.!?\n]|(?<=\b(?:Mr|Mrs|Ms|Dr|Prof|Mx))\.){0,30}[,!]\s+/i;
/** Words that start a sentence but read on in lower case after "Hi Tom, ". */
const LOWER_AFTER_GREETING = /^(?:The|Your|My|Our|We|You|It|This|That|Please|Thanks|Thank|Great|See|Just|Sorry|So|Here|There|Good|Hope|Let's|Can|Could|Would|Quick|Happy|Lovely|Congrats|Congratulations|Any|Feel|Next|Same|No|Yes|Sure|Happy|All|Well|Ok|Okay|Session|Gallery|Final|Launch|Attached|Looking|Speak|Talk|Call|Let|Really|Also|Your|Today|Tomorrow|Hope|Sending|Quick|Two|One)\b/;

function runPlans(text: string, hits: Hit[], main: number, variant: number, policy: Policy, values: Record<string, string>, wording: OpContext['wording']): string | null {
  // The greeting stays whatever happens to the sentence it opens ("Hi Tom, I'd love to… The deck is attached.").
  let greeting = GREETING_LEAD.exec(text)?.[0] ?? '';
  // A greeting that is itself flagged ("Hi hun,") is the ops' to fix.
  if (greeting && hits.some((h) => { const at = locate(text, h.trigger); return at !== null && at.start < greeting.length; })) {
    // "hey lovely, …": the greeting stays without its pet name; a greeting that is all remark goes to the ops.
    const bare = greeting.replace(PET_IN_GREETING, '$1');
    greeting = bare !== greeting && !hits.some((h) => { const at = locate(text, h.trigger); return at !== null && at.start < greeting.length && !PET_WORD.test(h.trigger.trim()); }) ? bare : '';
  }
  if (greeting) greeting = greeting[0]!.toUpperCase() + greeting.slice(1);
  const body = runBody(text.slice(greeting.length), hits, main, variant, policy, values, wording);
  if (body === null || !greeting) return body;
  if (!body) return greeting.trim().replace(/!$/, '!');
  const rest = greeting.trim().endsWith(',') && readsOnLower(body, text.slice(greeting.length)) ? body[0]!.toLowerCase() + body.slice(1) : body;
  return `${greeting}${rest}`;
}

/**
 * After "Hi Tom, " the sentence reads on in lower case, unless it starts with "I", a name or an
 * acronym: the writer's own first word keeps the case they gave it, a new one is judged by its class.
 */
function readsOnLower(body: string, original: string): boolean {
  const w = /^[A-Za-z][\w']*/.exec(body)?.[0];
  if (!w || !/^[A-Z][a-z']/.test(w) || /^I(?:'|$)/.test(w)) return false;
  const o = /^[A-Za-z][\w']*/.exec(original.trimStart())?.[0];
  if (o && o.toLowerCase() === w.toLowerCase()) return o[0] === o[0]!.toLowerCase() || LOWER_AFTER_GREETING.test(body);
  if (LOWER_AFTER_GREETING.test(body)) return true;
  const tags = firstWordTags(body.slice(0, 60));
  return tags.length > 0 && !tags.some((t) => t === 'Noun' || t === 'ProperNoun' || t === 'Date' || t === 'Acronym' || t === 'Person');
}

function runBody(text: string, hits: Hit[], main: number, variant: number, policy: Policy, values: Record<string, string>, wording: OpContext['wording']): string | null {
  let sents = splitSentences(text);
  for (const [i, hit] of hits.entries()) {
    const entry = rewriteFor(`${hit.pack}/${hit.intent}`);
    if (!entry) return null;
    const plan = i === main ? entry.plan.slice(variant) : entry.plan;
    if (plan.length === 0) return null;
    const ctx: OpContext = { policy, values, wording, entry };
    // The sentence holding the finding's words; its trigger alone may also occur earlier ("he stops
    // drinking … stop panicking").
    let idx = sents.findIndex((s) => locate(s, hit.span));
    if (idx < 0) idx = sents.findIndex((s) => locate(s, hit.trigger));
    let joined = false;
    if (idx < 0) {
      // A finding over several sentences (stacked apologies) works on all of them.
      const all = sents.join(' ');
      if (!locate(all, hit.span)) continue;
      sents = [all];
      idx = 0;
      joined = true;
    }
    let applied = false;
    // Only the stock line is left for this finding, but another finding of the sentence can rebuild it
    // ("I know my policy is…, but ok, I won't charge the £30"): that one rewrites the sentence instead.
    const otherFixes = () =>
      hits.some((h, j) => {
        if (j === i || !(locate(sents[idx]!, h.trigger) || locate(sents[idx]!, h.span))) return false;
        const e = rewriteFor(`${h.pack}/${h.intent}`);
        const octx: OpContext = { policy, values, wording, entry: e! };
        if (!e) return false;
        // Only when that rebuild takes this finding's words with it.
        const op = e.plan.find((o) => o !== 'template' && o !== 'apologies-only' && OPERATIONS[o](sents[idx]!, h, octx) !== null);
        const r = op ? OPERATIONS[op](sents[idx]!, h, octx) : null;
        const own = (t: string) => !!t && t.toLowerCase().includes(h.span.toLowerCase());
        return r !== null && op !== 'drop-words' && !own(hit.trigger) && !locate(r, hit.trigger) && !locate(r, hit.span);
      });
    for (const op of plan) {
      if ((op === 'template' || op === 'apologies-only') && otherFixes()) {
        applied = true;
        break;
      }
      const r = OPERATIONS[op](sents[idx]!, hit, ctx);
      if (r === null) continue;
      sents[idx] = r;
      applied = true;
      break;
    }
    if (!applied) return null;
    if (joined) sents = splitSentences(sents[0]!);
  }
  // The threat next to an ultimatum becomes a consequence too.
  if (hits.some((h) => h.intent === 'ultimatum')) sents = sents.map((s) => (THREAT_SENTENCE.test(s) ? (OPERATIONS.ultimatum(s, hits[0]!, null as never) ?? s) : s));
  if (hits.some((h) => h.pack === 'tone')) sents = calmMessage(sents);
  if (hits.some((h) => h.intent === 'permission-refusal')) sents = sents.filter((s, i) => i === 0 || !REFUSAL_FOLLOW_UP.test(s));
  // A personal remark's "Is that crazy?" goes once the remark has gone.
  if (hits.some((h) => h.pack === 'personal') && sents.length > 1 && FOLLOW_UP.test(sents[sents.length - 1]!) && !hits.some((h) => locate(sents[sents.length - 1]!, h.trigger))) {
    const remark = text.split(/(?<=[.!?])\s+/);
    if (remark.length > 1 && !sents.slice(0, -1).some((x) => remark.slice(0, -1).includes(x))) sents = sents.slice(0, -1);
  }
  // What was said off the record goes with its "please don't repeat this".
  if (hits.some((h) => h.intent === 'off-the-record')) sents = sents.filter((s) => (!SECRECY.test(s) || wordCount(s.replace(SECRECY, '')) > 4) && !SECRECY_PROMISE.test(s));
  // "I'm on holiday from the 5th but keep the notes coming": the time off stands, the notes wait for the return.
  if (hits.some((h) => h.pack === 'availability'))
    sents = sents.map((s) =>
      /\b(?:on holiday|on leave|away|off|on annual leave|on vacation|out of (?:the )?office)\b/i.test(s)
        ? s.replace(/\s*,?\s*\bbut\s+(?:do\s+)?(?:keep\s+(?:the\s+|your\s+)?([\w-]+)\s+coming|(?:still\s+)?send\s+(?:them|it|anything|stuff)(?:\s+over)?\s+anyway)\b/i, (_w, what?: string) => ` and I'll pick up your ${what ?? 'messages'} when I'm back`)
        : s,
    );
  // "I don't mind being woken at all." only repeated the offer that moved into the hours.
  if (hits.some((h) => h.pack === 'availability')) sents = sents.filter((s) => !AVAILABILITY_FOLLOW_UP.test(s) || hits.some((h) => locate(s, h.trigger)));
  // "Bring your wife." went with the invitation it belonged to.
  if (hits.some((h) => h.intent === 'invitation') && sents.length && !hits.some((h) => h.intent === 'invitation' && sents.some((s) => locate(s, h.trigger)))) sents = sents.filter((s) => !INVITE_FOLLOW_UP.test(s));
  // A lead-in left on its own once what it introduced has gone ("Just so you know.").
  sents = sents.filter((s) => !/^\s*(?:just so (?:you know|u know)|just to let you know|fyi|btw|by the way|oh and|also|anyway|between us|honestly|to be honest)\s*[.!,]*\s*$/i.test(s));
  const result = sents.map((s) => s.trim()).filter((s) => s && wordCount(s) > 0).join(' ');
  return result ? tidy(result) : '';
}

/** A warning the gate's re-analysis found, with what a second pass of the plans needs. */
export interface Rechecked {
  start: number;
  end: number;
  pack?: string;
  intent?: string;
  focus?: { start: number; end: number };
  suggestions?: string[];
}

export interface GroupContext {
  /** The draft as written, and its normalised copy. */
  text: string;
  /** Paragraph bounds and sentence bounds per paragraph, in draft offsets. */
  paragraphs: { start: number; end: number; sentences: { start: number; end: number }[] }[];
  policy: Policy;
  values: Record<string, string>;
  /** Warning-or-above span findings of a paragraph text, under the hours the draft states. */
  reanalyse: (paragraph: string) => Rechecked[];
  /** Groups the gate may still check in this analysis, and until when (each costs a few re-analyses). */
  budget: {
    left: number;
    exhausted: boolean;
    /** True once the analysis is out of time: the group being checked stops and waits for the next pass. */
    overdue?: () => boolean;
  };
  cache?: { get(key: string): string[] | undefined; set(key: string, value: string[]): void };
  /** The draft's sentences, counted once per analysis (the duplicate check). */
  keys?: Map<string, number>;
}

/**
 * One finding per sentence group: the most severe member speaks for the card (message, focus),
 * the others ride along in `also`; the span covers the group's sentences and the suggestions are
 * the rewrites that passed the gate. Findings of the user's own rules and missing statements are
 * left as they are.
 */
export function groupFindings(findings: Finding[], g: GroupContext): Finding[] {
  const out: Finding[] = [];
  const spans = findings.filter((f) => f.kind === 'span' && !f.rule.startsWith('custom-') && rewriteFor(`${f.pack}/${f.intent}`));
  const rest = findings.filter((f) => !spans.includes(f));
  for (const para of g.paragraphs) {
    const inPara = spans.filter((f) => f.start >= para.start && f.end <= para.end).sort((a, b) => a.start - b.start);
    // Union of the sentences each finding touches, merged while they overlap.
    const groups: { start: number; end: number; members: Finding[] }[] = [];
    for (const f of inPara) {
      const touched = para.sentences.filter((s) => s.start < Math.max(f.end, f.start + 1) && f.start < s.end);
      // A short follow-up sentence that only repeats the problem ("I don't mind being woken at all.") goes with it.
      const takeNext = (belongs: (sentence: string) => boolean) => {
        if (!touched.length) return;
        const next = para.sentences[para.sentences.indexOf(touched[touched.length - 1]!) + 1];
        if (next && belongs(g.text.slice(next.start, next.end))) touched.push(next);
      };
      // "Pay by the 14th or I'm shutting off the hosting. Final warning." — the threat belongs to the card.
      if (f.intent === 'ultimatum' && touched.length) {
        const prev = para.sentences[para.sentences.indexOf(touched[0]!) - 1];
        if (prev && THREAT_SENTENCE.test(g.text.slice(prev.start, prev.end))) touched.unshift(prev);
      }
      // "…I think I'm falling for you. Is that crazy?" — a short question about the remark goes with it.
      if (f.pack === 'personal') takeNext((t) => FOLLOW_UP.test(t));
      // "…off the record, X. Please don't mention I said that." — the follow-up belongs to the card.
      if (f.intent === 'off-the-record') takeNext((t) => SECRECY.test(t) && wordCount(t.replace(SECRECY, '')) <= 4);
      // A hostile message is rewritten whole (its paragraph); a refusal takes its "hope that's ok" along.
      if (f.pack === 'tone' && touched.length) touched.splice(0, touched.length, ...para.sentences);
      if (f.intent === 'permission-refusal') takeNext((t) => REFUSAL_FOLLOW_UP.test(t));
      // "…ring me day or night. I don't mind being woken at all." — the repeat goes with the offer.
      if (f.pack === 'availability') takeNext((t) => AVAILABILITY_FOLLOW_UP.test(t));
      if (f.intent === 'invitation') takeNext((t) => INVITE_FOLLOW_UP.test(t));
      // "Between us, …. I won't tell Ma'am Grace about it." — the promise goes with the secret.
      if (f.intent === 'off-the-record') takeNext((t) => SECRECY_PROMISE.test(t));
      const start = Math.min(f.start, ...touched.map((s) => s.start));
      const end = Math.max(f.end, ...touched.map((s) => s.end));
      const last = groups[groups.length - 1];
      // Kisses or an emoji right after the sentence before ("…at The Swan! xx") sign it off: one card, so
      // taking the sentence out takes them too.
      const signOff = f.intent === 'endearment' && /^\s*(?:x{1,4}|xo(?:xo)*|(?:\p{Extended_Pictographic}\uFE0F?\s*)+)\s*$/iu.test(g.text.slice(f.start, f.end));
      if (last && (start < last.end || (signOff && !g.text.slice(last.end, f.start).trim()))) {
        last.end = Math.max(last.end, end);
        last.members.push(f);
      } else groups.push({ start, end, members: [f] });
    }
    for (const grp of groups) out.push(buildGroup(grp, para, g));
  }
  return [...out, ...rest].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Longest group text the rewriter works on: a pasted log or a run-on line gets no rewrite. */
export const MAX_GROUP_LENGTH = 800;

function buildGroup(grp: { start: number; end: number; members: Finding[] }, fullPara: { start: number; end: number; sentences: { start: number; end: number }[] }, g: GroupContext): Finding {
  const members = grp.members;
  let main = 0;
  members.forEach((f, i) => {
    if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[members[main]!.severity]) main = i;
  });
  const primary = members[main]!;
  const groupText = g.text.slice(grp.start, grp.end);
  // The gate re-reads the group with a sentence either side (rules look at a sentence, stacks at three).
  const before1 = [...fullPara.sentences].reverse().find((x) => x.end <= grp.start);
  const after1 = fullPara.sentences.find((x) => x.start >= grp.end);
  const para = { start: before1?.start ?? fullPara.start, end: after1?.end ?? fullPara.end };
  const paragraph = g.text.slice(para.start, para.end);
  // The whitespace a removal takes with it: after the group when text follows in the paragraph, else before.
  const relStart = grp.start - para.start;
  const relEnd = grp.end - para.start;
  const after = /^\s+/.exec(paragraph.slice(relEnd))?.[0] ?? '';
  const before = /\s+$/.exec(paragraph.slice(0, relStart))?.[0] ?? '';
  const key = `${g.policy.profession}|${JSON.stringify(g.policy)}|${relStart}|${relEnd}|${members.map((f) => `${f.pack}/${f.rule}@${f.start - para.start}`).join(',')}|${paragraph}`;
  let passed = g.cache?.get(key);
  if (!passed) {
    passed = [];
    if (groupText.length > MAX_GROUP_LENGTH) {
      // Too long to rewrite sentence by sentence; nothing to offer (and nothing to retry).
    } else if (g.budget.left <= 0) g.budget.exhausted = true;
    else {
      g.budget.left--;
      const hits = members.map((f) => hitOf(g.text, f, 0));
      // "Hi Nell," left alone before "Your review is…" on the same line reads on as "Hi Nell! Your review…".
      const sameLine = /^[^\S\n]+\p{Lu}/u.test(paragraph.slice(relEnd));
      // A group that starts after a space (" 💕 Your colour…") keeps it: "coming!! Your colour…".
      const lead = /^\s*/.exec(groupText)![0];
      const candidates = rewriteGroup(groupText, hits, main, g.policy, g.values)
        .map((c) => (sameLine && /^(?:hi|hey|hello|hiya|(?:good )?(?:morning|afternoon|evening))\b[^.!?\n]{0,40},$/i.test(c.trim()) ? c.replace(/,(\s*)$/, "!$1") : c))
        .map((c) => (c && lead && !/^\s/.test(c) ? lead + c : c))
        // "Hi Craig, Everyone's sore…" after the words between went: the greeting ends with "!" ("Hi Craig! Everyone's…").
        .map((c) => {
          const m = /^(\s*(?:[Hh]i|[Hh]ey|[Hh]ello|[Hh]iya)\s+\p{Lu}[\p{L}'-]*),\s+(?=\p{Lu}\p{Ll})/u.exec(c);
          if (m && !groupText.startsWith(c.slice(0, m[0].length + 2))) return `${m[1]}! ${c.slice(m[0].length)}`;
          // "Dear Mrs Okafor, Your next appointment…" once the words between went: the letter reads on in lower case.
          const d = /^(\s*Dear\s+(?:\p{Lu}[\p{L}'.-]*\s*){1,3}),\s+(Your|The|This|That|Thank|Thanks|Just|Please|We|It'?s|As|Following)\b/u.exec(c);
          return d && !groupText.startsWith(c.slice(0, d[0].length)) ? `${d[1]}, ${d[2]!.toLowerCase()}${c.slice(d[0].length)}` : c;
        });
      const timeSensitive = members.some((f) => f.pack === 'availability');
      const tried = new Set<string>();
      let secondPasses = 0;
      for (let ci = 0; ci < candidates.length; ci++) {
        const c = candidates[ci]!;
        if (g.budget.overdue?.()) {
          g.budget.exhausted = true;
          passed = [];
          break;
        }
        if (tried.has(c)) continue;
        tried.add(c);
        const removal = c === '';
        let s = relStart;
        let e = relEnd;
        if (removal && paragraph.slice(relEnd).trim()) e += after.length;
        else if (removal && paragraph.slice(0, relStart).trim()) s -= before.length;
        const reason = gate({ paragraph, start: s, end: e, replacement: c, policy: g.policy, timeSensitive, reanalyse: g.reanalyse });
        trace?.(groupText, c, reason ?? 'ok');
        if (reason) {
          countRejection(reason);
          // The fix uncovered another finding in the same words ("Morning sweetie, I was thinking about you…"
          // → "Morning, I was thinking about you…"): that finding's plan runs on the candidate, once.
          if (reason === 'warning-left' && c && secondPasses < 1 && groupText.length <= 400) {
            secondPasses++;
            // Before a plain removal still to come: keeping the greeting beats losing the sentence.
            const removalAt = candidates.indexOf('', ci + 1);
            for (const r of secondPass(c, paragraph, s, e, g, members)) if (!candidates.includes(r)) candidates.splice(removalAt >= 0 && GREETING_LEAD.test(r) ? removalAt : candidates.length, 0, r);
          }
          continue;
        }
        passed.push(c);
        if (passed.length >= MAX_REWRITES) break;
      }
      // "Talk soon,\nxoxo": once a rewrite takes a line out whole, one that would join the lines is not offered beside it.
      const multiLine = /\S\n+\S/.test(groupText.trim());
      const keepsLines = (p: string) => p === '' || /\S\n+\S/.test(p.trim()) || groupText.includes(p.trim());
      if (multiLine && passed.some((p) => p !== '' && keepsLines(p))) passed = passed.filter(keepsLines);
      if (!g.budget.exhausted) g.cache?.set(key, passed);
    }
    if (groupText.length > MAX_GROUP_LENGTH) g.cache?.set(key, passed);
  }
  // One span for every rewrite: a removal takes the neighbouring whitespace, so all rewrites do.
  const hasRemoval = passed.includes('');
  const paragraphAlone = !g.text.slice(fullPara.start, grp.start).trim() && !g.text.slice(grp.end, fullPara.end).trim();
  let start = grp.start;
  let end = grp.end;
  let prefix = '';
  let suffix = '';
  if (hasRemoval && !paragraphAlone) {
    if (paragraph.slice(relEnd).trim()) {
      end += after.length;
      suffix = after;
    } else {
      start -= before.length;
      prefix = before;
    }
  } else if (hasRemoval && paragraphAlone) {
    // The paragraph goes: with the blank lines before it (or after it, for the first one).
    const ws = /\s+$/.exec(g.text.slice(0, grp.start))?.[0] ?? '';
    const wsAfter = /^\s+/.exec(g.text.slice(grp.end))?.[0] ?? '';
    if (ws && g.text.slice(0, grp.start - ws.length).trim()) {
      start -= ws.length;
      prefix = ws;
    } else if (wsAfter) {
      end += wsAfter.length;
      suffix = wsAfter;
    }
  }
  const draftKeys = (g.keys ??= sentenceCounts(g.text));
  const oldKeys = sentenceCounts(g.text.slice(start, end));
  const restWords = wordCount(g.text.slice(0, start)) + wordCount(g.text.slice(end));
  const suggestions = passed
    .filter((c) => {
      // The draft must keep something to send, and no sentence twice across its paragraphs.
      if (restWords + wordCount(c) < 2) return false;
      for (const [k, n] of sentenceCounts(c)) {
        const elsewhere = (draftKeys.get(k) ?? 0) - (oldKeys.get(k) ?? 0);
        if (n + elsewhere > 1 && n + elsewhere > (draftKeys.get(k) ?? 0)) return false;
      }
      return true;
    })
    .map((c) => (c ? prefix + c + suffix : ''));
  const urgentKept = urgentRoutes(groupText).length === 0 || suggestions.length > 0;
  const focus = primary.focus ?? { start: primary.start, end: primary.end };
  return {
    ...primary,
    start,
    end,
    focus,
    suggestions: urgentKept ? suggestions : [],
    ...(members.length > 1
      ? { also: members.filter((f) => f !== primary).map((f) => ({ pack: f.pack, rule: f.rule, intent: f.intent, severity: f.severity, message: f.message, why: f.why, focus: f.focus ?? { start: f.start, end: f.end }, ...(f.marks ? { marks: f.marks } : {}) })) }
      : {}),
  };
}

/** The plans of the findings a candidate still carries, applied to it (the second pass of the gate). */
function secondPass(candidate: string, paragraph: string, s: number, e: number, g: GroupContext, members: Finding[]): string[] {
  const next = paragraph.slice(0, s) + candidate + paragraph.slice(e);
  const to = s + candidate.length;
  // Only a sibling the first pass did not know of: the group's own intents already had their plans.
  const left = g.reanalyse(next).filter((f) => f.pack && f.intent && f.start < to && s < f.end && rewriteFor(`${f.pack}/${f.intent}`) && !members.some((m) => m.pack === f.pack && m.intent === f.intent));
  if (left.length === 0) return [];
  const clip = (a: number, b: number) => next.slice(Math.max(a, s), Math.min(b, to));
  const hits: Hit[] = left.map((f) => ({ pack: f.pack!, intent: f.intent!, trigger: f.focus ? clip(f.focus.start, f.focus.end) : clip(f.start, f.end), span: clip(f.start, f.end), raw: f.suggestions ?? [] }));
  return rewriteGroup(candidate, hits, 0, g.policy, g.values).filter((r) => r !== candidate);
}

/** Normalised sentences of a text and how often each occurs. */
function sentenceCounts(t: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of t.split(/[.!?]+\s+|\n+/)) {
    const k = x.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (wordCount(k) >= 3) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
