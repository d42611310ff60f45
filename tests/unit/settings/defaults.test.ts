// Defaults: valid against the schema, the documented policy, and a fresh copy every call.
import { describe, expect, test } from 'vitest';
import { defaultSettings, SETTINGS_VERSION } from '@/lib/settings/defaults';
import { validateSettings } from '@/lib/settings/schema';

describe('defaultSettings', () => {
  test('passes the schema at the current version', () => {
    const s = defaultSettings();
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(validateSettings(s)).toEqual({ ok: true, value: s });
  });

  test('keeps Mon–Fri 09:00–18:00, a one-business-day reply and the general profession', () => {
    const { policy } = defaultSettings();
    expect(policy).toMatchObject({
      profession: 'general',
      workDays: [1, 2, 3, 4, 5],
      workStart: '09:00',
      workEnd: '18:00',
      responseTime: 'within one business day',
    });
  });

  test('turns Gmail, LinkedIn and Outlook on, adds no other site and is not paused', () => {
    const s = defaultSettings();
    expect(s.sites).toEqual({ builtIn: { gmail: true, linkedin: true, outlook: true }, added: [] });
    expect(s.pausedUntil).toBe(0);
  });

  test('returns an independent object each call', () => {
    const a = defaultSettings();
    a.policy.workDays.push(6);
    a.sites.added.push('https://x.example');
    expect(defaultSettings().policy.workDays).toEqual([1, 2, 3, 4, 5]);
    expect(defaultSettings().sites.added).toEqual([]);
  });
});
