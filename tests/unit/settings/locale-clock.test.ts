// Times in rewrites and statements follow the browser's clock until the user picks one (issue 13:
// a 24-hour locale that skipped the welcome page read "9 AM to 6 PM" everywhere).
import { afterEach, describe, expect, test, vi } from 'vitest';
import { analyze } from '@/lib/engine/index';
import { defaultSettings } from '@/lib/settings/defaults';
import { toAnalyzeOptions } from '@/lib/settings/analyze-options';

const DRAFT = 'Sure, call me anytime, even at midnight.';
const firstRewrite = (opts: ReturnType<typeof toAnalyzeOptions>) => analyze(DRAFT, opts).find((f) => f.suggestions.length)?.suggestions[0] ?? '';

describe('the clock of rewrites when the user has not chosen one', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('a 24-hour locale (en-GB, de-DE) reads 24-hour times', () => {
    for (const language of ['en-GB', 'de-DE']) {
      vi.stubGlobal('navigator', { language });
      const s = defaultSettings();
      expect(s.policy.clock).toBeUndefined();
      const out = firstRewrite(toAnalyzeOptions(s));
      expect(out, language).toMatch(/\b9:00\b.*\b18:00\b/);
      expect(out, language).not.toMatch(/\bAM\b|\bPM\b/);
    }
  });

  test('a 12-hour locale (en-US) reads 12-hour times', () => {
    vi.stubGlobal('navigator', { language: 'en-US' });
    expect(firstRewrite(toAnalyzeOptions(defaultSettings()))).toMatch(/\b9 AM\b.*\b6 PM\b/);
  });

  test('a clock the user chose wins over the locale', () => {
    vi.stubGlobal('navigator', { language: 'en-GB' });
    const s = defaultSettings();
    s.policy.clock = '12h';
    expect(firstRewrite(toAnalyzeOptions(s))).toMatch(/\bPM\b/);
  });
});
