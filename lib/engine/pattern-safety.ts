// The gate for the user's own patterns. Custom patterns run in RE2 (re2js), a matcher that never
// backtracks: its time grows linearly with the text whatever the pattern, so nested quantifiers
// and the like cannot freeze typing. What is refused, each with a plain reason: invalid syntax,
// what RE2 does not have (lookaround, backreferences, atomic groups), patterns too big to run
// quickly, and patterns that match empty text or a single character (they would flag every draft).
// Pure: no DOM, no browser APIs.
import { RE2JS, RE2JSSyntaxException } from 're2js';

export type PatternCheck = { ok: true } | { ok: false; reason: string };

export const MAX_PATTERN_LENGTH = 200;

/**
 * Largest compiled program accepted. Matching costs up to (sentence length × program size) steps,
 * and repeat counts copy what they repeat ("\w{1,1000}" is 2,000 instructions): this keeps one
 * sentence's search well under a millisecond.
 */
export const MAX_PROGRAM_SIZE = 300;

/** Compiles a custom pattern as the engine runs it: case-insensitive, Unicode-aware RE2. */
export function compileCustomPattern(source: string): RE2JS {
  return RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
}

/** Plain words for RE2's syntax errors; `what` is the offending part of the pattern. */
function explainSyntax(error: string, what: string): string {
  if (error === 'invalid or unsupported Perl syntax') {
    if (what.startsWith('(?=') || what.startsWith('(?!')) {
      return `lookahead "${what}…)" is not supported: custom patterns run in a matcher that never backtracks, and it has no lookaround`;
    }
    if (what.startsWith('(?<=') || what.startsWith('(?<!')) {
      return `lookbehind "${what}…)" is not supported: custom patterns run in a matcher that never backtracks, and it has no lookaround`;
    }
    if (what.startsWith('(?>')) return 'atomic groups "(?>…)" are not supported; a plain group "(?:…)" does the same here';
    return `"${what}" is not a group this matcher knows; use "(…)" or "(?:…)"`;
  }
  if (error === 'invalid escape sequence') {
    if (/^\\[1-9]$/.test(what) || what === '\\k') {
      return `backreference "${what === '\\k' ? '\\k<…>' : what}" is not supported: custom patterns run in a matcher that never backtracks, and it cannot refer back to a group`;
    }
    if (what === '\\u') return 'write a character by its code as "\\x{00E9}", not "\\u00E9"';
    return `"${what}" is not a known escape; write "\\\\" for a backslash`;
  }
  if (error === 'missing closing ]') return 'a "[" has no closing "]" (write "\\[" for a bracket itself)';
  if (error === 'missing closing )') return 'a "(" has no closing ")"';
  if (error === 'unexpected )') return 'a ")" has no opening "("';
  if (error === 'missing argument to repetition operator') return `"${what}" has nothing before it to repeat`;
  if (error === 'invalid nested repetition operator') return `"${what}" repeats a repetition; use one "*", "+" or "?"`;
  if (error === 'invalid repeat count') {
    return `"${what}": a repeat count may be at most 1000 (counts inside counts multiply), and the first number no larger than the second`;
  }
  if (error === 'invalid character class range') return `"${what}" is not a valid range or character class`;
  if (error === 'trailing backslash at end of expression') return 'the pattern ends with a lone "\\"';
  return `${error}${what ? ` at "${what}"` : ''}`;
}

/**
 * The fewest characters a match can have, and one character such a shortest match can start
 * with: a shortest path through the compiled program, where each character step costs one and
 * assertions (^ $ \b) cost nothing. Exact for what it answers: whether 0 or 1 is possible.
 */
