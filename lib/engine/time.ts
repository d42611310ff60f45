// Finds time expressions in a sentence ("tonight at 11", "Sunday morning", "after 9pm",
// "weekends") and judges them against the user's working days and hours.
import type { Policy } from './types';
import { toMinutes } from './policy';

export interface TimeExpression {
  start: number;
  end: number;
  /** 0–6, or 'weekend'; undefined when no day was named. */
  day?: number | 'weekend';
  /** Minutes after midnight when a clock time or part of day was named. */
  minutes?: number;
  /** "after 6": any time from `minutes` on; "before 8": any time up to it. */
  relation?: 'after' | 'before';
  /** A clock time without am/pm or part of day ("at 11"): not decisive alone. */
  ambiguous?: boolean;
}

const DAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const PARTS: Record<string, number> = {
  morning: 9 * 60, afternoon: 14 * 60, evening: 19 * 60, tonight: 20 * 60, night: 22 * 60, midnight: 24 * 60,
  noon: 12 * 60, midday: 12 * 60, lunchtime: 12 * 60 + 30, dawn: 5 * 60 + 30, late: 22 * 60,
};
const EVENING_PARTS = new Set(['evening', 'tonight', 'night', 'late', 'midnight']);

// One atom: a day, a part of the day, or a clock time (with its preposition).
const ATOM =
  /\b(?:(?<day>(?:mon|tues|wednes|thurs|fri|satur|sun)days?)|(?<weekend>weekends?)|(?<part>early (?:in the )?morning|late (?:at )?night|late(?: in the)? evening|morning|afternoon|evening|tonight|night(?!\s+(?:\d|one|two|three|four|five)\b)|midnight|noon|midday|lunchtime|dawn|(?<=\b(?:calling|call|text|texting|message|messaging|email|emailing|work|working|stay|ring|ringing|phone|phoning) (?:me )?)late)|(?<clock>(?:(?<rel>after|past|before|until|till|from|at|by|around|about)\s+)?(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ap>a\.?m\.?|p\.?m\.?|o'clock)?(?![\d:/-])))\b/gi;

/** All time expressions in text[start, end), adjacent atoms merged ("Sunday at 9pm"). */
export function findTimes(norm: string, start: number, end: number): TimeExpression[] {
  const slice = norm.slice(start, end);
  const out: TimeExpression[] = [];
  ATOM.lastIndex = 0;
  let m: RegExpExecArray | null;
  let current: TimeExpression | null = null;
  let currentPart: string | undefined;
  let currentClockRaw: { h: number; m: number; ap?: string; hasRel: boolean } | undefined;
  const flush = () => {
    if (!current) return;
    resolveClock(current, currentClockRaw, currentPart);
    if (current.day !== undefined || current.minutes !== undefined) out.push(current);
    current = null;
    currentPart = undefined;
    currentClockRaw = undefined;
  };
  while ((m = ATOM.exec(slice)) !== null) {
    const g = m.groups!;
    const a = start + m.index;
    const b = a + m[0].length;
    if (g.clock) {
      // Bare numbers are times only with a preposition, am/pm or o'clock ("3 revisions" is not).
      if (!g.rel && !g.ap && g.m === undefined) continue;
      const h = Number(g.h);
      const mins = g.m ? Number(g.m) : 0;
      if (h > 24 || mins > 59) continue;
      // "by 5" is a deadline, not a time the user is available; so are "2-3 days", "at 10%".
      if (/^(by|until|till)$/i.test(g.rel ?? '') && !g.ap) continue;
    }
    if (current && a - current.end <= 12 && /^[\s,]*(?:(?:at|on|in|this|next|the|around|about|after|by|,)\s*)*$/i.test(norm.slice(current.end, a))) {
      current.end = b;
    } else {
      flush();
      current = { start: a, end: b };
    }
    if (g.day) current.day = DAYS[g.day.toLowerCase().replace(/s$/, '')];
    else if (g.weekend) current.day = 'weekend';
    else if (g.part) {
      const p = g.part.toLowerCase();
      currentPart = p.startsWith('early') ? 'dawn' : p.startsWith('late') ? 'late' : p;
    } else if (g.clock) {
      const rel = g.rel?.toLowerCase();
      currentClockRaw = { h: Number(g.h), m: g.m ? Number(g.m) : 0, ap: g.ap?.toLowerCase().replace(/\./g, ''), hasRel: !!rel };
      if (rel === 'after' || rel === 'past' || rel === 'from') current.relation = 'after';
      else if (rel === 'before') current.relation = 'before';
    }
  }
  flush();
  return out;
}

function resolveClock(
  t: TimeExpression,
  clock: { h: number; m: number; ap?: string } | undefined,
  part: string | undefined,
): void {
  if (!clock) {
    if (part) t.minutes = PARTS[part];
    return;
  }
  let h = clock.h;
  if (clock.ap === 'pm' && h < 12) h += 12;
  else if (clock.ap === 'am' && h === 12) h = 0;
  else if (clock.ap === 'am' || clock.ap === 'pm') {
    // already resolved
  } else if (h >= 13 || (clock.h < 10 && /^0/.test(String(clock.h)))) {
    // 24-hour clock
  } else if (part && EVENING_PARTS.has(part)) {
    if (h < 12) h += 12;
    if (part === 'midnight') h = 24;
  } else if (part === 'afternoon' && h < 12) h += 12;
  else if (part === 'morning' || part === 'dawn') {
    // as written
  } else {
    // "at 11" with nothing else: read as business hours and do not judge it.
    t.ambiguous = true;
    if (h >= 1 && h <= 6) h += 12;
  }
  t.minutes = h * 60 + clock.m;
}

/** Is this expression outside the user's working time? An ambiguous clock time is when both its readings are. */
export function isOutsideHours(t: TimeExpression, policy: Policy): boolean {
  const workDays = policy.workDays;
  if (t.day === 'weekend') {
    if (!workDays.includes(0) || !workDays.includes(6)) return true;
  } else if (t.day !== undefined && !workDays.includes(t.day)) return true;
  if (t.minutes === undefined) return false;
  const start = toMinutes(policy.workStart, 540);
  const end = toMinutes(policy.workEnd, 1080);
  const outside = (m: number) => (t.relation === 'after' ? m >= end : t.relation === 'before' ? m <= start : m < start || m >= end);
  // "at 6:30" with no am/pm: outside only when the morning and the evening reading both are.
  if (t.ambiguous) return outside(t.minutes) && outside(t.minutes >= 720 ? t.minutes - 720 : t.minutes + 720);
  return outside(t.minutes);
}

/**
 * A stated range's limits are the hours themselves, not an offer outside them: "from 9 AM to 6 PM",
 * "between 9 AM and 6 PM", "until 6 PM" when the day ends at 6 PM.
 */
export function isRangeLimit(norm: string, t: TimeExpression, policy: Policy): boolean {
  if (t.minutes === undefined || t.day !== undefined) return false;
  const phrase = norm.slice(t.start, t.end);
  const before = norm.slice(Math.max(0, t.start - 12), t.start);
  const atEnd = t.minutes === toMinutes(policy.workEnd, 1080) && (/\b(?:to|and|until|till)\s*$|-\s*$/i.test(before) || /^(?:until|till|by)\b/i.test(phrase));
  const atStart = t.minutes === toMinutes(policy.workStart, 540) && /^\s*(?:to|and|-|till|until)\s*\d/i.test(norm.slice(t.end, t.end + 8));
  return atEnd || atStart;
}
