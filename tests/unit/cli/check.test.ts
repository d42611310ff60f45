// The CLI as a user meets it: linter lines, exit codes, clear errors, and the JSONL round trip.
import { describe, expect, test } from 'vitest';
import { position, runCli } from '../../../lib/cli/check';

function run(argv: string[], files: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return files[p]!;
    },
    readStdin: () => stdin,
  });
  return { code, out, err };
}

describe('text mode', () => {
  test('prints file:line:col severity pack/rule message and the suggestions; exit 1 on a warning', () => {
    const { code, out } = run(['draft.txt'], { 'draft.txt': 'Hi Jo,\n\nSure. Call me anytime!\n' });
    expect(code).toBe(1);
    expect(out[0]).toBe('draft.txt:3:7 warning availability/any-time Offers contact at any hour.');
    expect(out).toContain('    flagged: "Call me anytime!"');
    // The time phrase is replaced whole: the sentence keeps its words and gets the user's hours.
    expect(out).toContain('    suggest: Call me between 9 AM and 6 PM on weekdays!');
    expect(out.some((l) => /^draft\.txt:\d+:\d+ warning availability\/missing-hours /.test(l))).toBe(true);
  });

  test('findings in one sentence share one card: the others are listed under it, with the words that triggered them', () => {
    const { out } = run(['d.txt'], { 'd.txt': 'Honestly hun, we can talk it through at 10:30pm tonight.\n' });
    const card = out.findIndex((l) => / personal\/endearment | availability\/after-hours-offer /.test(l));
    expect(out.filter((l) => /^d\.txt:/.test(l) && / personal\/| availability\/after/.test(l))).toHaveLength(1);
    expect(out.slice(card).some((l) => /^ {4}also: warning (?:availability\/after-hours-offer|personal\/endearment) /.test(l))).toBe(true);
    expect(out).toContain('    suggest: We can talk it through tomorrow at 5 PM.');
  });

  test('exit 0 when nothing reaches warning', () => {
    const { code, err } = run(['ok.txt'], { 'ok.txt': 'Thanks, the invoice is attached.' });
    expect(code).toBe(0);
    expect(err).toEqual(['No findings.']);
  });

  test('--packs limits the packs and --policy changes the hours', () => {
    const files = { 'd.txt': "Let's talk Saturday at 9pm.", 'p.json': '{"workDays":[1,2,3,4,5,6],"workEnd":"22:00"}' };
    expect(run(['d.txt'], files).code).toBe(1);
    expect(run(['--packs', 'tone,scope', 'd.txt'], files).code).toBe(0);
    expect(run(['--policy', 'p.json', 'd.txt'], files).code).toBe(0);
  });

  test('columns count characters, not UTF-16 units', () => {
    expect(position('👍🏽 Call me', 5)).toEqual({ line: 1, col: 4 });
    expect(position('a\nbc', 3)).toEqual({ line: 2, col: 2 });
  });

  test.each([
    [['missing.txt'], /Cannot read missing\.txt: no such file/],
    [[], /No files given/],
    [['--packs', 'feelings', 'd.txt'], /Unknown pack "feelings"/],
    [['--format', 'xml', 'd.txt'], /--format must be "text" or "jsonl"/],
    [['--bogus', 'd.txt'], /Unknown option --bogus/],
    [['--policy', 'bad.json', 'd.txt'], /Policy file bad\.json: line 1, column \d+/],
    [['--policy', 'hours.json', 'd.txt'], /Policy file hours\.json: policy\.workStart/],
    [['--policy'], /--policy needs a value/],
  ])('bad input %j exits 2 with a clear message', (argv, message) => {
    const files = { 'd.txt': 'Hello', 'bad.json': '{"workDays": [1,2,', 'hours.json': '{"workStart": "25:00"}' };
    const { code, err, out } = run(argv as string[], files);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(out).toEqual([]);
  });

  test('a draft over the size limit exits 2', () => {
    const { code, err } = run(['big.txt'], { 'big.txt': 'x'.repeat(200_001) });
    expect(code).toBe(2);
    expect(err[0]).toMatch(/200,001 characters/);
  });
});

describe('jsonl mode', () => {
  test('one output line per input line, in order, with the finding fields', () => {
    const stdin = [JSON.stringify({ id: 'a', text: 'Call me anytime.' }), JSON.stringify({ id: 7, text: 'All good, thanks.' })].join('\n');
    const { code, out } = run(['--format', 'jsonl'], {}, stdin);
    expect(code).toBe(1);
    expect(out).toHaveLength(2);
    const a = JSON.parse(out[0]!);
    expect(a.id).toBe('a');
    const f = a.findings.find((x: { rule: string }) => x.rule === 'any-time');
    expect(Object.keys(f).sort()).toEqual(['end', 'focus', 'kind', 'message', 'pack', 'rule', 'severity', 'start', 'suggestions'].sort());
    expect('Call me anytime.'.slice(f.start, f.end)).toBe('Call me anytime.');
    expect(JSON.parse(out[1]!)).toEqual({ id: 7, findings: [] });
  });

  test('malformed lines get an error naming the line; the others are still processed', () => {
    const stdin = ['{"id":"a","text":"Thanks."}', '{oops', '{"id":"c"}', '{"id":"d","text":"Call me anytime."}'].join('\n');
    const { code, out, err } = run(['--format', 'jsonl'], {}, stdin);
    expect(code).toBe(2);
    expect(out).toHaveLength(4);
    expect(JSON.parse(out[1]!)).toMatchObject({ line: 2, error: expect.stringMatching(/invalid JSON/) });
    expect(JSON.parse(out[2]!)).toMatchObject({ id: 'c', line: 3, error: expect.stringMatching(/"text" must be a string/) });
    expect(JSON.parse(out[3]!).findings.length).toBeGreaterThan(0);
    expect(err).toEqual([expect.stringMatching(/^line 2: invalid JSON/), expect.stringMatching(/^line 3: "text" must be a string/)]);
  });

  test('--packs applies in jsonl mode', () => {
    const { out } = run(['--format', 'jsonl', '--packs', 'personal'], {}, '{"id":1,"text":"Call me anytime, babe."}');
    expect(JSON.parse(out[0]!).findings.every((f: { pack: string }) => f.pack === 'personal')).toBe(true);
  });
});
