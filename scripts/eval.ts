// `npm run eval`: measures detection against ../shared/eval when it is present (never copied into
// the project). Prints dev-draft recall per pack, false alarms, missing-statement hits, flag rates
// on real mail corpora, the flirt and politeness checks, and agreement with peer phrase lists.
// `--blind FILE` (repeatable; default every tests/blind/*.jsonl) adds aggregate figures for blind
// sets written by people who never saw the rules: per pack and intent, never per item.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, detect } from '../lib/engine/index';
import type { Finding, Policy } from '../lib/engine/types';
import { toPolicy } from './set-policy';

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
const misses: string[] = [];

/** A labelled draft: `packs` that must flag it (empty = a negative), optional intents, policy and missing flag. */
interface Labelled {
  id?: string;
  text: string;
  packs?: string[];
  intents?: string[];
  missing?: boolean;
  policy?: Partial<Policy> | null;
}
interface Tally {
  hit: number;
  total: number;
}
const tally = (t: Record<string, Tally>, key: string, hit: boolean) => {
  t[key] ??= { hit: 0, total: 0 };
  t[key].total++;
  if (hit) t[key].hit++;
};

/**
 * Recall per pack and intent, false alarms on negatives, missing-statement hits and which detector
 * found what, for one labelled set. Aggregate figures only; `details` lists the items only when asked.
 */
function evaluateSet(name: string, rows: Labelled[], details: boolean) {
  const packs: Record<string, Tally> = {};
  const intents: Record<string, Tally> = {};
  const detectors: Record<string, number> = {};
  // Positives caught with a right pack, by which detectors had a right-pack finding.
  const caughtBy = { rules: 0, model: 0, both: 0 };
  let positives = 0;
  let caught = 0;
  let negatives = 0;
  let negFlagged = 0;
  let missingExpected = 0;
  let missingHit = 0;
  let missingOnNegatives = 0;
  const notes: string[] = [];
  for (const d of rows) {
    const expected = d.packs ?? [];
    const policy = toPolicy(d.policy);
    const findings = detect(d.text, policy ? { policy } : {});
    const warn = findings.filter(atLeastWarning);
    for (const f of warn) detectors[f.detector] = (detectors[f.detector] ?? 0) + 1;
    if (expected.length === 0) {
      negatives++;
      if (warn.length) {
        negFlagged++;
        if (details) notes.push(`false alarm ${d.id}: ${warn.map((f) => `${f.pack}/${f.rule} "${d.text.slice(f.start, f.end)}"`).join('; ')}`);
      }
      if (findings.some((f) => f.kind === 'missing')) missingOnNegatives++;
    } else {
      positives++;
      const right = warn.filter((f) => expected.includes(f.pack));
      if (right.length) {
        caught++;
        const byRules = right.some((f) => f.detector !== 'model');
        const byModel = right.some((f) => f.detector !== 'rules');
        caughtBy[byRules && byModel ? 'both' : byRules ? 'rules' : 'model']++;
      }
    }
    for (const p of expected) {
      const hit = warn.some((f) => f.pack === p);
      tally(packs, p, hit);
      if (!hit && details) notes.push(`missed ${p} in ${d.id}: ${d.text}`);
    }
    for (const i of d.intents ?? []) tally(intents, i, warn.some((f) => `${f.pack}/${f.rule}` === i));
    if (d.missing) {
      missingExpected++;
      const hit = findings.some((f) => f.kind === 'missing');
      if (hit) missingHit++;
      else if (details) notes.push(`missing statement not found in ${d.id}: ${d.text}`);
    }
  }
  out(name);
  out('| measure | result |');
  out('|---|---|');
  out(`| positives caught with a right pack (warning+) | ${caught}/${positives} (${pct(caught, positives)}) |`);
  for (const p of Object.keys(packs).sort()) out(`| pack ${p} | ${packs[p]!.hit}/${packs[p]!.total} (${pct(packs[p]!.hit, packs[p]!.total)}) |`);
  for (const i of Object.keys(intents).sort()) out(`| intent ${i} | ${intents[i]!.hit}/${intents[i]!.total} (${pct(intents[i]!.hit, intents[i]!.total)}) |`);
  out(`| false alarms on negatives | ${negFlagged}/${negatives} (${pct(negFlagged, negatives)}) |`);
  out(`| missing-statement findings where expected | ${missingHit}/${missingExpected} (${pct(missingHit, missingExpected)}) |`);
  out(`| missing-statement findings on negatives | ${missingOnNegatives}/${negatives} |`);
  out(`| findings at warning+ by detector | ${Object.entries(detectors).sort().map(([k, v]) => `${k} ${v}`).join(', ') || '—'} |`);
  out(`| positives caught, by detector | rules alone ${caughtBy.rules}, model alone ${caughtBy.model}, both ${caughtBy.both} |`);
  out();
  misses.push(...notes);
  return { positives, caught, caughtBy, packs, intents, negatives, negFlagged, missingExpected, missingHit, missingOnNegatives, detectors };
}

