// Times in rewrites: the hours a draft states itself ("I teach 3:30–7pm on weekdays" wins over the
// policy's), and a late or weekend time phrase replaced whole by a concrete time inside those hours.
import { DAY_NAMES, describeDays, formatTime, toMinutes } from '../policy';
import { findTimes, isOutsideHours, isRangeLimit } from '../time';
import type { Policy } from '../types';
import { alternation, type Range } from './text-ops';

const DAY_ABBR: [RegExp, number][] = [
  [/^sun/i, 0], [/^mon/i, 1], [/^tue/i, 2], [/^wed/i, 3], [/^thu/i, 4], [/^fri/i, 5], [/^sat/i, 6],
];
const DAY_WORD = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|s|nesday|sday|urday|rsday)?\\.?';
const CLOCK = '\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?';
const STATED = new RegExp(
  `\\b(?:hours|teach|open|opening|work|working|available|in (?:the )?(?:salon|office|studio|clinic|shop|surgery)|studio|office|clinic|practice|desk|line|runs|(?:sessions|classes|lessons|shifts) run|officially|(?:i'?m|we'?re) around|(?:i|we) (?:normally |usually |generally )?do|on shift|(?:i'?m|we'?re) (?:on|in))\\b[^.!?\\n]{0,40}?` +
    `(?:(?<d1>${DAY_WORD})\\s*(?:-|to|till|until|through|thru)\\s*(?<d2>${DAY_WORD})|(?<wk>weekdays))?[,\\s]*(?:from\\s+)?` +
    `(?<a>${CLOCK})\\s*(?:-|to|till|til|until)\\s*(?<b>${CLOCK})(?:[^.!?\\n]{0,20}?\\b(?:on\\s+)?(?<wk2>weekdays|(?<d3>${DAY_WORD})\\s*(?:-|to|till|until|through)\\s*(?<d4>${DAY_WORD})))?`,
  'i',
);

function dayOf(word: string): number | undefined {
  return DAY_ABBR.find(([re]) => re.test(word))?.[1];
}

function dayRun(a: number, b: number): number[] {
  const out: number[] = [];
  for (let d = a; ; d = (d + 1) % 7) {
    out.push(d);
    if (d === b || out.length > 7) break;
  }
  return out;
}

