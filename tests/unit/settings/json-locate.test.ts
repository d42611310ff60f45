// Field positions in an import file: the line an error names must be the line the field is on.
import { expect, test } from 'vitest';
import { locate, locatePaths } from '@/lib/settings/json-locate';

const text = `{
  "rules": {
    "tone/deal-with-it": { "severity": "loud" }
  },
  "customRules": [
    { "id": "custom-1" },
    {
      "id": "custom-2",
      "match": "(a+)+"
    }
  ],
  "sites": { "added": ["https://a.example", "nope"] }
}`;

const lineOf = (path: string) => {
  const offset = locate(locatePaths(text), path);
  return offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
};

test.each([
  ['rules["tone/deal-with-it"].severity', 3],
  ['rules["tone/deal-with-it"]', 3],
  ['customRules[1].match', 9],
  ['customRules[1]', 7],
  ['customRules[0].match', 6], // missing: its object's line
  ['sites.added[1]', 12],
  ['policy.workStart', 1], // nothing of it in the file: the root
])('%s is on line %i', (path, line) => {
  expect(lineOf(path)).toBe(line);
});
