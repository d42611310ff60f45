// The user's boundaries as words: working days and hours, and the boundary statement Clearline
// offers to insert. No NLP here, so the options page and popup can import it cheaply.
import { DEFAULT_POLICY, defaultUrgentChannel, type Policy } from './types';
import { zoneName } from './zones';

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function resolvePolicy(partial?: Partial<Policy>): Policy {
  const p: Policy = { ...DEFAULT_POLICY, ...(partial ?? {}) };
  p.workDays = [...new Set(p.workDays ?? DEFAULT_POLICY.workDays)].filter((d) => d >= 0 && d <= 6).sort((a, b) => a - b);
  // A clinician who kept the general default gets the safety-minded one.
  if (!p.urgentChannel?.trim() || p.urgentChannel === DEFAULT_POLICY.urgentChannel) p.urgentChannel = defaultUrgentChannel(p.profession);
  return p;
}

/** "09:00" → 540 minutes after midnight. Invalid input falls back to the default. */
export function toMinutes(hhmm: string, fallback = 540): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return fallback;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59) return fallback;
  return h * 60 + min;
}

/** 540 → "9 AM", 510 → "8:30 AM", 720 → "12 PM", 0 / 1440 → "midnight"; 24h: "9:00", "16:30". */
export function formatTime(minutes: number, clock: Policy['clock'] = '12h'): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  if (m === 0) return 'midnight';
  const h = Math.floor(m / 60);
  const mm = m % 60;
  if (clock === '24h') return `${h}:${String(mm).padStart(2, '0')}`;
  const suffix = h < 12 ? 'AM' : 'PM';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return mm === 0 ? `${h12} ${suffix}` : `${h12}:${String(mm).padStart(2, '0')} ${suffix}`;
}

/** [1..5] → "Monday to Friday"; [1,3,5] → "Monday, Wednesday and Friday"; all → "every day". */
export function describeDays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 0) return 'by appointment';
  if (sorted.length === 7) return 'every day';
  // A run of consecutive days (Mon–Sat, or a week wrapping over Sunday) reads as "X to Y".
  const order = [1, 2, 3, 4, 5, 6, 0];
  const idx = sorted.map((d) => order.indexOf(d)).sort((a, b) => a - b);
  const consecutive = idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  if (consecutive && idx.length >= 3) return `${DAY_NAMES[order[idx[0]!]!]} to ${DAY_NAMES[order[idx[idx.length - 1]!]!]}`;
  const names = idx.map((i) => DAY_NAMES[order[i]!]!);
  return names.length === 1 ? `${names[0]}s` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function describeHours(policy: Policy): string {
  return `${formatTime(toMinutes(policy.workStart, 540), policy.clock)} to ${formatTime(toMinutes(policy.workEnd, 1080), policy.clock)}`;
}

/** " UK time": no parentheses, so a rewrite that puts the availability in parentheses never nests them. */
function zoneSuffix(policy: Policy): string {
  const zone = policy.timeZone?.trim();
  if (!zone || zone === 'local') return '';
  return ` ${zoneName(zone)}`;
}

/** "Monday to Friday, 9 AM to 6 PM" (plus "UK time" when the user set a time zone). */
export function describeAvailability(policy: Policy): string {
  return `${describeDays(policy.workDays)}, ${describeHours(policy)}${zoneSuffix(policy)}`;
}

/** The first working slot of the week, e.g. "Monday at 9 AM". */
export function nextSlot(policy: Policy): string {
  const order = [1, 2, 3, 4, 5, 6, 0];
  const first = order.find((d) => policy.workDays.includes(d)) ?? 1;
  return `${DAY_NAMES[first]} at ${formatTime(toMinutes(policy.workStart, 540), policy.clock)}`;
}

/** The sentence(s) offered for a reply that grants extra contact without saying where the limit is. */
export function boundaryStatement(policy: Policy): string {
  const parts = [
    `For reference, I'm available ${describeAvailability(policy)}, and I reply ${policy.responseTime.trim() || DEFAULT_POLICY.responseTime}.`,
    `For anything urgent outside those hours, please ${urgentVerb(policy.urgentChannel)}.`,
  ];
  for (const line of [policy.giftsLine, policy.socialLine, policy.runInsLine]) {
    const t = line?.trim();
    if (t) parts.push(/[.!?]$/.test(t) ? t : `${t}.`);
  }
  return parts.join(' ');
}

/** The sentence offered when a reply grants extra or unpaid work without naming the scope. */
export function scopeStatement(): string {
  return 'Anything beyond the agreed scope goes through a short change request, and I will confirm the cost with you before starting.';
}

/** "email with URGENT in the subject" reads as an instruction; "my assistant" needs a verb. */
function urgentVerb(channel: string): string {
  const c = channel.trim() || DEFAULT_POLICY.urgentChannel;
  return /^(email|call|text|phone|message|contact|use|ring|write|leave|send|reach)\b/i.test(c) ? lowerFirst(c) : `contact ${c}`;
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** The urgent path as an instruction that follows "please": "email with URGENT in the subject". */
export function urgentAction(policy: Policy): string {
  return urgentVerb(policy.urgentChannel);
}
