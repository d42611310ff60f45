// Meta test over the pack files: the conventions hold, and a broken pack fails loudly with a
// message naming the file, the rule and the field.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PackError, validatePack } from '../../lib/engine/load-packs';
import type { PackDef } from '../../lib/engine/pack-types';
import { PACK_IDS } from '../../lib/engine/types';
import { PACK_FILES } from '../../rules/index';

const RULES_DIR = path.resolve('rules');
// classes.json holds the word classes, not a pack.
const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.json') && f !== 'classes.json');

describe('pack files', () => {
  test('every pack file is listed in rules/index.ts and every listed pack exists', () => {
    expect(Object.keys(PACK_FILES).map((f) => path.basename(f)).sort()).toEqual([...files].sort());
    expect(files.map((f) => f.replace('.json', '')).sort()).toEqual([...PACK_IDS].sort());
  });

  test.each(files)('%s validates, and its id is its file name', (file) => {
    const raw = JSON.parse(readFileSync(path.join(RULES_DIR, file), 'utf8')) as PackDef;
    expect(() => validatePack(raw, `rules/${file}`)).not.toThrow();
    expect(raw.id).toBe(file.replace('.json', ''));
  });

  test('rule ids are unique across packs within a pack and every pack has a missing or span rule with examples', () => {
    for (const raw of Object.values(PACK_FILES) as PackDef[]) {
      const ids = raw.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of raw.rules) {
        expect(r.examples.flag.length).toBeGreaterThanOrEqual(3);
        expect(r.examples.pass.length).toBeGreaterThanOrEqual(3);
        if (r.suggestions?.length) expect(r.examples.rewrite?.length ?? 0).toBeGreaterThanOrEqual(1);
        const texts = [...r.examples.flag.map((e) => e.text), ...r.examples.pass.map((e) => (typeof e === 'string' ? e : e.text))];
        expect(new Set(texts).size, `duplicate examples in ${raw.id}/${r.id}`).toBe(texts.length);
      }
    }
  });

  test('the packs cover what the product promises: missing statements for hours and scope', () => {
    const all = (Object.values(PACK_FILES) as PackDef[]).flatMap((p) => p.rules.map((r) => ({ ...r, pack: p.id })));
    expect(all.filter((r) => r.kind === 'missing').map((r) => `${r.pack}/${r.id}`).sort()).toEqual(['availability/missing-hours', 'scope/missing-scope']);
  });
});

describe('a broken pack is rejected with file, rule and field', () => {
  const good = (): PackDef => JSON.parse(JSON.stringify(PACK_FILES['rules/tone.json'])) as PackDef;
  const reject = (mutate: (p: PackDef & Record<string, unknown>) => void, message: RegExp) => {
    const pack = good() as PackDef & Record<string, unknown>;
    mutate(pack);
    let error: unknown;
    try {
      validatePack(pack, 'rules/tone.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackError);
    expect((error as Error).message).toMatch(message);
  };

  test('bad severity', () => reject((p) => ((p.rules[0] as unknown as Record<string, unknown>).severity = 'error'), /rules\/tone\.json: rule "command": field "severity": expected one of suggestion, warning, alert/));
  test('invalid regular expression', () => reject((p) => (p.rules[0]!.patterns = ['(unclosed']), /rule "command": field "patterns\[0\]": invalid regular expression/));
  test('pattern matching the empty string', () => reject((p) => (p.rules[0]!.patterns = ['a*']), /field "patterns\[0\]": matches the empty string/));
  test('unknown condition', () => reject((p) => (p.rules[0]!.conditions = ['is-friday']), /field "conditions": unknown condition "is-friday"/));
  test('unknown placeholder', () => reject((p) => (p.rules[0]!.suggestions = ['Call me at {phone}']), /field "suggestions\[0\]": unknown placeholder \{phone\}/));
  test('unknown macro', () => reject((p) => (p.rules[0]!.patterns = ['{NOPE} me']), /unknown macro \{NOPE\}/));
  test('too few examples', () => reject((p) => (p.rules[0]!.examples.pass = ['only one']), /field "examples\.pass": at least 3/));
  test('rewrite equal to its input', () => reject((p) => (p.rules[0]!.examples.rewrite = [{ text: 'Same.', output: 'Same.' }]), /examples\.rewrite\[0\]\.output": must differ/));
  test('unknown field', () => reject((p) => ((p.rules[0] as unknown as Record<string, unknown>).colour = 'red'), /field "colour": unknown field/));
  test('id differs from the file name', () => reject((p) => (p.id = 'mood'), /field "id": must equal the file name "tone"/));
  test('duplicate rule id', () => reject((p) => p.rules.push({ ...p.rules[0]! }), /rule "command": field "id": duplicate/));
  test('warning rule without suggestions', () => reject((p) => (p.rules[0]!.suggestions = []), /field "suggestions": rules at warning or above/));
});
