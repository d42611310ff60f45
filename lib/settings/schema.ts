// Hand-written validator for Settings: every error names the field path, what was expected and what was found.
import { checkCustomPattern } from '../engine/pattern-safety';
import { PACK_IDS, PROFESSIONS, SEVERITIES, type CustomRule, type Policy } from '../engine/types';
import { SETTINGS_VERSION } from './defaults';
import { describe } from './migrations';
import type { Settings } from './types';

export interface SchemaError {
  /** Dotted path, e.g. `policy.workStart`, `customRules[2].match`. */
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: SchemaError[] };

export const LIMITS = {
  phrase: 200,
  message: 200,
  suggestion: 500,
  policyText: 120,
  policyLine: 300,
  customRules: 200,
  addedSites: 100,
} as const;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A custom rule's id; findings carry it as their rule id, so `<pack>/<id>` turns it off. */
export const CUSTOM_RULE_ID = /^custom-[a-z0-9-]{1,40}$/;

/**
 * Why `id` cannot be a key of `settings.rules`, or null when it can: "<pack>/<rule>" with a known
 * pack and a built-in rule id or a custom rule id (custom ids may hold "--" or end in "-").
 */
export function ruleKeyProblem(id: string): string | null {
  const [pack, rule, extra] = id.split('/');
  if (extra !== undefined || !pack || !rule || !(PACK_IDS as readonly string[]).includes(pack) || !(RULE_ID.test(rule) || CUSTOM_RULE_ID.test(rule))) {
    return `expected a rule id "<pack>/<rule>" with a known pack (${PACK_IDS.join(', ')})`;
  }
  return null;
}

/** Same text, ignoring case and surrounding space: the options form and import refuse a second one. */
export function sameCustomMatch(a: Pick<CustomRule, 'match' | 'isPattern'>, b: Pick<CustomRule, 'match' | 'isPattern'>): boolean {
  return a.isPattern === b.isPattern && a.match.trim().toLowerCase() === b.match.trim().toLowerCase();
}

/** The message for a custom rule that repeats an earlier one. */
export function duplicateMessage(earlier: string): string {
  return `repeats ${earlier}; each phrase or pattern can be listed once`;
}
const BUILT_IN_KEYS = ['gmail', 'linkedin', 'outlook'] as const;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects errors while walking; each check returns whether the value passed. */
class Checker {
  readonly errors: SchemaError[] = [];
  // A missing field is reported once, as missing, not again as "expected text, got undefined".
  private readonly missing = new Set<string>();

  fail(path: string, message: string): false {
    if (!this.missing.has(path)) this.errors.push({ path, message });
    return false;
  }

  object(path: string, v: unknown, keys: { required: readonly string[]; optional?: readonly string[] }): v is Obj {
    if (!isObject(v)) return this.fail(path, `expected an object, got ${describe(v)}`);
    for (const k of keys.required) {
      if (!(k in v)) {
        this.fail(join(path, k), 'is missing');
        this.missing.add(join(path, k));
      }
    }
    const known = new Set([...keys.required, ...(keys.optional ?? [])]);
    for (const k of Object.keys(v)) if (!known.has(k)) this.fail(join(path, k), 'is not a known field');
    return true;
  }

  boolean(path: string, v: unknown): boolean {
    return typeof v === 'boolean' || this.fail(path, `expected true or false, got ${describe(v)}`);
  }

  oneOf(path: string, v: unknown, allowed: readonly string[]): boolean {
    return (
      (typeof v === 'string' && allowed.includes(v)) ||
      this.fail(path, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(v)}`)
    );
  }

  text(path: string, v: unknown, opts: { max: number; allowEmpty?: boolean }): v is string {
    if (typeof v !== 'string') return this.fail(path, `expected text, got ${describe(v)}`);
    if (!opts.allowEmpty && v.trim() === '') return this.fail(path, 'must not be empty');
    if (v.length > opts.max) return this.fail(path, `is ${v.length} characters long; the limit is ${opts.max}`);
    return true;
  }

  time(path: string, v: unknown): v is string {
    return (typeof v === 'string' && HHMM.test(v)) || this.fail(path, `expected "HH:MM" (24-hour), got ${describe(v)}`);
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function isValidTimeZone(tz: string): boolean {
  if (tz === 'local') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** "https://host[:port]" with nothing after it. */
export function normalizeOrigin(input: string): string | null {
  // Chromium's URL parser percent-encodes spaces in a host rather than failing, so check the
  // host's characters ourselves (IDNs arrive here already in punycode).
  if (/\s/.test(input)) return null;
  try {
    const u = new URL(input.includes('://') ? input : `https://${input}`);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (!u.hostname || u.username || u.password) return null;
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/i.test(u.hostname)) return null;
    return u.origin;
  } catch {
    return null;
  }
}

