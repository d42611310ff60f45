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
/**
 * v3 made intents the rules a user switches: old phrase-rule ids and the intent that now holds
 * their wording. Several old rules can land on one intent.
 */
export const RULE_RENAMES: Readonly<Record<string, string>> = {
  'availability/call-me-anytime': 'availability/any-time',
  'availability/after-hours-time': 'availability/after-hours-offer',
  'availability/weekends-fine': 'availability/after-hours-offer',
  'availability/instant-reply-promise': 'availability/instant-reply',
  'personal/more-than-a-client': 'personal/friendship',
  'personal/favourite-client': 'personal/friendship',
  'personal/miss-you': 'personal/affection',
  'personal/physical-intimacy': 'personal/romantic',
  'personal/kiss-emoji': 'personal/endearment',
  'personal/appearance-compliment': 'personal/appearance',
  'personal/social-invitation': 'personal/invitation',
  'personal/accepting-gift': 'personal/gift',
  'confidentiality/therapy-by-chat': 'confidentiality/therapy-by-text',
  'assertiveness/stacked-apologies': 'assertiveness/stacked-apology',
  'assertiveness/yes-to-everything': 'assertiveness/caving',
  'scope/free-extra-work': 'scope/free-extras',
  'tone/hostile-command': 'tone/command',
  'tone/exasperation': 'tone/shaming',
};

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
  // v3: rule settings move from old rule ids to the intents that took over their wording. An
  // intent is off if any rule it absorbed was switched off (the user did not want that wording
  // flagged); a severity the user chose is kept, and a setting already made on the intent wins.
  3(old) {
    if (!isObject(old.rules)) return { ...old, version: 3 };
    const rules: Json = {};
    const renamed: Json = {};
    for (const [id, value] of Object.entries(old.rules)) {
      const target = RULE_RENAMES[id];
      if (!target) {
        rules[id] = value;
        continue;
      }
      if (!isObject(value)) continue;
      const merged: Json = isObject(renamed[target]) ? { ...(renamed[target] as Json) } : {};
      if (value.enabled === false) merged.enabled = false;
      if (value.severity !== undefined && merged.severity === undefined) merged.severity = value.severity;
      renamed[target] = merged;
    }
    for (const [id, value] of Object.entries(renamed)) {
      if (rules[id] === undefined && Object.keys(value as Json).length > 0) rules[id] = value;
    }
    return { ...old, rules, version: 3 };
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
