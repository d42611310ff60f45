// Engine behaviour a user would notice: what is flagged, where, and what is left alone.
import { describe, expect, test } from 'vitest';
import { analyze, applySuggestion, detect, EngineInputError, MAX_TEXT_LENGTH } from '../../../lib/engine/index';
import { sentences } from '../../../lib/engine/segment';

const rules = (text: string, opts = {}) => analyze(text, opts).map((f) => `${f.pack}/${f.rule}`);
const flagged = (text: string) => analyze(text).map((f) => text.slice(f.start, f.end));

describe('edge cases of the input', () => {
  test('empty and whitespace-only drafts have no findings', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze('   \n\n\t ')).toEqual([]);
  });

  test('a 100,000-character draft is analysed and offsets stay inside it', () => {
    const para = 'Thanks for the notes on the quarterly plan; the numbers look right to me. ';
    let text = '';
    while (text.length < 99_900) text += para;
    text += '\n\nCall me anytime, even at midnight.';
    text = text.padEnd(100_000, ' ');
    expect(text.length).toBe(100_000);
    const found = analyze(text);
    const span = found.find((f) => f.rule === 'any-time')!;
    expect(text.slice(span.start, span.end)).toBe('Call me anytime, even at midnight.');
  });

  test('a draft over the limit is refused with a clear error', () => {
    expect(() => analyze('a'.repeat(MAX_TEXT_LENGTH + 1))).toThrow(EngineInputError);
    expect(() => analyze('a'.repeat(MAX_TEXT_LENGTH + 1))).toThrow(/200,000 characters/);
  });

  test('emoji and skin-tone sequences before a span keep offsets exact', () => {
    const text = '👍🏽 👨‍👩‍👧 🇫🇷 Cheers babe, see you Monday.';
    const f = detect(text).find((x) => x.rule === 'endearment')!;
    expect(text.slice(f.start, f.end)).toBe('Cheers babe');
    // The card for the sentence still points at the same words.
    const card = analyze(text).find((x) => x.rule === 'endearment')!;
    expect(text.slice(card.focus!.start, card.focus!.end)).toBe('Cheers babe');
  });

  test('a kiss emoji with a skin tone or variation selector is flagged whole', () => {
    const text = 'Loved it ❤️';
    const f = detect(text).find((x) => x.rule === 'endearment')!;
    expect(text.slice(f.start, f.end)).toBe(' ❤️');
    expect(applySuggestion(text, analyze(text).find((x) => x.rule === 'endearment')!)).toBe('Loved it.');
  });

  test('right-to-left text is analysed without errors and mixed lines still flag', () => {
    expect(analyze('שלום, אני זמין מחר בבוקר. مرحبا بك')).toEqual([]);
    expect(rules('שלום! Call me anytime.')).toContain('availability/any-time');
  });

  test('curly quotes and apostrophes match like straight ones', () => {
    expect(rules('I’m a night owl, so don’t worry about texting late.')).toContain('availability/late-contact-ok');
    expect(rules('You’ve become like family to me, honestly.')).toContain('personal/friendship');
  });

  test('non-breaking spaces, repeated spaces and line breaks inside a phrase still match', () => {
    expect(rules('Call\u00A0me   anytime.')).toContain('availability/any-time');
    expect(rules('Feel free to call me\nanytime about it.')).toContain('availability/any-time');
  });
});

describe('plain-text mail conventions', () => {
  test('lines quoted with ">" are not analysed', () => {
    const text = 'Thanks, noted.\n\n> Call me anytime, even at midnight.\n> Love you!';
    expect(analyze(text)).toEqual([]);
  });

  test('everything after a "-- " signature line is ignored', () => {
    const text = 'See you Tuesday.\n-- \nSam Reed\nAvailable 24/7 — call me anytime!';
    expect(analyze(text)).toEqual([]);
  });

  test('the signature does not hide findings above it', () => {
    const text = 'Call me anytime.\n-- \nSam';
    expect(rules(text)).toContain('availability/any-time');
  });
});

