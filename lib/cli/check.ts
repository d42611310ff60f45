// `npm run check -- FILE…`: the engine as a command-line linter, and a JSONL mode for machines.
// Exit status: 0 nothing at warning or above, 1 something at warning or above, 2 bad input.
import { readFileSync } from 'node:fs';
import { analyze, EngineInputError, PACK_IDS, SEVERITIES, type AnalyzeOptions, type Finding, type Severity } from '../engine/index';
import { DEFAULT_POLICY } from '../engine/types';
import { parseJson } from '../settings/import-export';
import { formatError, validatePolicy } from '../settings/schema';

const USAGE = `Usage: npm run check -- [options] FILE…
       npm run --silent check -- --format jsonl < drafts.jsonl

Checks client drafts for wording that gives a professional boundary away.

Options:
  --packs a,b          only these packs (${PACK_IDS.join(', ')}); default: all
  --policy FILE        your policy as JSON (workDays, workStart, workEnd, responseTime, …)
  --format text|jsonl  text (default) prints file:line:col; jsonl reads {"id","text"} lines
  --min-severity LEVEL report only suggestion|warning|alert and above (default suggestion)
  -h, --help           show this help

FILE may be "-" for standard input. Exit status: 0 = nothing at warning or above,
1 = at least one warning or alert, 2 = bad input.`;

export class UsageError extends Error {}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => string;
  readStdin: () => string;
}

interface Parsed {
  files: string[];
  format: 'text' | 'jsonl';
  options: AnalyzeOptions;
  help: boolean;
}

function parseArgs(argv: string[], io: CliIo): Parsed {
  const parsed: Parsed = { files: [], format: 'text', options: {}, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        parsed.help = true;
        break;
      case '--packs': {
        const packs = value().split(',').map((p) => p.trim()).filter(Boolean);
        const unknown = packs.filter((p) => !(PACK_IDS as readonly string[]).includes(p));
        if (unknown.length) throw new UsageError(`Unknown pack "${unknown[0]}" in --packs. Known packs: ${PACK_IDS.join(', ')}.`);
        if (packs.length === 0) throw new UsageError('--packs needs at least one pack id.');
        parsed.options.packs = packs;
        break;
      }
      case '--policy':
        parsed.options.policy = readPolicy(value(), io);
        break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'jsonl') throw new UsageError(`--format must be "text" or "jsonl", not "${f}".`);
        parsed.format = f;
        break;
      }
      case '--min-severity': {
        const s = value();
        if (!SEVERITIES.includes(s as Severity)) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}, not "${s}".`);
        parsed.options.minSeverity = s as Severity;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}. Run with --help for the list.`);
        parsed.files.push(arg);
    }
  }
  return parsed;
}