function checkPolicy(c: Checker, path: string, p: unknown): void {
  if (
    !c.object(path, p, {
      required: ['profession', 'workDays', 'workStart', 'workEnd', 'timeZone', 'responseTime', 'urgentChannel'],
      optional: ['giftsLine', 'socialLine', 'runInsLine', 'clock'],
    })
  )
    return;
  c.oneOf(`${path}.profession`, p.profession, PROFESSIONS);
  const days = p.workDays;
  if (!Array.isArray(days)) c.fail(`${path}.workDays`, `expected a list of day numbers 0–6 (0 = Sunday), got ${describe(days)}`);
  else {
    if (days.length === 0) c.fail(`${path}.workDays`, 'must include at least one working day');
    days.forEach((d, i) => {
      if (!Number.isInteger(d) || (d as number) < 0 || (d as number) > 6) {
        c.fail(`${path}.workDays[${i}]`, `expected a day number 0–6 (0 = Sunday), got ${describe(d)}`);
      } else if (days.indexOf(d) !== i) c.fail(`${path}.workDays[${i}]`, `day ${d} is listed twice`);
    });
  }
  const startOk = c.time(`${path}.workStart`, p.workStart);
  const endOk = c.time(`${path}.workEnd`, p.workEnd);
  if (startOk && endOk && (p.workEnd as string) <= (p.workStart as string)) {
    c.fail(`${path}.workEnd`, `must be later than the start of the working day (${p.workStart as string}), got "${p.workEnd as string}"`);
  }
  if (c.text(`${path}.timeZone`, p.timeZone, { max: 64 }) && !isValidTimeZone(p.timeZone)) {
    c.fail(`${path}.timeZone`, `"${p.timeZone}" is not a known time zone; use an IANA name such as "Europe/London" or "local"`);
  }
  if (p.clock !== undefined) c.oneOf(`${path}.clock`, p.clock, ['12h', '24h']);
  c.text(`${path}.responseTime`, p.responseTime, { max: LIMITS.policyText });
  c.text(`${path}.urgentChannel`, p.urgentChannel, { max: LIMITS.policyText });
  for (const k of ['giftsLine', 'socialLine', 'runInsLine'] as const) {
    if (p[k] !== undefined) c.text(`${path}.${k}`, p[k], { max: LIMITS.policyLine, allowEmpty: true });
  }
}

/** One custom rule; also used by the options form to validate a row as it is typed. */
function checkCustomRule(c: Checker, path: string, r: unknown): void {
  if (!c.object(path, r, { required: ['id', 'match', 'isPattern', 'pack', 'severity', 'message', 'suggestion'] })) return;
  if (typeof r.id !== 'string' || !CUSTOM_RULE_ID.test(r.id)) {
    c.fail(`${path}.id`, `expected "custom-" followed by letters, digits or dashes, got ${describe(r.id)}`);
  }
  const isPattern = c.boolean(`${path}.isPattern`, r.isPattern) && r.isPattern === true;
  if (c.text(`${path}.match`, r.match, { max: LIMITS.phrase })) {
    if (isPattern) {
      const safe = checkCustomPattern(r.match);
      if (!safe.ok) c.fail(`${path}.match`, `pattern refused: ${safe.reason}`);
    } else if ([...r.match.trim()].length === 1) {
      c.fail(`${path}.match`, `"${r.match.trim()}" is a single character, so it would flag almost every draft; use a word or a phrase`);
    }
  }
  c.oneOf(`${path}.pack`, r.pack, PACK_IDS);
  c.oneOf(`${path}.severity`, r.severity, SEVERITIES);
  c.text(`${path}.message`, r.message, { max: LIMITS.message });
  c.text(`${path}.suggestion`, r.suggestion, { max: LIMITS.suggestion, allowEmpty: true });
}

/** Each custom phrase or pattern once: a second copy doubles the work and the findings for nothing. */
function checkDuplicateMatches(c: Checker, path: string, rules: unknown[]): void {
  const matchOf = (r: unknown) => (isObject(r) && typeof r.match === 'string' && typeof r.isPattern === 'boolean' ? { match: r.match, isPattern: r.isPattern } : null);
  const all = rules.map(matchOf);
  all.forEach((r, i) => {
    if (!r) return;
    const j = all.findIndex((e) => e !== null && sameCustomMatch(e, r));
    if (j < i) c.fail(`${path}[${i}].match`, duplicateMessage(`custom rule ${j + 1} ("${all[j]!.match.trim()}")`));
  });
}