describe('sentence ends', () => {
  const split = (text: string) => sentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
  test('a time written "3pm." ends its sentence even when the next starts in lower case', () => {
    // One sentence would make a card (and its rewrite) swallow the booking before it.
    expect(split("Your infill's booked for Weds 3pm. omg you looked stunning")).toEqual(["Your infill's booked for Weds 3pm.", 'omg you looked stunning']);
  });
  test('a kiss before a capital ends its sentence, so the urgent route after it is a sentence of its own', () => {
    expect(split('Talk it through with me on WhatsApp x If you feel unsafe, call 999.')).toEqual(['Talk it through with me on WhatsApp x', 'If you feel unsafe, call 999.']);
    expect(split('Best wishes, Jo x')).toEqual(['Best wishes, Jo x']);
  });
  test('an emoji after the mark stays with its sentence; a trailing-off dot before "but" carries on', () => {
    expect(split('See you tonight, just us two? 😉 Check-out is at 11.')).toEqual(['See you tonight, just us two? 😉', 'Check-out is at 11.']);
    expect(split('I know I said 24 hours. but honestly forget it.')).toEqual(['I know I said 24 hours. but honestly forget it.']);
  });
  test('"9 a.m. on Sunday" and "Mrs. Rossi" stay one sentence', () => {
    expect(split('We open at 9 a.m. on Sunday. Thanks.')).toEqual(['We open at 9 a.m. on Sunday.', 'Thanks.']);
    expect(split('Dear Mrs. Rossi, thanks.')).toEqual(['Dear Mrs. Rossi, thanks.']);
  });
});

describe('grammar decides', () => {
  test.each([
    ["I won't be available after 6, but I'll reply first thing Monday."],
    ["I'm not available on Saturday, so let's talk Monday."],
    ['We met on Sunday evening at the fair.'],
    ['The deck looks stunning.'],
    ['Sorry I missed you at the office today.'],
    ['Does the package include unlimited revisions?'],
  ])('does not flag %j', (text) => {
    expect(analyze(text).filter((f) => f.severity !== 'suggestion')).toEqual([]);
  });

  test.each([
    ["Don't hesitate to call me anytime."],
    ['You look stunning in the new headshot.'],
    ['Missing you already!'],
    ['Sure, tonight at 11 works for me.'],
    ['Happy to talk Sunday morning.'],
    ['You get unlimited revisions.'],
  ])('flags %j', (text) => {
    expect(analyze(text).filter((f) => f.severity !== 'suggestion').length).toBeGreaterThan(0);
  });
});

describe('assertiveness is about stacking, not single words', () => {
  test.each(['Sorry for the delay, the file is attached.', 'I think Tuesday works.', 'I just sent the invoice.', 'Apologies, I need to move our call to 3 PM.'])(
    'one polite apology or hedge is never a warning: %j',
    (text) => {
      expect(analyze(text).filter((f) => f.severity !== 'suggestion')).toEqual([]);
    },
  );

  test('stacked apologies and hedges are a warning with a clearer rewrite', () => {
    const text = "I'm so sorry, I guess maybe I can't do weekend calls, if that's okay? Sorry!";
    const f = analyze(text).find((x) => x.rule === 'stacked-apology')!;
    expect(f.severity).toBe('warning');
    expect(f.suggestions[0]).toBe("I can't do weekend calls.");
    // A rewrite that drops the request itself ("Thank you for understanding.") is never offered.
    const hedged = analyze("I'm so sorry, maybe we could kind of skip Sunday calls, if that's okay? Sorry!")[0]!;
    expect(hedged.rule).toBe('stacked-apology');
    for (const s of hedged.suggestions) expect(s).toMatch(/skip Sunday calls/i);
  });
});

describe('policy', () => {
  test('the same time is judged against the user’s own hours', () => {
    const text = "Let's talk Saturday at 9pm.";
    expect(rules(text)).toContain('availability/after-hours-offer');
    const late = { policy: { workDays: [1, 2, 3, 4, 5, 6], workStart: '10:00', workEnd: '22:00' } };
    expect(rules(text, late)).not.toContain('availability/after-hours-offer');
  });

  test('rewrites quote the user’s hours and response time', () => {
    const text = 'Call me anytime.';
    const opts = { policy: { workDays: [1, 2, 3, 4], workStart: '08:30', workEnd: '17:00', responseTime: 'within two business days' } };
    const f = analyze(text, opts).find((x) => x.rule === 'any-time')!;
    // The time phrase is replaced whole by the user's own days and hours.
    expect(f.suggestions[0]).toBe('Call me Monday to Thursday, between 8:30 AM and 5 PM.');
    const missing = analyze(text, opts).find((x) => x.kind === 'missing')!;
    expect(missing.suggestions[0]).toContain('within two business days');
  });
});

