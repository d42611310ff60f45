// Import and export: round trips, JSON syntax errors with line and column, schema errors with field paths, all or nothing.
import { describe, expect, test } from 'vitest';
import { defaultSettings } from '@/lib/settings/defaults';
import {
  applyImport,
  exportCustomRules,
  exportSettings,
  parseImport,
  parseJson,
} from '@/lib/settings/import-export';
import type { Settings } from '@/lib/settings/types';

const rule: Settings['customRules'][number] = {
  id: 'custom-1',
  match: 'hun',
  isPattern: false,
  pack: 'personal',
  severity: 'warning',
  message: 'Endearment in a client message',
  suggestion: '',
};

function customised(): Settings {
  const s = defaultSettings();
  s.packs = { tone: false };
  s.policy.workEnd = '17:00';
  s.customRules = [{ ...rule }];
  return s;
}

describe('export then import', () => {
  test('a settings file round-trips', () => {
    const s = customised();
    const result = parseImport(exportSettings(s));
    expect(result).toEqual({ ok: true, kind: 'settings', settings: s, fromVersion: 3 });
  });

  test('a custom-rules file round-trips', () => {
    expect(parseImport(exportCustomRules([rule]))).toEqual({ ok: true, kind: 'customRules', customRules: [rule] });
  });

  test('a bare v1 settings object is upgraded on import', () => {
    const v1 = {
      version: 1,
      profession: 'clinician',
      packs: {},
      rules: {},
      policy: { days: [1, 2, 3], hours: { start: '10:00', end: '15:00' }, timeZone: 'local', responseTime: 'within a day', urgentChannel: 'the clinic line' },
      customRules: [],
      sites: { builtIn: { gmail: true, linkedin: true, outlook: true }, added: [] },
      pausedUntil: 0,
    };
    const result = parseImport(JSON.stringify(v1));
    expect(result.ok && result.kind === 'settings' && result.settings.policy).toMatchObject({ profession: 'clinician', workStart: '10:00', workEnd: '15:00' });
    expect(result.ok && result.kind === 'settings' && result.fromVersion).toBe(1);
  });
});

describe('JSON syntax errors name line and column', () => {
  test('a missing comma', () => {
    const text = '{\n  "format": "clearline-settings"\n  "settings": {}\n}';
    expect(parseImport(text)).toEqual({ ok: false, errors: [expect.stringMatching(/^line 3, column 3: /)] });
  });

  test('a trailing comma', () => {
    const text = '{\n  "version": 2,\n}';
    expect(parseImport(text)).toEqual({ ok: false, errors: [expect.stringMatching(/^line 3, column 1: /)] });
  });

  test('a truncated file', () => {
    const r = parseJson('{\n  "version": 2,\n  "packs": {');
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^line 3, column 13: /) });
  });
});

describe('bad files are refused with every problem named', () => {
  test('schema errors carry the field path and the line it is on', () => {
    const s = customised() as any;
    s.policy.workStart = '25:00';
    s.customRules[0].match = '(?<=not )available';
    s.customRules[0].isPattern = true;
    const text = exportSettings(s);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(lineOf('"workStart"')).toBeGreaterThan(5);
    expect(parseImport(text)).toEqual({
      ok: false,
      errors: [
        `line ${lineOf('"workStart"')}: settings.policy.workStart: expected "HH:MM" (24-hour), got "25:00"`,
        `line ${lineOf('"match"')}: settings.customRules[0].match: pattern refused: not a valid pattern: lookbehind "(?<=…)" is not supported: custom patterns run in a matcher that never backtracks, and it has no lookaround`,
      ],
    });
  });

  test('a missing field points at the line of the object that lacks it', () => {
    const text = '{\n  "format": "clearline-settings",\n  "settings": {\n    "version": 3,\n    "policy": {\n      "workStart": "09:00"\n    }\n  }\n}';
    const r = parseImport(text);
    expect(r.ok ? [] : r.errors).toContain('line 5: settings.policy.workEnd: is missing');
    expect(r.ok ? [] : r.errors).toContain('line 3: settings.packs: is missing');
  });

  test.each<[string, string]>([
    ['', 'the file is empty'],
    ['[1, 2]', 'expected a Clearline settings object, got a list'],
    ['{"format": "other-app"}', 'line 1: format: expected "clearline-settings" or "clearline-custom-rules", got "other-app"'],
    ['{"format": "clearline-settings"}', 'line 1: settings: is missing'],
    ['{"format": "clearline-settings", "settings": {}, "x": 1}', 'line 1: x: is not a known field'],
    ['{"format": "clearline-custom-rules", "customRules": [{"id": "custom-1"}]}', 'line 1: customRules[0].match: is missing'],
  ])('%j', (text, first) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toBe(first);
  });

  test('errors in an upgraded file say so, and point at the section that held the old field', () => {
    const text = '{\n  "version": 1,\n  "policy": {\n    "hours": { "start": "9", "end": "17:00" }\n  }\n}';
    const r = parseImport(text);
    expect(r.ok ? [] : r.errors).toContain('line 3: policy.workStart: expected "HH:MM" (24-hour), got "9" (after upgrading the file from version 1)');
  });
});