function readPolicy(file: string, io: CliIo) {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw new UsageError(`Cannot read policy file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  const json = parseJson(text);
  if (!json.ok) throw new UsageError(`Policy file ${file}: ${json.error}`);
  if (!json.value || typeof json.value !== 'object' || Array.isArray(json.value)) throw new UsageError(`Policy file ${file}: expected a JSON object.`);
  const merged = { ...DEFAULT_POLICY, ...(json.value as object) };
  const check = validatePolicy(merged);
  if (!check.ok) throw new UsageError(`Policy file ${file}: ${check.errors.map(formatError).join('; ')}`);
  return check.value;
}

/** 1-based line and column (in characters as a reader counts them) of a UTF-16 offset. */
export function position(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: [...before.slice(lineStart)].length + 1 };
}

const atLeastWarning = (f: Finding) => f.severity !== 'suggestion';

function runText(parsed: Parsed, io: CliIo): number {
  if (parsed.files.length === 0) throw new UsageError('No files given. Pass one or more files, "-" for standard input, or --format jsonl.');
  const inputs: { name: string; text: string }[] = [];
  for (const file of parsed.files) {
    try {
      inputs.push({ name: file === '-' ? '<stdin>' : file, text: file === '-' ? io.readStdin() : io.readFile(file) });
    } catch (e) {
      throw new UsageError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
    }
  }
  let serious = 0;
  const counts: Record<Severity, number> = { suggestion: 0, warning: 0, alert: 0 };
  for (const { name, text } of inputs) {
    const findings = analyze(text, { ...parsed.options, customTimeBudgetMs: Infinity });
    for (const f of findings) {
      const { line, col } = position(text, f.start);
      io.stdout(`${name}:${line}:${col} ${f.severity} ${f.pack}/${f.rule} ${f.message}`);
      if (f.kind === 'span') io.stdout(`    flagged: ${JSON.stringify(text.slice(f.start, f.end))}`);
      if (f.focus && (f.focus.start > f.start || f.focus.end < f.end)) io.stdout(`    words: ${JSON.stringify(text.slice(f.focus.start, f.focus.end))}`);
      // Other findings in the same sentence share this card and its rewrites.
      for (const a of f.also ?? []) io.stdout(`    also: ${a.severity} ${a.pack}/${a.rule} ${a.message} ${JSON.stringify(text.slice(a.focus.start, a.focus.end))}`);
      for (const s of f.suggestions) io.stdout(`    ${f.kind === 'missing' ? 'insert' : 'suggest'}: ${s}`);
      counts[f.severity]++;
      if (atLeastWarning(f)) serious++;
    }
  }
  const total = counts.suggestion + counts.warning + counts.alert;
  io.stderr(total === 0 ? 'No findings.' : `${total} finding${total === 1 ? '' : 's'} (${counts.alert} alert, ${counts.warning} warning, ${counts.suggestion} suggestion).`);
  return serious > 0 ? 1 : 0;
}

function runJsonl(parsed: Parsed, io: CliIo): number {
  const sources = parsed.files.length ? parsed.files.map((f) => (f === '-' ? io.readStdin() : io.readFile(f))) : [io.readStdin()];
  let serious = false;
  let bad = false;
  let lineNo = 0;
  for (const source of sources) {
    for (const raw of source.split('\n')) {
      lineNo++;
      if (!raw.trim()) continue;
      const fail = (message: string, id: unknown = null) => {
        bad = true;
        io.stderr(`line ${lineNo}: ${message}`);
        io.stdout(JSON.stringify({ id, line: lineNo, error: message }));
      };
      const json = parseJson(raw);
      if (!json.ok) {
        fail(`invalid JSON at ${json.error.replace(/^line 1, /, '').replace(/^not valid JSON: /, '')}`);
        continue;
      }
      const row = json.value as Record<string, unknown> | null;
      if (!row || typeof row !== 'object' || Array.isArray(row)) {
        fail('expected an object like {"id": …, "text": …}');
        continue;
      }
      if (typeof row.text !== 'string') {
        fail(`"text" must be a string, got ${row.text === undefined ? 'nothing' : typeof row.text}`, row.id ?? null);
        continue;
      }
      try {
        const findings = analyze(row.text, { ...parsed.options, customTimeBudgetMs: Infinity });
        if (findings.some(atLeastWarning)) serious = true;
        io.stdout(
          JSON.stringify({
            id: row.id ?? null,
            findings: findings.map((f) => ({
              rule: f.rule,
              pack: f.pack,
              severity: f.severity,
              kind: f.kind,
              start: f.start,
              end: f.end,
              ...(f.focus ? { focus: f.focus } : {}),
              message: f.message,
              suggestions: f.suggestions,
              ...(f.also ? { also: f.also.map((a) => ({ rule: a.rule, pack: a.pack, severity: a.severity, message: a.message, focus: a.focus })) } : {}),
            })),
          }),
        );
      } catch (e) {
        if (e instanceof EngineInputError) fail(e.message, row.id ?? null);
        else throw e;
      }
    }
  }
  return bad ? 2 : serious ? 1 : 0;
}

export function runCli(argv: string[], io: CliIo): number {
  try {
    const parsed = parseArgs(argv, io);
    if (parsed.help) {
      io.stdout(USAGE);
      return 0;
    }
    return parsed.format === 'jsonl' ? runJsonl(parsed, io) : runText(parsed, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof EngineInputError) {
      io.stderr(`clearline: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

const isMain = process.argv[1] && /check\.(?:ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  const code = runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(`${s}\n`),
    stderr: (s) => process.stderr.write(`${s}\n`),
    readFile: (p) => readFileSync(p, 'utf8'),
    readStdin: () => readFileSync(0, 'utf8'),
  });
  process.exitCode = code;
}
