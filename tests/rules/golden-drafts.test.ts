// Golden drafts (Vale's "should contain exactly"): whole messages whose findings are listed in
// <name>.expected as "line:col severity pack/rule". A missed finding and an extra one both fail,
// which catches rules that step on each other. Detection, so detect() (cards group per sentence).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { position } from '../../lib/cli/check';
import { detect } from '../../lib/engine/index';

const DIR = path.resolve('tests/fixtures/drafts');
const drafts = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

test.each(drafts)('%s has exactly the expected findings', (file) => {
  const text = readFileSync(path.join(DIR, file), 'utf8');
  const expected = readFileSync(path.join(DIR, file.replace(/\.txt$/, '.expected')), 'utf8').split('\n').filter(Boolean);
  const actual = detect(text).map((f) => {
    const { line, col } = position(text, f.start);
    return `${line}:${col} ${f.severity} ${f.pack}/${f.rule}`;
  });
  expect(actual).toEqual(expected);
});