describe('applyImport', () => {
  test('a settings file replaces settings but keeps this browser’s sites and pause', () => {
    const current = defaultSettings();
    current.sites.added = ['https://app.example.com'];
    current.pausedUntil = 123;
    const imported = customised();
    imported.sites.added = ['https://other.example'];
    imported.sites.builtIn.linkedin = false;
    const next = applyImport(current, { ok: true, kind: 'settings', settings: imported, fromVersion: 3 });
    expect(next.policy.workEnd).toBe('17:00');
    expect(next.customRules).toEqual([rule]);
    expect(next.sites).toEqual({ builtIn: { gmail: true, linkedin: false, outlook: true }, added: ['https://app.example.com'] });
    expect(next.pausedUntil).toBe(123);
  });

  test('a custom-rules file appends, renumbering colliding ids', () => {
    const current = customised();
    const next = applyImport(current, { ok: true, kind: 'customRules', customRules: [{ ...rule, match: 'babe' }] });
    expect(next.customRules.map((r) => [r.id, r.match])).toEqual([
      ['custom-1', 'hun'],
      ['custom-2', 'babe'],
    ]);
    expect(current.customRules).toHaveLength(1);
  });
});

describe('custom rules the options form refuses are refused on import too', () => {
  const customFile = (rules: object[]) => JSON.stringify({ format: 'clearline-custom-rules', version: 2, customRules: rules });

  test('a single-character phrase or pattern, with the reason', () => {
    const r = parseImport(customFile([{ ...rule, match: 'x' }, { ...rule, id: 'custom-2', match: '.', isPattern: true }]));
    expect(r).toEqual({
      ok: false,
      errors: [
        'line 1: customRules[0].match: "x" is a single character, so it would flag almost every draft; use a word or a phrase',
        'line 1: customRules[1].match: pattern refused: the pattern can match a single character (such as "a"), so it would flag almost every draft; make every match at least two characters long',
      ],
    });
  });

  test('the same phrase twice (in any case) in a custom-rules file', () => {
    const rules = Array.from({ length: 200 }, (_, i) => ({ ...rule, id: `custom-${i + 1}`, match: i % 2 ? 'HUN' : 'hun' }));
    const r = parseImport(customFile(rules));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(199);
      expect(r.errors[0]).toBe('line 1: customRules[1].match: repeats custom rule 1 ("hun"); each phrase or pattern can be listed once');
    }
  });

  test('the same phrase twice in a settings file', () => {
    const s = customised();
    s.customRules.push({ ...rule, id: 'custom-2', match: ' Hun ' });
    const r = parseImport(exportSettings(s));
    expect(r.ok ? [] : r.errors.map((e) => e.replace(/^line \d+: /, ''))).toEqual([
      'settings.customRules[1].match: repeats custom rule 1 ("hun"); each phrase or pattern can be listed once',
    ]);
  });

  test('appending a phrase the user already has is refused and changes nothing', () => {
    const current = customised();
    const result = parseImport(exportCustomRules([{ ...rule, id: 'custom-7', match: 'HUN' }]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(() => applyImport(current, result)).toThrow('customRules[0].match: repeats your custom rule "hun"; each phrase or pattern can be listed once');
    expect(current.customRules).toEqual([rule]);
  });

  test('a phrase and a pattern with the same text are different rules', () => {
    const r = parseImport(customFile([rule, { ...rule, id: 'custom-2', isPattern: true }]));
    expect(r.ok).toBe(true);
  });
});
