// Token patterns: rules written over word classes instead of long regular expressions.
//
//   [I|we] [MODAL]? CONTACT_VERB me [ANY_HOUR]
//
// Elements are separated by spaces. `word` or `two words` inside brackets are literal (apostrophes
// optional, any spacing); an UPPER_CASE name is a word class from rules/classes.json; `[a|b|CLASS]`
// is any of them; a trailing `?` makes an element optional; `...` skips up to four words inside
// the sentence. The compiled regex matches whole words; commas between words are allowed.
//
// Triggers for the prefilter are derived: the required element whose words are rarest in ordinary
// mail becomes the rule's trigger, so a pattern made only of common words is refused.
import { CLASSES, classSource, wordSource, wordTriggers } from './classes';

export class TokenPatternError extends Error {
  override name = 'TokenPatternError';
}

interface Element {
  /** Alternatives: class names (UPPER) or literal phrases. */
  alts: string[];
  optional: boolean;
  gap: boolean;
}

const CLASS_NAME = /^[A-Z][A-Z0-9_]*$/;
const SEP = '[\\s,]+';
const GAP_WORD = "[^\\s.!?]+";

/** Words too common in ordinary mail to decide anything on their own. */
const COMMON = new Set(
  ("i we you u me my your ur it its the a an to of and or in on at for with is are be am was were can could will would so just really that this these those " +
    "i'm im i'll ill we're not no do don't dont have has had get got all any if as up out go come see one more time day by from there here what how " +
    "when then than now also very too our us they he she them him her his who about after before over").split(' '),
);
/** Words frequent in work mail: allowed as triggers, but a rarer element is preferred. */
const FREQUENT = new Set(
  ("call email e-mail mail message text contact reach send add make free extra late pay bill work help need want like love thanks thank please happy " +
    "glad sure fine great good new next week today tomorrow tonight weekend monday friday night meeting project change changes").split(' '),
);

function splitElements(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of pattern.trim()) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (depth < 0) throw new TokenPatternError(`unbalanced "]" in "${pattern}"`);
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) throw new TokenPatternError(`unclosed "[" in "${pattern}"`);
  if (cur) out.push(cur);
  return out;
}

function parse(pattern: string): Element[] {
  const elements = splitElements(pattern).map((raw): Element => {
    if (raw === '...') return { alts: [], optional: true, gap: true };
    const optional = raw.endsWith('?') && raw.length > 1;
    const body = optional ? raw.slice(0, -1) : raw;
    const inner = body.startsWith('[') && body.endsWith(']') ? body.slice(1, -1) : body;
    if (/[[\]]/.test(inner)) throw new TokenPatternError(`misplaced bracket in "${raw}"`);
    const alts = inner.split('|').map((a) => a.trim().replace(/\s+/g, ' '));
    for (const a of alts) {
      if (!a) throw new TokenPatternError(`empty alternative in "${raw}"`);
      if (CLASS_NAME.test(a) && !CLASSES[a]) throw new TokenPatternError(`unknown word class ${a} (classes live in rules/classes.json)`);
      if (!CLASS_NAME.test(a) && a !== a.toLowerCase()) throw new TokenPatternError(`"${a}": write literal words in lower case, class names in UPPER_CASE`);
    }
    return { alts, optional, gap: false };
  });
  if (elements.length === 0) throw new TokenPatternError('empty pattern');
  if (elements[0]!.gap || elements[elements.length - 1]!.gap) throw new TokenPatternError(`"..." must stand between two elements in "${pattern}"`);
  if (!elements.some((e) => !e.optional)) throw new TokenPatternError(`"${pattern}" has no required element`);
  return elements;
}

const altSource = (a: string) => (CLASS_NAME.test(a) ? classSource(a) : wordSource(a));
const altWords = (a: string) => (CLASS_NAME.test(a) ? CLASSES[a]!.words : [a]);

/** The word of an alternative that the prefilter looks for: its longest uncommon word, or null if all are common. */
function triggerWord(alt: string): string | null {
  const all = alt.split(' ');
  const words = all.filter((w) => !w.startsWith("'") && !COMMON.has(w) && !COMMON.has(w.replace(/'/g, '')));
  // A phrase of common words ("any time") is still specific as a whole: the prefilter finds it
  // by its first word and checks the rest there.
  if (words.length === 0) return all.length > 1 && !alt.startsWith("'") ? alt : null;
  return words.reduce((a, b) => (b.length > a.length ? b : a));
}

export interface CompiledTokenPattern {
  source: string;
  triggers: string[];
}

export function compileTokenPattern(pattern: string): CompiledTokenPattern {
  const elements = parse(pattern);
  let source = '';
  let started = false;
  for (const e of elements) {
    const body = e.gap ? GAP_WORD : e.alts.length === 1 ? altSource(e.alts[0]!) : `(?:${e.alts.map(altSource).join('|')})`;
    if (e.gap) source += `(?:${SEP}${GAP_WORD}){0,4}`;
    else if (!started) {
      source += e.optional ? `(?:${body}${SEP})?` : body;
      started ||= !e.optional;
    } else source += e.optional ? `(?:${SEP}${body})?` : `${SEP}${body}`;
  }
  // Pick the trigger element: required, every alternative holding a word that is not common, and
  // the rarest by a simple score. Each alternative contributes its longest uncommon word.
  let best: { score: number; words: string[] } | null = null;
  for (const e of elements) {
    if (e.optional || e.gap) continue;
    const words = e.alts.flatMap(altWords).map(triggerWord);
    if (words.some((w) => w === null)) continue;
    const score = words.length + 20 * words.filter((w) => FREQUENT.has(w!)).length + 10 * words.filter((w) => w!.includes(' ')).length;
    if (!best || score < best.score) best = { score, words: words as string[] };
  }
  if (!best) {
    throw new TokenPatternError(`"${pattern}" needs a required element without common words (like "I", "you", "can") to serve as its trigger`);
  }
  return { source, triggers: [...new Set(best.words.flatMap(wordTriggers))] };
}
