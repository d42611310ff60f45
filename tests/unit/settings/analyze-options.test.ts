// Settings → engine options: profession defaults, explicit pack switches, rule overrides, custom rules following their pack.
import { describe, expect, test } from 'vitest';
import { defaultPacksFor } from '@/lib/engine/catalog';
import { PACK_IDS } from '@/lib/engine/types';
import { isPackOn, toAnalyzeOptions } from '@/lib/settings/analyze-options';
import { defaultSettings } from '@/lib/settings/defaults';

describe('toAnalyzeOptions', () => {
  test('with no switches, the packs are the profession’s defaults', () => {
    for (const profession of ['general', 'clinician'] as const) {
      const s = defaultSettings();
      s.policy.profession = profession;
      expect(toAnalyzeOptions(s).packs).toEqual(PACK_IDS.filter((id) => defaultPacksFor(profession).includes(id)));
    }
  });

  test('an explicit switch wins over the profession', () => {
    const s = defaultSettings();
    const someDefault = defaultPacksFor('general')[0]!;
    const someOther = PACK_IDS.find((id) => !defaultPacksFor('general').includes(id))!;
    s.packs = { [someDefault]: false, [someOther]: true };
    const packs = toAnalyzeOptions(s).packs!;
    expect(packs).not.toContain(someDefault);
    expect(packs).toContain(someOther);
    expect(isPackOn(s, someDefault)).toBe(false);
  });

  test('rule overrides become disabledRules and severityOverrides; the policy passes through (the clock defaults to the locale)', () => {
    const s = defaultSettings();
    s.rules = {
      'availability/any-time': { enabled: false },
      'tone/deal-with-it': { severity: 'alert' },
      'personal/pet-names': { enabled: true, severity: 'suggestion' },
    };
    s.policy.workEnd = '17:00';
    const o = toAnalyzeOptions(s);
    expect(o.disabledRules).toEqual(['availability/any-time']);
    expect(o.severityOverrides).toEqual({ 'tone/deal-with-it': 'alert', 'personal/pet-names': 'suggestion' });
    // The policy passes through; a clock the user never chose is the locale's (locale-clock.test.ts).
    expect(o.policy).toEqual({ ...s.policy, clock: o.policy!.clock });
    expect(['12h', '24h']).toContain(o.policy!.clock);
    s.policy.clock = '24h';
    expect(toAnalyzeOptions(s).policy).toEqual(s.policy);
  });

  test('custom rules follow their pack’s switch', () => {
    const s = defaultSettings();
    const base = { isPattern: false, severity: 'warning' as const, message: 'm', suggestion: '' };
    s.customRules = [
      { ...base, id: 'custom-1', match: 'hun', pack: 'personal' },
      { ...base, id: 'custom-2', match: 'whatever', pack: 'tone' },
    ];
    s.packs = { personal: true, tone: false };
    expect(toAnalyzeOptions(s).customRules!.map((r) => r.id)).toEqual(['custom-1']);
  });
});
