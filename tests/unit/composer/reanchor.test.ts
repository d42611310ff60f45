// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { reanchor } from '../../../lib/composer/accept';

const OLD = 'Hi Robin, thanks. Call me anytime if anything comes up. Bye.';
const S = OLD.indexOf('Call me');
const E = OLD.indexOf(' Bye');

describe('reanchor finds the flagged words again', () => {
  test('unchanged text keeps the offsets', () => {
    expect(reanchor(OLD, OLD, S, E)).toEqual({ start: S, end: E });
  });
  test('text typed before the span shifts it', () => {
    const now = OLD.replace('Hi Robin,', 'Hi Robin, and hello again');
    const r = reanchor(OLD, now, S, E)!;
    expect(now.slice(r.start, r.end)).toBe(OLD.slice(S, E));
    expect(r.start).toBe(S + ' and hello again'.length);
  });
  test('text typed after the span leaves it', () => {
    const now = OLD + ' PS: see you.';
    expect(reanchor(OLD, now, S, E)).toEqual({ start: S, end: E });
  });
  test('picks the occurrence with the same surroundings', () => {
    const old = 'Call me anytime. Later: Call me anytime. End';
    const second = old.lastIndexOf('Call me anytime');
    const now = 'New start. ' + old;
    const r = reanchor(old, now, second, second + 15)!;
    expect(r.start).toBe(second + 'New start. '.length);
  });
  test('an insertion point follows its context', () => {
    const old = 'I can work this weekend.';
    const now = 'Sure! I can work this weekend.';
    expect(reanchor(old, now, old.length, old.length)).toEqual({ start: now.length, end: now.length });
  });
});

describe('reanchor refuses', () => {
  test('when the span itself was edited', () => {
    const now = OLD.replace('anytime', 'any time');
    expect(reanchor(OLD, now, S, E)).toBeNull();
  });
  test('when the words only survive elsewhere with other surroundings', () => {
    const old = 'Ok. Call me anytime. Thanks';
    const s = old.indexOf('Call');
    const now = 'Totally different words: Call me anytime';
    expect(reanchor(old, now, s, s + 'Call me anytime.'.length)).toBeNull();
  });
});

describe('reanchor with no surroundings left', () => {
  test('a span ending the draft after an earlier rewrite changed everything before it', () => {
    const old = 'Call me anytime this week. Next week, call me anytime too.';
    const s = old.indexOf('Next week');
    const now = 'You can reach me on weekdays, nine to six. Next week, call me anytime too.';
    const r = reanchor(old, now, s, old.length)!;
    expect(now.slice(r.start, r.end)).toBe('Next week, call me anytime too.');
  });
});