/** Custom rules alone (a custom-rules file): each valid, and none repeating another. */
export function validateCustomRules(rules: unknown[], path = 'customRules'): SchemaError[] {
  const c = new Checker();
  rules.forEach((r, i) => checkCustomRule(c, `${path}[${i}]`, r));
  checkDuplicateMatches(c, path, rules);
  return c.errors;
}

/** Validate a whole settings object at the current version. Unknown fields are errors, as in Vale. */
export function validateSettings(v: unknown): Validation<Settings> {
  const c = new Checker();
  if (
    c.object('', v, { required: ['version', 'packs', 'rules', 'policy', 'customRules', 'sites', 'pausedUntil'] })
  ) {
    if (v.version !== SETTINGS_VERSION) c.fail('version', `expected ${SETTINGS_VERSION}, got ${describe(v.version)}`);

    if (c.object('packs', v.packs, { required: [], optional: PACK_IDS })) {
      for (const [k, on] of Object.entries(v.packs)) if ((PACK_IDS as readonly string[]).includes(k)) c.boolean(`packs.${k}`, on);
    }

    if (isObject(v.rules)) {
      for (const [id, rs] of Object.entries(v.rules)) {
        const path = `rules["${id}"]`;
        const problem = ruleKeyProblem(id);
        if (problem) {
          c.fail(path, problem);
          continue;
        }
        if (c.object(path, rs, { required: [], optional: ['enabled', 'severity'] })) {
          if (rs.enabled !== undefined) c.boolean(`${path}.enabled`, rs.enabled);
          if (rs.severity !== undefined) c.oneOf(`${path}.severity`, rs.severity, SEVERITIES);
        }
      }
    } else c.fail('rules', `expected an object, got ${describe(v.rules)}`);

    checkPolicy(c, 'policy', v.policy);

    if (Array.isArray(v.customRules)) {
      if (v.customRules.length > LIMITS.customRules) {
        c.fail('customRules', `has ${v.customRules.length} rules; the limit is ${LIMITS.customRules}`);
      }
      const seen = new Set<unknown>();
      v.customRules.forEach((r, i) => {
        checkCustomRule(c, `customRules[${i}]`, r);
        if (isObject(r) && typeof r.id === 'string') {
          if (seen.has(r.id)) c.fail(`customRules[${i}].id`, `"${r.id}" is used by an earlier rule`);
          seen.add(r.id);
        }
      });
      checkDuplicateMatches(c, 'customRules', v.customRules);
    } else c.fail('customRules', `expected a list, got ${describe(v.customRules)}`);

    if (c.object('sites', v.sites, { required: ['builtIn', 'added'] })) {
      if (c.object('sites.builtIn', v.sites.builtIn, { required: BUILT_IN_KEYS })) {
        for (const k of BUILT_IN_KEYS) if (k in v.sites.builtIn) c.boolean(`sites.builtIn.${k}`, v.sites.builtIn[k]);
      }
      const added = v.sites.added;
      if (!Array.isArray(added)) c.fail('sites.added', `expected a list of origins, got ${describe(added)}`);
      else {
        if (added.length > LIMITS.addedSites) c.fail('sites.added', `has ${added.length} sites; the limit is ${LIMITS.addedSites}`);
        added.forEach((o, i) => {
          const path = `sites.added[${i}]`;
          if (typeof o !== 'string' || normalizeOrigin(o) !== o) {
            c.fail(path, `expected an origin like "https://app.example.com" (no path or trailing slash), got ${describe(o)}`);
          } else if (added.indexOf(o) !== i) c.fail(path, `"${o}" is listed twice`);
        });
      }
    }

    if (typeof v.pausedUntil !== 'number' || !Number.isFinite(v.pausedUntil) || v.pausedUntil < 0) {
      c.fail('pausedUntil', `expected a time in milliseconds (0 = not paused), got ${describe(v.pausedUntil)}`);
    }
  }
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: v as unknown as Settings };
}

/** Validate a policy alone (the options form checks it before saving). */
export function validatePolicy(p: unknown): Validation<Policy> {
  const c = new Checker();
  checkPolicy(c, 'policy', p);
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: p as Policy };
}

/** Validate one custom rule (the options form shows these inline, per field). */
export function validateCustomRule(r: unknown, path = 'customRule'): Validation<CustomRule> {
  const c = new Checker();
  checkCustomRule(c, path, r);
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value: r as CustomRule };
}

export function formatError(e: SchemaError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}
