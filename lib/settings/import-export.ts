// Settings and custom rules as JSON files: export, and import as parse → migrate → validate, all or nothing.
import type { CustomRule } from '../engine/types';
import { SETTINGS_VERSION } from './defaults';
import { locate, locatePaths } from './json-locate';
import { describe, migrateSettings } from './migrations';
import { duplicateMessage, LIMITS, sameCustomMatch, validateCustomRules, validateSettings, type SchemaError } from './schema';
import type { Settings } from './types';

export const SETTINGS_FORMAT = 'clearline-settings';
export const CUSTOM_RULES_FORMAT = 'clearline-custom-rules';

export type ImportResult =
  | { ok: true; kind: 'settings'; settings: Settings; fromVersion: number }
  | { ok: true; kind: 'customRules'; customRules: CustomRule[] }
  | { ok: false; errors: string[] };

export function exportSettings(settings: Settings, now = new Date()): string {
  return JSON.stringify({ format: SETTINGS_FORMAT, exportedAt: now.toISOString(), settings }, null, 2) + '\n';
}

export function exportCustomRules(rules: readonly CustomRule[], now = new Date()): string {
  return (
    JSON.stringify({ format: CUSTOM_RULES_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), customRules: rules }, null, 2) +
    '\n'
  );
}

/** Line and column (1-based) of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** JSON.parse with a message that always names line and column (engines word this differently). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // Firefox: "JSON.parse: … at line 3 column 5 of the JSON data"
    const ff = /^JSON\.parse: (.*) at line (\d+) column (\d+)/.exec(msg);
    if (ff) return { ok: false, error: `line ${ff[2]}, column ${ff[3]}: ${ff[1]}` };
    // V8: "… in JSON at position 42 (line 3 column 5)" or just "at position 42".
    const pos = /at position (\d+)/.exec(msg);
    const what = msg.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    if (pos) {
      const { line, column } = lineColumn(text, Number(pos[1]));
      return { ok: false, error: `line ${line}, column ${column}: ${what}` };
    }
    if (/end of JSON input|Unterminated|unexpected end/i.test(msg)) {
      const { line, column } = lineColumn(text, text.length);
      return { ok: false, error: `line ${line}, column ${column}: the file ends too early (${what})` };
    }
    return { ok: false, error: `not valid JSON: ${what}` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read an exported file. Accepts a settings export, a custom-rules export, or a bare settings
 * object. Nothing is written here: the caller applies the result only when ok.
 */
export function parseImport(text: string): ImportResult {
  if (text.trim() === '') return { ok: false, errors: ['the file is empty'] };
  if (text.length > 1_000_000) return { ok: false, errors: [`the file is ${text.length} characters; the limit is 1,000,000`] };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const root = parsed.value;
  if (!isObject(root)) return { ok: false, errors: [`expected a Clearline settings object, got ${describe(root)}`] };

  // Errors name the field and, where the field (or its nearest parent) is in the file, its line.
  const positions = locatePaths(text);
  const where = (path: string, message: string): string => {
    const offset = path ? locate(positions, path) : undefined;
    const line = offset === undefined ? '' : `line ${lineColumn(text, offset).line}: `;
    return `${line}${path ? `${path}: ` : ''}${message}`;
  };

  if (root.format === CUSTOM_RULES_FORMAT) return parseCustomRules(root, where);

  let raw: unknown = root;
  let prefix = '';
  if (root.format !== undefined) {
    if (root.format !== SETTINGS_FORMAT) {
      return {
        ok: false,
        errors: [where('format', `expected "${SETTINGS_FORMAT}" or "${CUSTOM_RULES_FORMAT}", got ${describe(root.format)}`)],
      };
    }
    const extra = Object.keys(root).filter((k) => !['format', 'exportedAt', 'settings'].includes(k));
    if (extra.length) return { ok: false, errors: extra.map((k) => where(k, 'is not a known field')) };
    if (!('settings' in root)) return { ok: false, errors: [where('settings', 'is missing')] };
    raw = root.settings;
    prefix = 'settings';
  }
  const migrated = migrateSettings(raw);
  if (!migrated.ok) {
    const [path, ...rest] = migrated.error.split(': ');
    return { ok: false, errors: [where(prefixed(prefix, path!), rest.join(': '))] };
  }
  const valid = validateSettings(migrated.value);
  if (!valid.ok) {
    const note = migrated.from < SETTINGS_VERSION ? ` (after upgrading the file from version ${migrated.from})` : '';
    return { ok: false, errors: valid.errors.map((e: SchemaError) => where(prefixed(prefix, e.path), e.message) + note) };
  }
  return { ok: true, kind: 'settings', settings: valid.value, fromVersion: migrated.from };
}

function parseCustomRules(root: Record<string, unknown>, where: (path: string, message: string) => string): ImportResult {
  const errors: string[] = [];
  const extra = Object.keys(root).filter((k) => !['format', 'version', 'exportedAt', 'customRules'].includes(k));
  errors.push(...extra.map((k) => where(k, 'is not a known field')));
  if (root.version !== undefined && (typeof root.version !== 'number' || root.version > SETTINGS_VERSION)) {
    errors.push(where('version', `expected a number up to ${SETTINGS_VERSION}, got ${describe(root.version)}`));
  }
  const rules = root.customRules;
  if (!Array.isArray(rules)) return { ok: false, errors: [...errors, where('customRules', `expected a list, got ${describe(rules)}`)] };
  if (rules.length > LIMITS.customRules) errors.push(where('customRules', `has ${rules.length} rules; the limit is ${LIMITS.customRules}`));
  errors.push(...validateCustomRules(rules).map((e) => where(e.path, e.message)));
  return errors.length ? { ok: false, errors } : { ok: true, kind: 'customRules', customRules: rules as CustomRule[] };
}

function prefixed(prefix: string, path: string): string {
  return prefix && path ? `${prefix}.${path}` : prefix || path;
}

/** New id not used in `taken`, e.g. "custom-3". */
export function freshCustomRuleId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`custom-${n}`)) return `custom-${n}`;
}

/**
 * Apply an accepted import to the current settings. A settings file replaces everything except
 * what belongs to this browser: the sites the user granted here and a running pause.
 * A custom-rules file appends its rules, renumbering ids that collide.
 */
export function applyImport(current: Settings, result: Extract<ImportResult, { ok: true }>): Settings {
  if (result.kind === 'settings') {
    return {
      ...structuredClone(result.settings),
      sites: { builtIn: { ...result.settings.sites.builtIn }, added: [...current.sites.added] },
      pausedUntil: current.pausedUntil,
    };
  }
  const next = structuredClone(current);
  // Refused as the options form refuses it: a phrase the user already has.
  const repeats = result.customRules.flatMap((rule, i) => {
    const have = current.customRules.find((r) => sameCustomMatch(r, rule));
    return have ? [`customRules[${i}].match: ${duplicateMessage(`your custom rule "${have.match}"`)}`] : [];
  });
  if (repeats.length) throw new Error(repeats.join('; '));
  for (const rule of result.customRules) {
    const taken = next.customRules.map((r) => r.id);
    next.customRules.push({ ...rule, id: taken.includes(rule.id) ? freshCustomRuleId(taken) : rule.id });
  }
  if (next.customRules.length > LIMITS.customRules) {
    throw new Error(`importing would make ${next.customRules.length} custom rules; the limit is ${LIMITS.customRules}`);
  }
  return next;
}
