// Ordered migrations that bring stored or imported settings objects up to SETTINGS_VERSION.
import { SETTINGS_VERSION } from './defaults';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Key = the version a migration produces. Each takes the previous version's object and must not
 * throw on missing fields: the validator runs after the last step and reports what is wrong.
 */
export const MIGRATIONS: Readonly<Record<number, (old: Json) => Json>> = {
  // v1 (0.0.x previews) kept the profession at the top level and the hours as
  // policy.days + policy.hours {start, end}; v2 groups everything the statement quotes in policy.
  2(old) {
    const { profession, ...rest } = old;
    const policy: Json = isObject(old.policy) ? { ...old.policy } : {};
    if ('days' in policy) {
      policy.workDays = policy.days;
      delete policy.days;
    }
    if (isObject(policy.hours)) {
      policy.workStart = policy.hours.start;
      policy.workEnd = policy.hours.end;
      delete policy.hours;
    }
    if (profession !== undefined && policy.profession === undefined) policy.profession = profession;
    return { ...rest, policy, version: 2 };
  },
};

export type MigrationResult =
  | { ok: true; value: Json; from: number }
  | { ok: false; error: string };

/** Run every migration after the object's own version. An object without `version` is v1. */
export function migrateSettings(raw: unknown): MigrationResult {
  if (!isObject(raw)) return { ok: false, error: `settings: expected an object, got ${describe(raw)}` };
  const from = raw.version === undefined ? 1 : raw.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, error: `version: expected a whole number from 1 to ${SETTINGS_VERSION}, got ${JSON.stringify(from)}` };
  }
  if (from > SETTINGS_VERSION) {
    return {
      ok: false,
      error: `version: these settings come from a newer Clearline (version ${from}); this one reads up to version ${SETTINGS_VERSION}`,
    };
  }
  let value: Json = { ...raw, version: from };
  for (let v = from + 1; v <= SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`missing settings migration to version ${v}`);
    value = step(value);
  }
  return { ok: true, value, from };
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
