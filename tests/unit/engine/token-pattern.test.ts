// Token patterns and word classes: what a linguist writes in rules/*.json compiles to matches a
// user would expect, refuses mistakes with a clear message, and derives fast prefilter triggers.
import { describe, expect, test } from 'vitest';
import { CLASSES, ClassError, validateClasses } from '../../../lib/engine/classes';
import { MACROS } from '../../../lib/engine/macros';
import { compileTokenPattern, TokenPatternError } from '../../../lib/engine/token-pattern';

const matches = (pattern: string, text: string) => new RegExp(compileTokenPattern(pattern).source, 'i').exec(text)?.[0] ?? null;

describe('token patterns', () => {
  test('a class matches its inflections, misspellings and text-speak; apostrophes are optional', () => {
    expect(matches('AFFECTION_VERB YOU', 'ok luv u x')).toBe('luv u');
    expect(matches('AFFECTION_VERB YOU', 'Love you!')).toBe('Love you');
    expect(matches('YOU_ARE [so]? my type', 'youre so my type')).toBe('youre so my type');
    expect(matches('[can\'t] wait', 'I cant wait')).toBe('cant wait');
  });

  test('optional elements, alternatives and a gap of up to four words', () => {
    const p = '[i|we] [can|could]? CONTACT_VERB me ... ANY_HOUR';
    expect(matches(p, 'I could ring me')).toBeNull();
    expect(matches(p, 'We can text me literally any time')).toBe('We can text me literally any time');
    expect(matches(p, 'I text me whenever you like')).toBe('I text me whenever you like');
    expect(matches(p, 'I call me about the plan next week or tomorrow anytime')).toBeNull();
  });

  test('whole words only: a class word inside a longer word does not match', () => {
    expect(matches('ENDEARMENT', 'I am honest')).toBeNull();
    expect(matches('ENDEARMENT', 'thanks hon')).toBe('hon');
  });

  test('the gap stays inside the sentence', () => {
    expect(matches('CONTACT_VERB me ... ANY_HOUR', 'Call me. Anytime is fine')).toBeNull();
  });

  test('triggers come from the rarest required element, never from common words', () => {
    const { triggers } = compileTokenPattern('[i|we] [can]? CONTACT_VERB me [ANY_HOUR]');
    expect(triggers).toContain('anytime$');
    expect(triggers).not.toContain('i$');
    expect(triggers).not.toContain('me$');
    // A multi-word entry is found by its longest uncommon word.
    expect(compileTokenPattern('[one more] ... [request] [and] [i\'m]').triggers).toEqual(['request$']);
  });

  test.each([
    ['[you|i] [can]', /needs a required element without common words/],
    ['NOT_A_CLASS me', /unknown word class NOT_A_CLASS/],
    ['[call me', /unclosed "\["/],
    ['... me anytime', /"\.\.\." must stand between two elements/],
    ['Call me', /write literal words in lower case/],
    ['[anytime]?', /has no required element/],
  ])('refuses %j', (pattern, error) => {
    expect(() => compileTokenPattern(pattern)).toThrow(TokenPatternError);
    expect(() => compileTokenPattern(pattern)).toThrow(error);
  });
});

describe('word classes', () => {
  test('class names never shadow a regex macro, so {NAME} means one thing', () => {
    for (const name of Object.keys(CLASSES)) expect(MACROS[name], name).toBeUndefined();
  });

  test.each([
    [{ classes: { lower: { about: 'x', words: ['a'] } } }, /name must be UPPER_SNAKE_CASE/],
    [{ classes: { GOOD: { about: '', words: ['a'] } } }, /field "about"/],
    [{ classes: { GOOD: { about: 'x', words: [] } } }, /field "words": expected a non-empty array/],
    [{ classes: { GOOD: { about: 'x', words: ['Love'] } } }, /write words in lower case/],
    [{ classes: { GOOD: { about: 'x', words: ['luv', 'luv'] } } }, /"luv" is listed twice/],
  ])('a broken classes file is refused with the class and field', (raw, error) => {
    expect(() => validateClasses(raw)).toThrow(ClassError);
    expect(() => validateClasses(raw)).toThrow(error);
  });
});
