// The prefilter decides which rules a paragraph meets at all: a trigger it misses is a finding
// the user never sees, and one it over-reports only costs time. These pin each trigger form.
import { describe, expect, test } from 'vitest';
import type { CompiledRule } from '../../../lib/engine/load-packs';
import { buildPrefilter } from '../../../lib/engine/prefilter';
import { PACK_FILES } from '../../../rules/index';
import { loadPacks } from '../../../lib/engine/load-packs';
import { normalize } from '../../../lib/engine/normalize';

/** Only what the prefilter reads of a rule: its id and triggers. */
const rule = (id: string, ...triggers: string[]) => ({ fullId: id, triggers }) as unknown as CompiledRule;
const ids = (rules: CompiledRule[], text: string) =>
  buildPrefilter(rules)
    .candidates(text)
    .map((r) => r.fullId);

describe('trigger forms', () => {
  test('a word matches words that start with it', () => {
    const rules = [rule('t/call', 'call')];
    expect(ids(rules, 'Calling you later.')).toEqual(['t/call']);
    expect(ids(rules, 'a recall notice')).toEqual([]);
  });
  test('word$ matches only the whole word', () => {
    const rules = [rule('t/free', 'free$')];
    expect(ids(rules, 'I am free.')).toEqual(['t/free']);
    expect(ids(rules, 'freedom of choice')).toEqual([]);
  });
  test('a phrase takes any whitespace between its words and starts at a whole word', () => {
    const rules = [rule('t/text', 'text me')];
    expect(ids(rules, 'just text\n  me')).toEqual(['t/text']);
    expect(ids(rules, 'context me')).toEqual([]);
    expect(ids(rules, 'texts me')).toEqual([]);
  });
  test('a one-letter first word opens its phrases only as a word of its own', () => {
    const rules = [rule('t/joke', 'a joke')];
    expect(ids(rules, 'What a joke.')).toEqual(['t/joke']);
    expect(ids(rules, 'an aside, a jo')).toEqual([]);
  });
  test('punctuation inside a trigger (24/7) and emoji triggers', () => {
    const rules = [rule('t/247', '24/7'), rule('t/kiss', '😘')];
    expect(ids(rules, 'Reachable 24/7.')).toEqual(['t/247']);
    expect(ids(rules, 'Open 24 hours')).toEqual([]);
    expect(ids(rules, 'See you 😘')).toEqual(['t/kiss']);
  });
  test('/regex/ triggers run on the whole text', () => {
    const rules = [rule('t/time', '/\\d\\s*(?:[ap]\\.?m\\b|:\\d\\d)/')];
    expect(ids(rules, 'at 9 pm')).toEqual(['t/time']);
    expect(ids(rules, 'at 21:30')).toEqual(['t/time']);
    expect(ids(rules, 'in 2 weeks')).toEqual([]);
  });
  test('case does not matter, and rules come back once each in pack order', () => {
    const rules = [rule('t/a', 'sorry'), rule('t/b', 'my bad'), rule('t/c', 'sorry')];
    expect(ids(rules, 'SORRY, my BAD, sorry again')).toEqual(['t/a', 't/b', 't/c']);
  });
});

describe('the shipped packs', () => {
  const packs = loadPacks(PACK_FILES);
  const rules = packs.flatMap((p) => p.rules).filter((r) => r.def.kind !== 'missing');
  const prefilter = buildPrefilter(rules);
  // Every example that must flag has to reach its rule, or the rule could never fire on it.
  // (The engine hands it normalised text: curly quotes straightened, odd spaces made plain.)
  const cases = rules.flatMap((r) => r.def.examples.flag.map((e) => [r.fullId, typeof e === 'string' ? e : e.text] as const));
  test.each(cases)('%s meets its own flag example: %s', (id, text) => {
    expect(prefilter.candidates(normalize(text)).map((r) => r.fullId)).toContain(id);
  });
});