function clockMinutes(raw: string): { m: number; ap?: 'am' | 'pm' } {
  const x = /(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?/i.exec(raw)!;
  const ap = x[3] ? (x[3].toLowerCase().startsWith('a') ? 'am' : 'pm') : undefined;
  let h = Number(x[1]);
  if (ap === 'pm' && h < 12) h += 12;
  if (ap === 'am' && h === 12) h = 0;
  return { m: h * 60 + (x[2] ? Number(x[2]) : 0), ...(ap ? { ap } : {}) };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The working days and hours the draft states, if it states them. */
export function statedHours(text: string): Partial<Policy> | null {
  // "9–5", "Mon–Fri": a dash between two times or days is a range, whichever dash was typed.
  const m = STATED.exec(text.replace(/\s*[\u2012\u2013\u2014]\s*/g, '-'));
  if (!m?.groups) return statedDayEnd(text);
  const g = m.groups;
  const a = clockMinutes(g.a!);
  const b = clockMinutes(g.b!);
  let start = a.m;
  let end = b.m;
  if (!a.ap && b.ap === 'pm' && start + 12 * 60 < end) start += 12 * 60;
  else if (!a.ap && b.ap === 'pm' && start >= end) start = start % (12 * 60);
  if (!b.ap && end <= start) end += 12 * 60;
  if (end <= start || end > 24 * 60 || end - start < 60) return null;
  const out: Partial<Policy> = { workStart: hhmm(start), workEnd: hhmm(end) };
  const d1 = g.d1 ?? g.d3;
  const d2 = g.d2 ?? g.d4;
  if (d1 && d2) {
    const x = dayOf(d1);
    const y = dayOf(d2);
    if (x !== undefined && y !== undefined) out.workDays = dayRun(x, y);
  } else if (g.wk || g.wk2) out.workDays = [1, 2, 3, 4, 5];
  return out;
}

/** "I knock off at 4 on weekdays", "we close at 5.30": only the end of the day is stated. */
const DAY_END = /\b(?:i|we)\s+(?:usually\s+|normally\s+|always\s+)?(?:knock off|finish(?: up)?|clock off|log off|close|stop work(?:ing)?|(?:'?m|am) off)\s+(?:work\s+)?(?:at|by|around)\s+(\d{1,2})(?:[:.](\d{2}))?(?:\s*(am|pm))?\b(?:\s+(?:on\s+)?(weekdays|week days))?/i;

function statedDayEnd(text: string): Partial<Policy> | null {
  const m = DAY_END.exec(text);
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  // A bare hour a working day ends at is in the afternoon or evening ("knock off at 4" is 4 PM).
  if (m[3]?.toLowerCase() === 'pm' || (!m[3] && h >= 1 && h <= 8)) h += h < 12 ? 12 : 0;
  else if (m[3]?.toLowerCase() === 'am' || h > 23) return null;
  if (h < 12) return null;
  return { workEnd: hhmm(h * 60 + min), ...(m[4] ? { workDays: [1, 2, 3, 4, 5] } : {}) };
}

/** The first working day after `day` (0–6), or after today's unknown day: the first of the week. */
export function nextWorkDay(policy: Policy, after?: number): number {
  const days = policy.workDays.length ? policy.workDays : [1, 2, 3, 4, 5];
  if (after === undefined) return [1, 2, 3, 4, 5, 6, 0].find((d) => days.includes(d)) ?? 1;
  for (let i = 1; i <= 7; i++) {
    const d = (after + i) % 7;
    if (days.includes(d)) return d;
  }
  return 1;
}

function clampInHours(minutes: number | undefined, policy: Policy): number {
  const start = toMinutes(policy.workStart, 540);
  const end = toMinutes(policy.workEnd, 1080);
  const first = Math.min(start + 60, end - 30);
  const last = Math.max(first, end - 60);
  if (minutes === undefined) return first;
  // A late time moves to the end of the day; an early one to its start.
  if (minutes >= end) return last;
  if (minutes < start) return first;
  return Math.min(Math.max(minutes, first), last);
}

const at = (m: number, policy: Policy) => formatTime(m, policy.clock);

/** "between 9 AM and 6 PM on weekdays", "Tuesday to Saturday, between 9 AM and 6 PM". */
export function hoursWindow(policy: Policy, describeDays: (d: number[]) => string): string {
  const hours = `between ${at(toMinutes(policy.workStart, 540), policy)} and ${at(toMinutes(policy.workEnd, 1080), policy)}`;
  const days = [...policy.workDays].sort().join(',');
  if (days === '1,2,3,4,5') return `${hours} on weekdays`;
  if (days === '0,1,2,3,4,5,6') return `${hours}, any day of the week`.replace(', any day of the week', ' every day');
  return `${describeDays(policy.workDays)}, ${hours}`;
}

/** Words before a time phrase that belong to it ("over the", "up until", "at"). */
const LEAD = /(?:\b(?:(?:up\s+)?until|up\s+to|till|til|before|after|past|from|at|on|over|in|during|this|the|by|around|about|all|every|any\s*time|any|late|middle\s+of\s+the|in\s+the\s+middle\s+of\s+the)\s+)+$/i;
const TAIL = /^(?:\s*,?\s*(?:or\s+)?even\s+(?:past|after|at|on|over|in)\s+(?:midnight|the weekend|weekends?|\w+days?|\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)|\s+tonight|\s+(?:at|in the)\s+(?:night|evening)|\s+(?:if|when) (?:it'?s|you'?re) late|\s+however late(?: it is)?|\s+(?:at\s+)?(?:whatever|any) time(?: (?:suits|works)(?: you)?| you like)?)*/i;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** A date right before the time phrase: "on the 4th ", "3 January ", "June 18 ", "Thursday 14th ". */
const DATE_BEFORE = new RegExp(`(?:\\b\\d{1,2}(?:st|nd|rd|th)(?:\\s+(?:of\\s+)?${MONTH})?|\\b\\d{1,2}\\s+${MONTH}|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\b\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?)\\s*,?\\s+$`, 'i');

export interface TimeEdit extends Range {
  text: string;
}

/**
 * Edits that move every late, early or off-day time phrase of the sentence into the user's hours,
 * each phrase replaced whole with its preposition: "at 10:30pm tonight" → "tomorrow at 5 PM",
 * "over the weekend" → "on Monday", "up until midnight the night before" → "until 7 PM the day before".
 */
export function retimeEdits(sentence: string, policy: Policy): TimeEdit[] {
  const edits: TimeEdit[] = [];
  const norm = sentence.replace(/[\u2018\u2019]/g, "'");
  for (const t of findTimes(norm, 0, norm.length)) {
    const phrase = norm.slice(t.start, t.end).toLowerCase();
    const lateWord = /\b(?:tonight|night|midnight|late|evening)\b/.test(phrase);
    if (!isOutsideHours(t, policy) && !(lateWord && !isInsideHoursPart(t, policy))) continue;
    let start = t.start;
    let end = t.end;
    while (end > start && /\s/.test(norm[end - 1]!)) end--;
    const lead = LEAD.exec(norm.slice(0, start));
    let leadText = '';
    if (lead) {
      leadText = lead[0].toLowerCase();
      start -= lead[0].length;
    }
    const tail = TAIL.exec(norm.slice(end));
    if (tail) end += tail[0].length;
    // "night owl", "last night": not a time anyone is offered.
    if (/^(?:night|evening)$/.test(phrase) && !lead) continue;
    // A condition ("If the panic hits tonight, …") is not the offer: the urgent route fixes that sentence.
    if (inCondition(norm, start, end)) continue;
    // "morning, noon or midnight": the whole list becomes the hours.
    const list = /(?:\b(?:late\s+|early\s+)?(?:mornings?|noon|afternoons?|evenings?|days?|nights?|midnight|weekends?|\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm))?)\s*,?\s*)+(?:or|and)\s+$/i.exec(norm.slice(0, start));
    if (list) {
      // "…late evenings, 10 or 11pm is fine": the hours replace the list and its verdict.
      const verdict = /^\s*(?:is|'s|are|works)\s+(?:totally\s+|also\s+|perfectly\s+|usually\s+)?(?:fine|ok|okay|good|no problem)\b/i.exec(norm.slice(end));
      // "at the weekend or late at night": the list's own preposition goes with it.
      const listStart = start - list[0].length;
      const listLead = LEAD.exec(norm.slice(0, listStart));
      edits.push({ start: listStart - (listLead?.[0].length ?? 0), end: end + (verdict?.[0].length ?? 0), text: hoursWindow(policy, describeDays) });
      continue;
    }
    if (/\blast\s+$/i.test(norm.slice(0, start))) continue;
    // A range the draft states ("6am to 8pm", "9 till 6") is the writer's hours, not an offer.
    if (/(?:\d\s*(?:am|pm)?\s*(?:-|\u2013|to|till|until)\s*)$/i.test(norm.slice(0, t.start)) || /^\s*(?:-|\u2013|to|till|until)\s*\d/i.test(norm.slice(t.end))) continue;
    // "…, even at 2am" / "even in the middle of the night": the concession goes.
    const even = /(?:,\s*|\s+)(?:or\s+)?even\s+$/i.exec(norm.slice(0, start));
    if (even) {
      // ", even late at night, about his swallowing": the parenthesis goes with both its commas.
      const closeComma = even[0].includes(',') && norm[end] === ',' ? 1 : 0;
      edits.push({ start: start - even[0].length, end: end + closeComma, text: '' });
      continue;
    }
    // "no more Saturday nights", "I don't teach after 8": the writer's own limit, not an offer.
    const clause = /[^,;.!?\u2014\u2013]*$/.exec(norm.slice(0, start))![0];
    if (/\b(?:no more|not|don'?t|do not|never|no longer|won'?t|can'?t|cannot|stopped)\b/i.test(clause)) continue;
    if (endsOwnDay(clause)) continue;
    let text: string;
    const endAt = at(toMinutes(policy.workEnd, 1080), policy);
    const nightBefore = /\bthe night\b/.test(`${leadText}${phrase}`) && /^\s+before\b/i.test(norm.slice(end));
    if (nightBefore) {
      // "the night before at whatever time": "before" stays after the new time; what trails it goes.
      const after = /^\s+before\b/i.exec(norm.slice(end))![0].length;
      const rest = TAIL.exec(norm.slice(end + after))![0].length;
      if (rest) end = end + after + rest;
    }
    const beforeKept = nightBefore && !/^\s+before\b/i.test(norm.slice(end));
    if (/^any\s+$/.test(leadText)) {
      // "any night after 10pm", "any evening": any of the user's working days, before they end.
      const weekdays = [...policy.workDays].sort().join(',') === '1,2,3,4,5';
      text = `any ${weekdays ? 'weekday' : 'working day'} before ${endAt}`;
    } else if (/\b(?:until|till|til|before|up\s+to)\b/.test(leadText)) {
      text = `until ${endAt}${nightBefore ? ` the day${beforeKept ? ' before' : ''}` : ''}`;
    } else if (/\b(?:after|past|from)\b/.test(leadText) || t.relation === 'after' || phrase === 'late') {
      text = `before ${endAt}`;
    } else if (t.day === undefined && t.minutes !== undefined && DATE_BEFORE.test(norm.slice(0, start))) {
      // "on the 4th at 7pm": the date stays, only the hour moves.
      text = `at ${at(clampInHours(t.minutes, policy), policy)}`;
    } else {
      text = slotPhrase(t, policy);
      if (nightBefore) text = `${text.replace(/^tomorrow /, '')} the day${beforeKept ? ' before' : ''}`;
      // "I could do Wednesday at 4", "Friday is fine": a day named bare stays bare.
      if (!/\bon\b/.test(leadText) && /^(?:mon|tue|wed|thu|fri|sat|sun)/i.test(phrase)) text = text.replace(/^on /, '');
    }
    // "at 7pm as usual": the new time is not the usual one, so "as usual" goes with the old.
    const usual = /^\s*,?\s*as (?:usual|always|normal|per usual)\b/i.exec(norm.slice(end));
    if (usual) end += usual[0].length;
    edits.push({ start, end, text });
  }
  return dropOverlaps(edits);
}

/** "I knock off at 4 on weekdays", "we close at 6": when the writer's day ends is a fact, not an offer. */
const OWN_DAY_END = /\b(?:i|we)\s+(?:usually\s+|normally\s+)?(?:knock off|finish|finish up|clock off|log off|close|shut|stop work(?:ing)?|leave(?: the office)?|(?:'?m|am) off|head home|wrap up)\s+(?:work\s+)?(?:at\s+|by\s+|around\s+|about\s+)?$/i;
export function endsOwnDay(before: string): boolean {
  return OWN_DAY_END.test(/[^,;.!?\u2014\u2013]*$/.exec(before)![0]);
}

/** The time sits in an "If … ," clause that a comma closes later: a condition, not the offer. */
export function inCondition(norm: string, start: number, end: number): boolean {
  return /(?:^|[.!?]\s+)\s*(?:if|when|should)\b[^,.!?]*$/i.test(norm.slice(0, start)) && /^[^.!?]*?,/.test(norm.slice(end));
}

function isInsideHoursPart(t: { minutes?: number }, policy: Policy): boolean {
  if (t.minutes === undefined) return true;
  return t.minutes >= toMinutes(policy.workStart, 540) && t.minutes < toMinutes(policy.workEnd, 1080);
}

function slotPhrase(t: { day?: number | 'weekend'; minutes?: number }, policy: Policy): string {
  const start = toMinutes(policy.workStart, 540);
  const end = toMinutes(policy.workEnd, 1080);
  const offDay = t.day === 'weekend' || (typeof t.day === 'number' && !policy.workDays.includes(t.day));
  const minutes = t.minutes === undefined ? undefined : clampInHours(t.minutes, policy);
  const part = minutes === undefined ? '' : minutes < 12 * 60 && start < 12 * 60 ? ' morning' : minutes >= 13 * 60 && end > 14 * 60 ? ' afternoon' : '';
  if (offDay) {
    const from = t.day === 'weekend' ? 6 : (t.day as number);
    const day = DAY_NAMES[nextWorkDay(policy, from)]!;
    if (t.minutes === undefined) return `on ${day}`;
    return part && t.minutes >= start && t.minutes < end ? `on ${day}${part}` : `on ${day} at ${at(minutes!, policy)}`;
  }
  if (typeof t.day === 'number') return `on ${DAY_NAMES[t.day]} at ${at(minutes ?? clampInHours(undefined, policy), policy)}`;
  return `tomorrow at ${at(minutes ?? clampInHours(undefined, policy), policy)}`;
}

function dropOverlaps(edits: TimeEdit[]): TimeEdit[] {
  const out: TimeEdit[] = [];
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) {
      last.end = Math.max(last.end, e.end);
      continue;
    }
    out.push(e);
  }
  return out;
}

/** Any-hour phrases ("any time tonight, even past midnight", "24/7", "day or night") as one range each. */
export function anyHourRanges(sentence: string, anyHourWords: readonly string[]): Range[] {
  const re = new RegExp(
    `\\b(?:at\\s+)?(?:${alternation(anyHourWords)})(?:\\s+(?:tonight|this weekend|at the weekend|on weekends|of the day|of the night))?(?:\\s*,?\\s*(?:or\\s+)?even\\s+(?:(?:past|after|at|on|over|in)\\s+)?(?:midnight|the weekend|weekends?|\\w+days?|the middle of the night|\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|in the (?:morning|night|evening))?))?`,
    'gi',
  );
  const out: Range[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence)) !== null) {
    if (/\w/.test(sentence[m.index + m[0].length] ?? '') && !/\d$/.test(m[0])) continue;
    const last = out[out.length - 1];
    // "any time, day or night": one phrase.
    if (last && /^\s*(?:,|or|and|,\s*or)?\s*$/i.test(sentence.slice(last.end, m.index))) last.end = m.index + m[0].length;
    else out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A time phrase still in the text that lies outside the hours (the gate refuses such a rewrite). */
export function contradictingTime(text: string, policy: Policy): string | null {
  const norm = text.replace(/[\u2018\u2019]/g, "'");
  for (const t of findTimes(norm, 0, norm.length)) {
    // The limits of a stated range ("between 9 AM and 6 PM", "until 6 PM") are the hours themselves.
    if (isRangeLimit(norm, t, policy) || inCondition(norm, t.start, t.end) || endsOwnDay(norm.slice(0, t.start))) continue;
    if (/^(?:until|till|til|before|by)\b/i.test(norm.slice(t.start, t.end)) && t.minutes !== undefined && t.minutes <= toMinutes(policy.workEnd, 1080) && t.day === undefined) continue;
    if (isOutsideHours(t, policy)) return norm.slice(t.start, t.end);
    const phrase = norm.slice(t.start, t.end).toLowerCase();
    if (/\b(?:tonight|midnight)\b/.test(phrase)) return phrase;
  }
  return null;
}