describe('missing boundary statements', () => {
  test('inserted at the end of the body, before the sign-off', () => {
    const text = 'Sure, Sunday evening works for the call.\n\nThanks,\nAlex';
    const m = analyze(text).find((f) => f.kind === 'missing')!;
    expect(m.start).toBe(m.end);
    const out = applySuggestion(text, m);
    expect(out.startsWith('Sure, Sunday evening works for the call.\n\nFor reference,')).toBe(true);
    expect(out.endsWith('\n\nThanks,\nAlex')).toBe(true);
  });

  test.each([
    'I work Monday through Thursday, 8:30 to 5, so Sunday evening is fine this once.',
    'Sure, Sunday evening works. Messages after 6 are answered the next business day.',
    'I can do Sunday evening; I normally reply within one business day.',
  ])('a stated boundary suppresses it and is not flagged as personal: %j', (text) => {
    const found = analyze(text);
    expect(found.some((f) => f.kind === 'missing')).toBe(false);
    expect(found.some((f) => f.pack === 'personal')).toBe(false);
  });

  test('extra work with a stated rate needs no scope statement', () => {
    expect(analyze("I'll add the extra page for free; additional rounds are billed at $80/hour.").some((f) => f.kind === 'missing')).toBe(false);
  });
});

describe('findings are well formed', () => {
  const drafts = [
    'Cheers babe! Call me anytime, even at midnight. I can do the extra logo for free, no need to change the quote.',
    "I'm so sorry, maybe we could kind of skip Sunday calls, if that's okay? Sorry!",
    'Stop texting me on weekends. It is ridiculous.',
  ];
  test.each(drafts)('every warning carries a suggestion and offsets lie inside the text: %j', (text) => {
    const found = analyze(text);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.start).toBeLessThanOrEqual(f.end);
      expect(f.message).not.toContain('\n');
      expect(f.why.length).toBeGreaterThan(10);
      expect(f.suggestions.length).toBeLessThanOrEqual(3);
      if (f.severity !== 'suggestion') expect(f.suggestions.length).toBeGreaterThan(0);
    }
  });

  test('analysis is deterministic and unaffected by the paragraph cache', () => {
    const text = drafts.join('\n\n');
    const first = JSON.stringify(analyze(text));
    expect(JSON.stringify(analyze(text))).toBe(first);
    expect(JSON.stringify(analyze(`Hello.\n\n${text}`).map((f) => f.rule))).toBe(JSON.stringify(JSON.parse(first).map((f: { rule: string }) => f.rule)));
  });

  test('packs and rules can be switched off', () => {
    const text = 'Call me anytime, babe.';
    expect(rules(text, { packs: ['personal'] }).every((r) => r.startsWith('personal/'))).toBe(true);
    expect(rules(text, { disabledRules: ['availability/any-time'] })).not.toContain('availability/any-time');
    expect(analyze(text, { severityOverrides: { 'availability/any-time': 'alert' } }).find((f) => f.rule === 'any-time')!.severity).toBe('alert');
    expect(() => analyze(text, { packs: ['nope'] })).toThrow(/Unknown pack "nope"/);
  });

  test('custom phrases flag with the user’s message and suggestion; unsafe patterns are refused', () => {
    const custom = [{ id: 'c1', match: 'no worries at all', isPattern: false, pack: 'assertiveness', severity: 'warning' as const, message: 'Too casual for me.', suggestion: 'understood' }];
    const f = analyze('Oh, no worries at all!', { customRules: custom }).find((x) => x.rule.startsWith('custom'))!;
    expect(f.message).toBe('Too casual for me.');
    expect(f.suggestions).toEqual(['understood']);
    expect(() => analyze('x', { customRules: [{ ...custom[0]!, match: '(a+)+$', isPattern: true }] })).toThrow(EngineInputError);
  });
});

test('a message of nothing but apologies still gets a rewrite', () => {
  const text = 'So sorry, I feel bad about this, I know I should be grateful, sorry!';
  const f = analyze(text).find((x) => x.rule === 'stacked-apology')!;
  expect(f.suggestions[0]).toBe('Thank you for understanding.');
});
