// `npm run engine-diff -- --baseline DIR`: runs this checkout's engine and the engine of another
// checkout (e.g. `git worktree add /tmp/main main`) over the same texts and reports every finding
// that one reports and the other does not, compared by pack, rule and span. A change meant to make
// the engine faster must report zero differences.
//
// Texts: ../shared/eval negatives and positives (when present), tests/blind/*.jsonl (with each
// item's own policy) and the adversarial drafts. Blind items are named by set and line only: their
// texts are never printed (reading them would burn the set). Exit code 1 when anything differs.
// Adversarial drafts need more grammar than one analysis's time budget allows on a loaded machine:
// their first pass is provisional, so they compare alike only with --no-time-budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyzeOptions, Finding } from '../lib/engine/index';
import { adversarialDrafts } from '../tests/fixtures/adversarial';
import { argValue, loadEngine } from '../tests/bench/load-engine';

const baselineDir = argValue('--baseline');
if (!baselineDir) {
  console.error('Usage: npm run engine-diff -- --baseline DIR [--limit N]   (DIR: another Clearline checkout)');
  process.exit(2);
}
/**
 * `--no-time-budget`: this engine's grammar time budget off (the baseline may not have one), so
 * drafts that need more parses than a loaded machine allows compare decided alike.
 */
const noTimeBudget = process.argv.includes('--no-time-budget');
/** At most this many texts per file (0: all). */
const limit = Number(argValue('--limit') ?? 0);
const [mine, theirs] = await Promise.all([loadEngine('.', 'this'), loadEngine(baselineDir, 'baseline')]);

interface Item {
  text: string;
  options: AnalyzeOptions;
  /** Printed with a difference: the text's first words, or for a blind item nothing of its text. */
  label: string;
}

function readJsonl(file: string, blind: boolean): Item[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const items = lines.map((l, i): Item => {
    const d = JSON.parse(l) as { text: string; policy?: AnalyzeOptions['policy'] | null };
    return { text: d.text, options: d.policy ? { policy: d.policy } : {}, label: blind ? `line ${i + 1}` : `line ${i + 1}: "${d.text.slice(0, 50).replace(/\s+/g, ' ')}…"` };
  });
  return limit > 0 ? items.slice(0, limit) : items;
}

const sets: { name: string; items: Item[] }[] = [];
for (const dir of ['../shared/eval/negatives', '../shared/eval/positives']) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) sets.push({ name: path.join(dir, f), items: readJsonl(path.join(dir, f), false) });
}
if (existsSync('tests/blind')) {
  for (const f of readdirSync('tests/blind').filter((x) => x.endsWith('.jsonl')).sort()) sets.push({ name: `tests/blind/${f} (blind: texts not shown)`, items: readJsonl(path.join('tests/blind', f), true) });
}
sets.push({ name: 'tests/fixtures/adversarial.ts', items: adversarialDrafts().map((d) => ({ text: d.text, options: {}, label: d.name })) });

const key = (f: Finding) => `${f.pack}/${f.rule} ${f.kind} ${f.severity} ${f.start}-${f.end}`;
const keys = (fs: Finding[]) => new Set(fs.map(key));

let differing = 0;
let total = 0;
for (const set of sets) {
  let setDiffs = 0;
  // Both engines read the same texts in the same order from empty caches, so what one carries
  // over from earlier texts (cached paragraphs, remembered grammar decisions) the other does too.
  mine.clearCaches();
  theirs.clearCaches();
  for (const item of set.items) {
    total++;
    const a = keys(mine.analyze(item.text, noTimeBudget ? { ...item.options, grammarTimeBudgetMs: Infinity, analysisTimeBudgetMs: Infinity } : item.options));
    const b = keys(theirs.analyze(item.text, item.options));
    const onlyMine = [...a].filter((k) => !b.has(k));
    const onlyTheirs = [...b].filter((k) => !a.has(k));
    if (onlyMine.length === 0 && onlyTheirs.length === 0) continue;
    setDiffs++;
    differing++;
    console.log(`  ${set.name} ${item.label}`);
    for (const k of onlyMine) console.log(`    + ${k} (only this checkout)`);
    for (const k of onlyTheirs) console.log(`    - ${k} (only the baseline)`);
  }
  console.log(`${set.name}: ${set.items.length} texts, ${setDiffs} with different findings`);
}
console.log(`\n${total} texts, ${differing} with different findings (this checkout vs ${theirs.root}).`);
process.exit(differing ? 1 : 0);