// Blind sets: every --blind FILE, or by default every tests/blind/*.jsonl in the project.
const blindFiles: string[] = [];
for (let i = 0; i < process.argv.length; i++) if (process.argv[i] === '--blind' && process.argv[i + 1]) blindFiles.push(path.resolve(process.argv[++i]!));
if (blindFiles.length === 0 && existsSync('tests/blind')) {
  blindFiles.push(...readdirSync('tests/blind').filter((f) => f.endsWith('.jsonl')).map((f) => path.resolve('tests/blind', f)));
}
const readJsonl = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Labelled);
// Blind items are listed only with --verbose: reading a blind item's text, miss or false alarm burns the set.
if (verbose && blindFiles.length) console.error('--verbose lists blind items: a set whose items you read is development data from now on.');
const blindResults: Record<string, unknown> = {};
for (const file of blindFiles) {
  if (!existsSync(file)) {
    console.error(`No blind set at ${file}.`);
    process.exit(2);
  }
  blindResults[path.basename(file)] = evaluateSet(`Blind set ${path.basename(file)} (aggregate only)`, readJsonl(file), verbose);
}
results.blind = blindResults;

// Dev drafts and real messages quoted on public pages (dev half): these may be read.
const dev = load('dev/dev_drafts.jsonl');
results.dev = evaluateSet('Dev drafts (../shared/eval/dev/dev_drafts.jsonl)', dev as Labelled[], verbose);
results.real = evaluateSet('Real messages, dev half (../shared/eval/real/real_messages_dev.jsonl)', load('real/real_messages_dev.jsonl') as Labelled[], verbose);

// Negatives corpora: warning-level flag rate.
out();
out('Flag rate at warning or above on ordinary mail');
out('| corpus | items | flagged | rate |');
out('|---|---|---|---|');
function rate(name: string, rows: Row[], filter?: (f: Finding) => boolean) {
  let flagged = 0;
  const examples: string[] = [];
  for (const r of rows) {
    const f = detect(r.text).filter((x) => atLeastWarning(x) && (!filter || filter(x)));
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
const personalRate = (rows: Row[]) => rows.filter((r) => detect(r.text, { packs: ['personal'] }).some(atLeastWarning)).length / Math.max(1, rows.length);
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
  const toneRate = (rs: Row[]) => rs.filter((r) => detect(r.text, { packs: ['tone'] }).some(atLeastWarning)).length / Math.max(1, rs.length);
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
    const ours = detect(text).some(atLeastWarning);
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
  const flagged = proselint.filter((r) => detect(String(r.text)).some(atLeastWarning)).length;
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

// The rewrite accept-loop runs after detection (`--no-rewrites` skips it; `npm run eval:rewrites` alone).
if (!process.argv.includes('--no-rewrites') && !json) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval-rewrites.ts'], { stdio: 'inherit' });
  if (r.status) process.exitCode = r.status;
}