function shortestMatch(re: RE2JS): { length: number; example: number | null } {
  // re2js keeps the compiled program on the RE2 object; its shape is pinned by the exact version.
  const prog = (re as unknown as { re2Input: { prog: { start: number; inst: { op: number; out: number; arg: number; runes: Int32Array }[] } } }).re2Input.prog;
  const ALT = 1, ALT_MATCH = 2, MATCH = 6, FAIL = 5, RUNE = 8, RUNE1 = 9, RUNE_ANY = 10, RUNE_ANY_NOT_NL = 11;
  const dist = new Map<number, number>();
  // 0-1 breadth-first search: zero-cost steps go to the front of the queue.
  const queue: [number, number, number | null][] = [[prog.start, 0, null]];
  let best = { length: Infinity, example: null as number | null };
  while (queue.length) {
    const [pc, d, ex] = queue.shift()!;
    if (d >= best.length || (dist.has(pc) && dist.get(pc)! <= d)) continue;
    dist.set(pc, d);
    const inst = prog.inst[pc]!;
    const zero = (next: number) => queue.unshift([next, d, ex]);
    const one = (next: number, rune: number | null) => queue.push([next, d + 1, ex ?? rune]);
    switch (inst.op) {
      case MATCH:
        best = { length: d, example: ex };
        break;
      case FAIL:
        break;
      case ALT:
      case ALT_MATCH:
        zero(inst.out);
        zero(inst.arg);
        break;
      case RUNE:
      case RUNE1:
        one(inst.out, inst.runes[0] ?? null);
        break;
      case RUNE_ANY:
      case RUNE_ANY_NOT_NL:
        one(inst.out, 0x61);
        break;
      default: // CAPTURE, NOP, EMPTY_WIDTH: no character consumed
        zero(inst.out);
    }
  }
  return best;
}

function show(cp: number | null): string {
  if (cp === null) return '';
  const ch = String.fromCodePoint(cp).toLowerCase();
  return ch === ' ' ? ' (such as a space)' : /\s/.test(ch) ? ' (such as a line break)' : ` (such as "${ch}")`;
}

// Settings are validated on every read and the engine compiles the same patterns: judge and
// compile each source once (compiling a Unicode class costs milliseconds).
const judged = new Map<string, { check: PatternCheck; re: RE2JS | null }>();
const JUDGED_LIMIT = 500;

/** Decide whether a custom pattern can be used, and if not, say why in plain words. */
export function checkCustomPattern(source: string): PatternCheck {
  return judge(source).check;
}

/** The compiled pattern, for a source checkCustomPattern accepts (null otherwise). */
export function acceptedPattern(source: string): RE2JS | null {
  return judge(source).re;
}

function judge(source: string): { check: PatternCheck; re: RE2JS | null } {
  let j = judged.get(source);
  if (!j) {
    j = judgeNow(source);
    if (judged.size >= JUDGED_LIMIT) judged.delete(judged.keys().next().value as string);
    judged.set(source, j);
  }
  return j;
}

function judgeNow(source: string): { check: PatternCheck; re: RE2JS | null } {
  const refuse = (reason: string) => ({ check: { ok: false as const, reason }, re: null });
  if (source.trim() === '') return refuse('the pattern is empty');
  if (source.length > MAX_PATTERN_LENGTH) return refuse(`the pattern is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`);
  // RE2 reads "(?<=" as a broken named group; say what it really is.
  const lookbehind = /(?:^|[^\\])(?:\\\\)*(\(\?<[=!])/.exec(source);
  if (lookbehind) return refuse(`not a valid pattern: ${explainSyntax('invalid or unsupported Perl syntax', lookbehind[1]!)}`);
  let re: RE2JS;
  try {
    re = compileCustomPattern(source);
  } catch (e) {
    if (e instanceof RE2JSSyntaxException) return refuse(`not a valid pattern: ${explainSyntax(e.error, e.input ?? '')}`);
    return refuse(`not a valid pattern: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) {
    return refuse('the pattern is too big to run on every keystroke (repeat counts such as "{1,100}" copy what they repeat); use "+", "*" or smaller counts');
  }
  const shortest = shortestMatch(re);
  if (shortest.length === 0) return refuse('the pattern can match empty text, so it would flag every draft');
  if (shortest.length === 1) {
    return refuse(`the pattern can match a single character${show(shortest.example)}, so it would flag almost every draft; make every match at least two characters long`);
  }
  return { check: { ok: true as const }, re };
}
