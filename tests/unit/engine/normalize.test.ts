// The analysis copy: curly quotes, odd spaces and dashes become plain ones, one unit for one unit,
// so offsets found in the copy are offsets in the user's draft.
import { describe, expect, test } from 'vitest';
import { normalize } from '../../../lib/engine/normalize';

describe('normalize', () => {
  test('straightens quotes, spaces, dashes and tabs without changing the length', () => {
    const draft = '\u201CI\u2019m free\u201D\u00A0\u2013 call\tme\u2026 `ok\u00B4 \u00ABsi\u00BB\r\n';
    const out = normalize(draft);
    expect(out).toBe('"I\'m free" - call me. \'ok\' "si" \n');
    expect(out.length).toBe(draft.length);
  });
  test('leaves plain text, emoji and other scripts as they are', () => {
    for (const text of ['Plain ASCII, nothing to do: 9:30 pm.', 'Emoji 👍🏽 and 👨‍👩‍👧 stay.', 'שלום, call me anytime', 'naïve café']) {
      expect(normalize(text)).toBe(text);
    }
  });
});
