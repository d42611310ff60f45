// `npm run eval`: measures detection against ../shared/eval when it is present (never copied into
// the project). Prints dev-draft recall per pack, false alarms, missing-statement hits, flag rates
// on real mail corpora, the flirt and politeness checks, and agreement with peer phrase lists.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../lib/engine/index';
import type { Finding } from '../lib/engine/types';

const EVAL = path.resolve(process.env.CLEARLINE_EVAL ?? '../shared/eval');
const json = process.argv.includes('--json');
const verbose = process.argv.includes('--verbose');

if (!existsSync(EVAL)) {
  console.error(`No evaluation data at ${EVAL}; set CLEARLINE_EVAL or place shared/ beside the project.`);
  process.exit(2);
}

type Row = Record<string, unknown> & { id?: string; text: string };
function load(rel: string): Row[] {
  const file = path.join(EVAL, rel);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
}

const atLeastWarning = (f: Finding) => f.severity !== 'suggestion';
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const results: Record<string, unknown> = {};
const lines: string[] = [];
const out = (s = '') => lines.push(s);

// Dev drafts.
const dev = load('dev/dev_drafts.jsonl');
const packsSeen = new Set<string>();
const recall: Record<string, { hit: number; total: number }> = {};
let negFlagged = 0;
let negatives = 0;
let missingExpected = 0;
let missingHit = 0;
let missingOnNegatives = 0;
const misses: string[] = [];
for (const d of dev) {
  const expected = (d.packs as string[]) ?? [];
  const findings = analyze(d.text);
  const warn = findings.filter(atLeastWarning);
  if (expected.length === 0) {
    negatives++;
    if (warn.length) {
      negFlagged++;
      misses.push(`false alarm ${d.id}: ${warn.map((f) => `${f.pack}/${f.rule} "${d.text.slice(f.start, f.end)}"`).join('; ')}`);
    }
    if (findings.some((f) => f.kind === 'missing')) missingOnNegatives++;
  }
  for (const p of expected) {
    packsSeen.add(p);
    recall[p] ??= { hit: 0, total: 0 };
    recall[p].total++;
    if (warn.some((f) => f.pack === p)) recall[p].hit++;
    else misses.push(`missed ${p} in ${d.id}: ${d.text}`);
  }
  if (d.missing) {
    missingExpected++;
    if (findings.some((f) => f.kind === 'missing')) missingHit++;
    else misses.push(`missing statement not found in ${d.id}: ${d.text}`);
  }
}
out('Dev drafts (../shared/eval/dev/dev_drafts.jsonl)');
out('| pack | recall (warning+) |');
out('|---|---|');
for (const p of [...packsSeen].sort()) out(`| ${p} | ${recall[p]!.hit}/${recall[p]!.total} (${pct(recall[p]!.hit, recall[p]!.total)}) |`);
out(`| false alarms on negatives | ${negFlagged}/${negatives} |`);
out(`| missing-statement hits | ${missingHit}/${missingExpected} (on negatives: ${missingOnNegatives}) |`);
results.dev = { recall, negFlagged, negatives, missingHit, missingExpected, missingOnNegatives };

// Negatives corpora: warning-level flag rate.
out();
out('Flag rate at warning or above on ordinary mail');
out('| corpus | items | flagged | rate |');
out('|---|---|---|---|');
function rate(name: string, rows: Row[], filter?: (f: Finding) => boolean) {
  let flagged = 0;
  const examples: string[] = [];
  for (const r of rows) {
    const f = analyze(r.text).filter((x) => atLeastWarning(x) && (!filter || filter(x)));
    if (f.length) {
      flagged++;
      if (examples.length < 40) examples.push(`${name} ${r.id}: ${f.map((x) => `${x.pack}/${x.rule} "${r.text.slice(x.start, x.end).slice(0, 80)}"`).join('; ')}`);
    }
  }
  out(`| ${name} | ${rows.length} | ${flagged} | ${pct(flagged, rows.length)} |`);
  if (verbose) misses.push(...examples);
  return { items: rows.length, flagged, rate: rows.length ? flagged / rows.length : 0 };
}
const timeStart = performance.now();
const aeslc = load('negatives/enron_aeslc_2500.jsonl');
results.enron_aeslc = rate('Enron AESLC', aeslc);
const berkeley = load('negatives/enron_berkeley_categorized.jsonl');
const genreOf = (r: Row) => String(r.primary_genre_folder ?? '');
const business = berkeley.filter((r) => ['1.1', '1.4', '1.5', '1.6'].includes(genreOf(r)));
results.berkeley_business = rate('Berkeley business genres (1.1/1.4/1.5/1.6)', business);
const hardNeg = berkeley.filter((r) => genreOf(r) === '1.3');
results.berkeley_personal_professional = rate('Berkeley 1.3 personal-in-professional', hardNeg);
results.berkeley_all = rate('Berkeley, all', berkeley);
results.spamassassin = rate('SpamAssassin ham', load('negatives/spamassassin_easy_ham_1000.jsonl'));
results.support = rate('Support agent replies', load('negatives/twcs_support_agent_replies.jsonl'));

