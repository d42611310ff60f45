// The settings validator: each kind of mistake is reported with its field path and what was found.
import { describe, expect, test } from 'vitest';
import { defaultSettings } from '@/lib/settings/defaults';
import { formatError, normalizeOrigin, validateCustomRule, validateSettings } from '@/lib/settings/schema';
import type { Settings } from '@/lib/settings/types';

function errorsOf(mutate: (s: any) => void): string[] {
  const s = defaultSettings() as any;
  mutate(s);
  const r = validateSettings(s);
  return r.ok ? [] : r.errors.map(formatError);
}

const rule = {
  id: 'custom-1',
  match: 'hun',
  isPattern: false,
  pack: 'personal',
  severity: 'warning',
  message: 'Endearment',
  suggestion: '',
};

describe('validateSettings reports', () => {
  test.each<[string, (s: any) => void, string]>([
    ['an impossible time', (s) => (s.policy.workStart = '25:00'), 'policy.workStart: expected "HH:MM" (24-hour), got "25:00"'],
    ['a 12-hour time', (s) => (s.policy.workEnd = '6pm'), 'policy.workEnd: expected "HH:MM" (24-hour), got "6pm"'],
    ['an end before the start', (s) => (s.policy.workEnd = '08:00'), 'policy.workEnd: must be later than the start of the working day (09:00), got "08:00"'],
    ['a day out of range', (s) => (s.policy.workDays = [1, 7]), 'policy.workDays[1]: expected a day number 0–6 (0 = Sunday), got number 7'],
    ['a repeated day', (s) => (s.policy.workDays = [1, 1]), 'policy.workDays[1]: day 1 is listed twice'],
    ['no working day', (s) => (s.policy.workDays = []), 'policy.workDays: must include at least one working day'],
    ['an unknown time zone', (s) => (s.policy.timeZone = 'Mars/Olympus'), 'policy.timeZone: "Mars/Olympus" is not a known time zone; use an IANA name such as "Europe/London" or "local"'],
    ['an unknown profession', (s) => (s.policy.profession = 'pilot'), 'policy.profession: expected one of "general", "freelancer", "clinician", "coach", "account-manager", got "pilot"'],
    ['an empty response time', (s) => (s.policy.responseTime = '  '), 'policy.responseTime: must not be empty'],
    ['an unknown pack', (s) => (s.packs.gossip = true), 'packs.gossip: is not a known field'],
    ['a pack switch that is not boolean', (s) => (s.packs.tone = 'yes'), 'packs.tone: expected true or false, got "yes"'],
    ['a malformed rule id', (s) => (s.rules['tone'] = { enabled: false }), 'rules["tone"]: expected a rule id "<pack>/<rule>" with a known pack (availability, personal, confidentiality, assertiveness, scope, tone)'],
    ['a bad rule severity', (s) => (s.rules['tone/deal-with-it'] = { severity: 'error' }), 'rules["tone/deal-with-it"].severity: expected one of "suggestion", "warning", "alert", got "error"'],
    ['a custom pattern matching one character', (s) => s.customRules.push({ ...rule, match: '(a+)+', isPattern: true }), 'customRules[0].match: pattern refused: the pattern can match a single character (such as "a"), so it would flag almost every draft; make every match at least two characters long'],
    ['a custom pattern with a backreference', (s) => s.customRules.push({ ...rule, match: '(ab)\\1', isPattern: true }), 'customRules[0].match: pattern refused: not a valid pattern: backreference "\\1" is not supported: custom patterns run in a matcher that never backtracks, and it cannot refer back to a group'],
    ['a single-character custom phrase', (s) => s.customRules.push({ ...rule, match: ' x ' }), 'customRules[0].match: "x" is a single character, so it would flag almost every draft; use a word or a phrase'],
    ['the same custom phrase twice', (s) => s.customRules.push(rule, { ...rule, id: 'custom-2', match: rule.match.toUpperCase() }), `customRules[1].match: repeats custom rule 1 ("${rule.match}"); each phrase or pattern can be listed once`],
    ['a turned-off rule with an unknown pack', (s) => (s.rules['nope/custom-1'] = { enabled: false }), 'rules["nope/custom-1"]: expected a rule id "<pack>/<rule>" with a known pack (availability, personal, confidentiality, assertiveness, scope, tone)'],
    ['a duplicate custom rule id', (s) => s.customRules.push(rule, { ...rule, match: 'another phrase' }), 'customRules[1].id: "custom-1" is used by an earlier rule'],
    ['a custom rule without message', (s) => s.customRules.push({ ...rule, message: '' }), 'customRules[0].message: must not be empty'],
    ['a custom rule missing a field', (s) => { const { pack, ...r } = rule; s.customRules.push(r); }, 'customRules[0].pack: is missing'],
    ['an origin with a path', (s) => s.sites.added.push('https://a.example/inbox'), 'sites.added[0]: expected an origin like "https://app.example.com" (no path or trailing slash), got "https://a.example/inbox"'],
    ['a missing built-in site', (s) => delete s.sites.builtIn.outlook, 'sites.builtIn.outlook: is missing'],
    ['a negative pause', (s) => (s.pausedUntil = -1), 'pausedUntil: expected a time in milliseconds (0 = not paused), got number -1'],
    ['an unknown top-level field', (s) => (s.theme = 'dark'), 'theme: is not a known field'],
    ['a wrong version', (s) => (s.version = 1), 'version: expected 3, got number 1'],
  ])('%s', (_name, mutate, expected) => {
    expect(errorsOf(mutate)).toEqual([expected]);
  });

  test('every problem at once, not just the first', () => {
    const errors = errorsOf((s) => {
      s.policy.workStart = '9';
      s.pausedUntil = 'soon';
      s.customRules = {};
    });
    expect(errors).toEqual([
      'policy.workStart: expected "HH:MM" (24-hour), got "9"',
      'customRules: expected a list, got an object',
      'pausedUntil: expected a time in milliseconds (0 = not paused), got "soon"',
    ]);
  });
});

describe('validateSettings accepts', () => {
  test('a fully customised object', () => {
    const s: Settings = defaultSettings();
    s.packs = { confidentiality: true, tone: false };
    s.rules = { 'availability/any-time': { enabled: false }, 'tone/deal-with-it': { severity: 'alert' } };
    s.policy = { ...s.policy, profession: 'clinician', workDays: [0, 6], workStart: '07:30', workEnd: '23:59', timeZone: 'Europe/London', giftsLine: '' };
    s.customRules = [{ ...rule, severity: 'alert' } as Settings['customRules'][number], { ...rule, id: 'custom-2', isPattern: true, match: 'see you (at|on) \\w+' } as Settings['customRules'][number]];
    s.sites.added = ['https://app.example.com', 'http://localhost:8080'];
    expect(validateSettings(s).ok).toBe(true);
  });
});

describe('validateCustomRule', () => {
  test('names the field under the given path', () => {
    const r = validateCustomRule({ ...rule, severity: 'loud', pack: 'x' }, 'new');
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([
      'new.pack: expected one of "availability", "personal", "confidentiality", "assertiveness", "scope", "tone", got "x"',
      'new.severity: expected one of "suggestion", "warning", "alert", got "loud"',
    ]);
  });
});

describe('normalizeOrigin', () => {
  test.each([
    ['app.example.com', 'https://app.example.com'],
    ['https://app.example.com/inbox?x=1', 'https://app.example.com'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['ftp://files.example', null],
    ['not a url at all', null],
    ['https://not%20a%20site', null],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeOrigin(input)).toBe(expected);
  });
});
