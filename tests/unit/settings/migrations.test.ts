// Migrations: a v1 object becomes a valid current one with nothing lost; newer or broken versions are refused.
import { describe, expect, test } from 'vitest';
import { defaultSettings, SETTINGS_VERSION } from '@/lib/settings/defaults';
import { migrateSettings, MIGRATIONS, RULE_RENAMES } from '@/lib/settings/migrations';
import { findRule } from '@/lib/engine/catalog';
import { validateSettings } from '@/lib/settings/schema';

/** What a 0.0.x preview stored: profession at the top, hours as policy.days + policy.hours. */
function v1Settings() {
  return {
    version: 1,
    profession: 'coach',
    packs: { tone: false },
    rules: { 'availability/call-me-anytime': { enabled: false } },
    policy: {
      days: [1, 2, 3, 4],
      hours: { start: '08:30', end: '16:00' },
      timeZone: 'Europe/Dublin',
      responseTime: 'within two business days',
      urgentChannel: 'a text to my work phone',
    },
    customRules: [],
    sites: { builtIn: { gmail: true, linkedin: false, outlook: true }, added: [] },
    pausedUntil: 0,
  };
}

describe('migrateSettings', () => {
  test('has one step for every version after 1', () => {
    for (let v = 2; v <= SETTINGS_VERSION; v++) expect(MIGRATIONS[v], `migration to v${v}`).toBeTypeOf('function');
  });

  test('v1 → current moves profession into the policy and renames days/hours, keeping every value', () => {
    const result = migrateSettings(v1Settings());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.from).toBe(1);
    expect(result.value.policy).toEqual({
      profession: 'coach',
      workDays: [1, 2, 3, 4],
      workStart: '08:30',
      workEnd: '16:00',
      timeZone: 'Europe/Dublin',
      responseTime: 'within two business days',
      urgentChannel: 'a text to my work phone',
    });
    expect(result.value).not.toHaveProperty('profession');
    expect(result.value.packs).toEqual({ tone: false });
    expect(result.value.sites).toEqual(v1Settings().sites);
    expect(result.value.rules).toEqual({ 'availability/any-time': { enabled: false } });
    expect(validateSettings(result.value).ok).toBe(true);
  });

  test('v2 → v3 moves switches and severities from old rule ids to the intents that took over their wording', () => {
    const v2 = {
      ...defaultSettings(),
      version: 2,
      rules: {
        'availability/call-me-anytime': { enabled: false },
        'personal/kiss-emoji': { severity: 'suggestion' },
        'personal/more-than-a-client': { severity: 'alert' },
        'personal/favourite-client': { enabled: false },
        'tone/insult': { severity: 'alert' },
        'scope/free-extra-work': {},
      },
    };
    const result = migrateSettings(v2);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rules).toEqual({
      'availability/any-time': { enabled: false },
      'personal/endearment': { severity: 'suggestion' },
      // Two old rules on one intent: off because one of them was off, the chosen severity kept.
      'personal/friendship': { enabled: false, severity: 'alert' },
      // Unchanged ids stay; an old entry with nothing set leaves nothing behind.
      'tone/insult': { severity: 'alert' },
    });
    expect(validateSettings(result.value).ok).toBe(true);
  });

  test('a setting already made on the intent wins over a renamed one', () => {
    const result = migrateSettings({ ...defaultSettings(), version: 2, rules: { 'tone/command': { severity: 'alert' }, 'tone/hostile-command': { enabled: false } } });
    expect(result.ok && result.value.rules).toEqual({ 'tone/command': { severity: 'alert' } });
  });

  test('every renamed rule points at an intent that exists', () => {
    for (const [from, to] of Object.entries(RULE_RENAMES)) {
      expect(findRule(to), `${from} → ${to}`).toBeDefined();
      expect(findRule(from), `${from} is gone`).toBeUndefined();
    }
  });

  test('an object without a version is treated as v1', () => {
    const { version, ...unversioned } = v1Settings();
    const result = migrateSettings(unversioned);
    expect(result.ok && result.from).toBe(1);
    expect(result.ok && validateSettings(result.value).ok).toBe(true);
  });

  test('current settings pass through unchanged', () => {
    const s = defaultSettings();
    expect(migrateSettings(s)).toEqual({ ok: true, value: s, from: SETTINGS_VERSION });
  });

  test('does not modify its input', () => {
    const input = v1Settings();
    migrateSettings(input);
    expect(input).toEqual(v1Settings());
  });

  test.each([
    [{ ...defaultSettings(), version: 99 }, `version: these settings come from a newer Clearline (version 99); this one reads up to version ${SETTINGS_VERSION}`],
    [{ ...defaultSettings(), version: '2' }, `version: expected a whole number from 1 to ${SETTINGS_VERSION}, got "2"`],
    [{ ...defaultSettings(), version: 0 }, `version: expected a whole number from 1 to ${SETTINGS_VERSION}, got 0`],
    [[1, 2], 'settings: expected an object, got a list'],
  ])('refuses %j', (input, error) => {
    expect(migrateSettings(input)).toEqual({ ok: false, error });
  });
});