// Flirt: personal pack rate on flirt=1 vs flirt=0.
out();
const tinder = load('positives/tinder_flirting_rated.jsonl');
const personalRate = (rows: Row[]) => rows.filter((r) => analyze(r.text, { packs: ['personal'] }).some(atLeastWarning)).length / Math.max(1, rows.length);
const flirt1 = tinder.filter((r) => Number(r.label_flirt) === 1);
const flirt0 = tinder.filter((r) => Number(r.label_flirt) === 0);
const f1 = personalRate(flirt1);
const f0 = personalRate(flirt0);
out('Personal pack on dating messages');
out(`| flirt=1 (${flirt1.length}) | ${(100 * f1).toFixed(1)}% | flirt=0 (${flirt0.length}) | ${(100 * f0).toFixed(1)}% | ratio | ${f0 ? (f1 / f0).toFixed(2) : '∞'}× |`);
results.flirt = { flirt1: f1, flirt0: f0, ratio: f0 ? f1 / f0 : null };

// Politeness: tone pack on impolite vs polite quartiles.
out();
out('Tone pack on Stanford politeness requests');
out('| corpus | impolite | polite |');
out('|---|---|---|');
for (const name of ['wikipedia', 'stack-exchange']) {
  const rows = load(`positives/stanford_politeness_${name}.jsonl`);
  const toneRate = (rs: Row[]) => rs.filter((r) => analyze(r.text, { packs: ['tone'] }).some(atLeastWarning)).length / Math.max(1, rs.length);
  const imp = rows.filter((r) => r.label === 'impolite');
  const pol = rows.filter((r) => r.label === 'polite');
  const a = toneRate(imp);
  const b = toneRate(pol);
  out(`| ${name} | ${(100 * a).toFixed(2)}% of ${imp.length} | ${(100 * b).toFixed(2)}% of ${pol.length} |`);
  results[`politeness_${name}`] = { impolite: a, polite: b };
}

// Peer phrase lists: where Clearline agrees or deliberately disagrees.
out();
const jns = load('peer_tests/just_not_sorry_phrases.jsonl');
if (jns.length) {
  let agree = 0;
  let flaggedSingles = 0;
  for (const r of jns) {
    const text = String(r.text ?? r.phrase ?? '');
    const ours = analyze(text).some(atLeastWarning);
    if (ours) flaggedSingles++;
    const theirs = r.expected === undefined ? true : Boolean(r.expected && (Array.isArray(r.expected) ? r.expected.length : r.expected));
    if (ours === theirs) agree++;
  }
  out('Peer phrase lists');
  out(`| Just Not Sorry phrases (each alone) | ${jns.length} | Clearline warns on ${flaggedSingles} | agrees on ${agree}: by design, a single polite "sorry", "just" or "I think" is not a warning |`);
  results.jns = { items: jns.length, flagged: flaggedSingles, agree };
}
const proselint = load('peer_tests/proselint_examples.jsonl').filter((r) => /hedg|apolog/i.test(String(r.check ?? '')));
if (proselint.length) {
  const flagged = proselint.filter((r) => analyze(String(r.text)).some(atLeastWarning)).length;
  out(`| proselint hedging/apologizing examples | ${proselint.length} | Clearline warns on ${flagged} | single hedges are style, not boundaries |`);
}
// Every span finding at warning or above must carry a suggestion, on every corpus text.
let withoutSuggestion = 0;
let spanWarnings = 0;
for (const r of [...dev, ...aeslc, ...berkeley, ...tinder]) {
  for (const f of analyze(r.text)) {
    if (f.kind !== 'span' || !atLeastWarning(f)) continue;
    spanWarnings++;
    if (f.suggestions.length === 0) withoutSuggestion++;
  }
}
out(`\nSpan findings at warning or above without a suggestion: ${withoutSuggestion} of ${spanWarnings}`);
results.spanWarningsWithoutSuggestion = withoutSuggestion;
results.seconds = (performance.now() - timeStart) / 1000;

if (json) console.log(JSON.stringify(results, null, 2));
else {
  console.log(lines.join('\n'));
  if (misses.length) console.log(`\nDetails:\n${misses.join('\n')}`);
}
