// A blind set's policy as the engine takes it: sets write the writer's week as {days, start, end}
// ("Tue", "08:00"); the engine's Policy names them workDays, workStart, workEnd.
import type { Policy } from '../lib/engine/types';

const DAY_INDEX: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
/**
 * A set's policy in the engine's shape. Some sets write `{days: ["Mon", …], start, end}` instead of
 * `{workDays, workStart, workEnd}`; passed through as is, the engine would silently use the default week.
 */
export function toPolicy(p: Record<string, unknown> | Partial<Policy> | null | undefined): Partial<Policy> | undefined {
  if (!p) return undefined;
  const raw = p as Record<string, unknown>;
  if (!('days' in raw) && !('start' in raw) && !('end' in raw)) return p as Partial<Policy>;
  const out: Partial<Policy> = { ...(p as Partial<Policy>) };
  if (Array.isArray(raw.days)) out.workDays = (raw.days as string[]).map((d) => DAY_INDEX[String(d).slice(0, 3).toLowerCase()]).filter((d): d is number => d !== undefined);
  if (typeof raw.start === 'string') out.workStart = raw.start;
  if (typeof raw.end === 'string') out.workEnd = raw.end;
  for (const k of ['days', 'start', 'end']) delete (out as Record<string, unknown>)[k];
  return out;
}
