// `npm run eval:rewrites`: the accept-loop a user would run (accept the first rewrite of the first
// warning, re-check, repeat) over drafts in JSONL. Prints coverage (flagged sentences with at least
// one rewrite that passed the gate), the gate's rejections by reason, and what the automatic checks
// find after accepting: broken joins, duplicated sentences, warnings left. Aggregate figures only;
// `--pairs OUT.jsonl` writes the before/after pairs for a reader (never for held-out sets).
//
//   npm run eval:rewrites                       # tests/blind/rewrite-*.jsonl except the held-out ones
//   npm run eval:rewrites -- --set FILE.jsonl   # another set (repeatable)
//   npm run eval:rewrites -- --set tests/blind/rewrite-a.jsonl --pairs /tmp/pairs.jsonl
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, applySuggestion, clearCaches, type Finding, type Policy } from '../lib/engine/index';
import { brokenJoins, duplicatesIn, gateRejections, resetGateRejections } from '../lib/engine/rewrite/index';
import { presetFor } from './professions';
import { toPolicy } from './set-policy';

/** Sets read by the final, held-out measure: aggregate figures only, never written as pairs. */
export const HELD_OUT = ['rewrite-d.jsonl', 'rewrite-e.jsonl', 'rewrite-f.jsonl', 'rewrite-g.jsonl', 'rewrite-h.jsonl', 'rewrite-i.jsonl', 'rewrite-j.jsonl', 'rewrite-k.jsonl', 'rewrite-l.jsonl', 'rewrite-m.jsonl', 'real_messages_dev.jsonl', 'real_messages_test.jsonl'];

interface Draft {
  id: string;
  text: string;
  profession?: string;
  policy?: Partial<Policy> | null;
  note?: string;
}

const args = process.argv.slice(2);
const sets: string[] = [];
let pairsOut: string | null = null;
// `--for-reader`: pairs of held-out sets too, for an independent reader who has not seen the rules
// (whoever tunes the rewrites must not open that file).
const forReader = args.includes('--for-reader');
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--set' && args[i + 1]) sets.push(path.resolve(args[++i]!));
  else if (args[i] === '--pairs' && args[i + 1]) pairsOut = path.resolve(args[++i]!);
}
if (sets.length === 0 && existsSync('tests/blind')) {
  sets.push(...readdirSync('tests/blind').filter((f) => /^rewrite-.*\.jsonl$/.test(f) && !HELD_OUT.includes(f)).map((f) => path.resolve('tests/blind', f)));
  // Real messages (../shared/eval/real), when present: aggregate figures only.
  const real = path.resolve(process.env.CLEARLINE_EVAL ?? '../shared/eval', 'real/real_messages_dev.jsonl');
  if (existsSync(real)) sets.push(real);
}
if (pairsOut && !forReader && sets.some((s) => HELD_OUT.includes(path.basename(s)))) {
  console.error(`Held-out sets (${HELD_OUT.join(', ')}) get aggregate figures only: no pairs are written for them.`);
}

const warning = (f: Finding) => f.severity !== 'suggestion';
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const pairs: string[] = [];

for (const file of sets) {
  const drafts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Draft);
  clearCaches();
  resetGateRejections();
  let flaggedSentences = 0;
  let covered = 0;
  let draftsFlagged = 0;
  let draftsChanged = 0;
  let accepted = 0;
  let stuck = 0;
  let joins = 0;
  let duplicates = 0;
  let warningsLeft = 0;
  let cardsWithSiblings = 0;
  for (const d of drafts) {
    const policy: Partial<Policy> = { ...(toPolicy(d.policy) ?? {}), profession: presetFor(d.profession) };
    const options = { policy, customTimeBudgetMs: Infinity, analysisTimeBudgetMs: Infinity };
    const first = analyze(d.text, options).filter((f) => warning(f) && f.kind === 'span');
    flaggedSentences += first.length;
    covered += first.filter((f) => f.suggestions.length > 0).length;
    cardsWithSiblings += first.filter((f) => f.also?.length).length;
    if (first.length === 0 && !analyze(d.text, options).some(warning)) continue;
    draftsFlagged++;
    let text = d.text;
    for (let step = 0; step < 12; step++) {
      const next = analyze(text, options).filter(warning).sort((a, b) => Number(a.kind === 'missing') - Number(b.kind === 'missing') || a.start - b.start)[0];
      if (!next) break;
      if (next.suggestions.length === 0) {
        stuck++;
        break;
      }
      text = applySuggestion(text, next, 0);
      accepted++;
    }
    if (text !== d.text) draftsChanged++;
    const before = new Set(brokenJoins(d.text));
    if (brokenJoins(text).some((j) => !before.has(j))) joins++;
    if (duplicatesIn(text) && !duplicatesIn(d.text)) duplicates++;
    if (analyze(text, options).some((f) => warning(f))) warningsLeft++;
    if (pairsOut && (forReader || !HELD_OUT.includes(path.basename(file)))) pairs.push(JSON.stringify({ id: d.id, profession: d.profession ?? null, preset: policy.profession, policy: d.policy ?? null, note: d.note ?? null, before: d.text, after: text }));
  }
  const rejections = gateRejections();
  console.log(`Rewrites on ${path.basename(file)} (${drafts.length} drafts; aggregate only)`);
  console.log('| measure | result |');
  console.log('|---|---|');
  console.log(`| drafts with a warning | ${draftsFlagged} |`);
  console.log(`| flagged sentences (cards at warning+) | ${flaggedSentences} (${cardsWithSiblings} carry more than one finding) |`);
  console.log(`| coverage: cards with ≥1 rewrite passing the gate | ${covered}/${flaggedSentences} (${pct(covered, flaggedSentences)}) |`);
  console.log(`| rewrites accepted in the loop | ${accepted} (drafts changed ${draftsChanged}) |`);
  console.log(`| loop stopped at a warning with no rewrite | ${stuck} |`);
  console.log(`| after accepting: drafts with new broken joins | ${joins} |`);
  console.log(`| after accepting: drafts with a duplicated sentence | ${duplicates} |`);
  console.log(`| after accepting: drafts with a warning left | ${warningsLeft} |`);
  console.log(`| gate rejections by reason | ${Object.entries(rejections).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'} |`);
  console.log();
}
if (pairsOut) {
  writeFileSync(pairsOut, pairs.join('\n') + '\n');
  console.log(`Wrote ${pairs.length} before/after pairs to ${pairsOut}.`);
}
