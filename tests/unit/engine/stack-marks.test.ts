// Stacked apologies are carried by their apologies and hedges, not by the request between them:
// each one is marked (underlined and quoted), and nothing else of the sentence is.
import { describe, expect, test } from 'vitest';
import { analyze } from '../../../lib/engine/index';

const marksOf = (text: string) => {
  const f = analyze(text).find((x) => x.rule === 'stacked-apology');
  return f && { span: text.slice(f.start, f.end), marks: (f.marks ?? []).map((m) => text.slice(m.start, m.end)) };
};

describe('stacked-apology marks', () => {
  test('each apology and hedge is its own mark; the request between them is not marked', () => {
    const text = "Hi Jordan,\n\nI'm so sorry the revised mockups are late, I guess maybe I could possibly send them tonight if that's okay?";
    const got = marksOf(text)!;
    expect(got.span).toMatch(/^I'm so sorry.*okay\?$/);
    expect(got.marks).toEqual(["I'm so sorry", 'I guess', 'maybe', 'possibly', "if that's okay"]);
  });

  test('marks sit inside the span, in reading order, apart from each other, in a later paragraph too', () => {
    const text = 'Thanks for the files.\n\nSorry, sorry, I apologise for asking again, but could we maybe move the call? Sorry!';
    const f = analyze(text).find((x) => x.rule === 'stacked-apology')!;
    expect(f.marks!.length).toBeGreaterThan(1);
    let last = f.start;
    for (const m of f.marks!) {
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(m.end).toBeLessThanOrEqual(f.end);
      expect(text.slice(m.start, m.end)).toMatch(/^\S(?:.*\S)?$/);
      last = m.end + 1;
    }
    expect(f.marks!.map((m) => text.slice(m.start, m.end)).join(' ')).not.toMatch(/move the call/);
  });
});
