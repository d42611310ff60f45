// Context: words that look like an offer but are not the writer's own (quoted or reported
// speech, someone else's service, a logistics fact, the writer's own boundary statement).
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../lib/engine/index';
import { notBoundary, notLogistics, notOthersService, notQuoted, notReported } from '../../../lib/engine/conditions/context';
import type { Condition } from '../../../lib/engine/conditions/types';
import { NlpCache } from '../../../lib/engine/nlp';
import { DEFAULT_POLICY } from '../../../lib/engine/types';

/** Runs a condition on the first occurrence of `match` in a one-sentence draft. */
function holds(condition: Condition, sentence: string, match: string): boolean {
  const start = sentence.indexOf(match);
  if (start < 0) throw new Error(`"${match}" not in "${sentence}"`);
  return condition({ norm: sentence, sentence: { start: 0, end: sentence.length }, match: { start, end: start + match.length }, policy: DEFAULT_POLICY, nlp: new NlpCache() });
}
const packsOf = (text: string) => analyze(text, { minSeverity: 'warning' }).filter((f) => f.kind === 'span').map((f) => `${f.pack}/${f.rule}`);

describe('quoted text', () => {
  test('a quotation is not the writer speaking', () => {
    expect(holds(notQuoted, 'You wrote "call me anytime" in your last email.', 'call me anytime')).toBe(false);
    expect(holds(notQuoted, "Your note said 'call me anytime' and I smiled.", 'call me anytime')).toBe(false);
  });
  test('apostrophes and text after a closed quote still count', () => {
    expect(holds(notQuoted, "I'm around, so don't hesitate: call me anytime.", 'call me anytime')).toBe(true);
    expect(holds(notQuoted, 'You said "thanks", so call me anytime.', 'call me anytime')).toBe(true);
  });
  test('in a draft', () => {
    expect(packsOf('She wrote "love you!" on the card, which was sweet.')).toEqual([]);
    expect(packsOf('Love you!')).toEqual(['personal/affection']);
  });
});

describe('reported speech', () => {
  test('someone else said it', () => {
    expect(holds(notReported, 'My client said call me anytime, which I found odd.', 'call me anytime')).toBe(false);
    expect(holds(notReported, 'She told me she could text me whenever she liked.', 'text me whenever')).toBe(false);
    expect(holds(notReported, 'My old boss kept saying call me anytime.', 'call me anytime')).toBe(false);
  });
  test('the writer taking over after the report is an offer again', () => {
    expect(holds(notReported, 'You asked about weekends, and I said call me anytime.', 'call me anytime')).toBe(true);
    expect(holds(notReported, 'Call me anytime.', 'Call me anytime')).toBe(true);
  });
  test('in a draft', () => {
    expect(packsOf('My client said call me anytime, so I explained my hours.')).toEqual([]);
  });
});

describe("someone else's service", () => {
  test('a desk, line or team on all hours is not the writer', () => {
    expect(holds(notOthersService, 'Our 24/7 help desk can reset it for you.', '24/7')).toBe(false);
    expect(holds(notOthersService, 'Call the crisis line anytime on 988.', 'Call the crisis line anytime')).toBe(false);
  });
  test('the writer in the match still offers', () => {
    expect(holds(notOthersService, 'Call me anytime, or the help desk.', 'Call me anytime')).toBe(true);
  });
  test('in a draft', () => {
    expect(packsOf('Our support team is available 24/7 on the portal.')).toEqual([]);
    expect(packsOf('Call me anytime, even at midnight.')).toContain('availability/any-time');
  });
});

describe('logistics facts', () => {
  test("an event's or venue's time is not an offer", () => {
    expect(holds(notLogistics, 'The gallery opens Saturday at 7pm.', 'Saturday at 7pm')).toBe(false);
    expect(holds(notLogistics, 'My flight lands at 11pm on Sunday.', 'at 11pm')).toBe(false);
  });
  test('the writer offering in the same clause still counts', () => {
    expect(holds(notLogistics, 'We can meet Saturday at 7pm.', 'Saturday at 7pm')).toBe(true);
    expect(holds(notLogistics, 'The office closes at 6 but I can stay until 9pm.', '9pm')).toBe(true);
  });
  test('in a draft', () => {
    expect(packsOf('The gallery opens Saturday at 7pm, hope to see you at the preview.')).toEqual([]);
    expect(packsOf('Sure, let\'s talk Saturday at 9pm.')).toContain('availability/after-hours-offer');
  });
});

describe("the professional's own boundary statement", () => {
  test('stating hours or what you do not do is not an offer', () => {
    expect(holds(notBoundary, "I don't take calls after 6pm, but email me any time.", 'email me any time')).toBe(false);
    expect(holds(notBoundary, 'I work Monday to Friday, 9 to 5, so weekends are quiet.', 'weekends')).toBe(false);
    expect(holds(notBoundary, 'Please don\'t text me at night.', 'at night')).toBe(false);
  });
  test('an offer without a limit is not a boundary', () => {
    expect(holds(notBoundary, 'Text me anytime, day or night.', 'Text me anytime')).toBe(true);
  });
  test('in a draft, and boundary statements are never flagged personal', () => {
    expect(packsOf("I don't take calls after 6pm, but email me any time and I'll reply the next working day.")).toEqual([]);
    expect(packsOf("I care about how this goes for you, and I keep our contact to sessions and this email.")).toEqual([]);
    expect(packsOf("I'm not able to be your friend outside our sessions, but I'm glad we work well together.")).toEqual([]);
  });
});
