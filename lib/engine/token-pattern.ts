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
    "when then than now also very too our us they he she them him her his who about after before over their theirs each other " +
    "some many much most such own same should being been having does did doing may might").split(' '),
);
/** Words frequent in work mail: allowed as triggers, but any rarer element is preferred. */
const FREQUENT = new Set(
  ("call calls email e-mail emails mail message messages text contact reach send add make free extra late pay bill work help need want like love " +
    "thanks thank please happy glad sure fine great good new next week weeks today tomorrow tonight weekend monday friday night meeting project " +
    "change changes phone number office time hours hour days question questions know let look looking working update team night around round " +
    "early thing things keep take give going great perfect okay ok right hope should bad test done someone consider fine times seeing sure " +
    "mind leave cancel drop warning worse others wonderful lovely brilliant answer reply respond available personal home between cell " +
    "session sessions told tell said sent show share shared sharing mentioned mention talked spoke talking down everything following checking " +
    "asking enough follow best nice must actually finally nothing luck bye fun enjoy oh yeah bother into saw case friend friends partner " +
    "only less price open special again think read young yourself myself feel pick mobile online appointments mum mom dad mother father " +
    "wife husband son daughter boss colleague client clients take cut lower half reduced make use group another other year back soon " +
    "well off during while through order again once date until hope person even people already able check notes place file " +
    "credit review last find report final still made using used full part end start set run line side way point " +
    "ask try why ever stay house money watch present problem better understand hard").split(' '),
);
/** A frequent word costs as much as this many rare ones when choosing the trigger element. */
const FREQUENT_COST = 200;

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
  // Short numbers ("7 days a week") are everywhere in work mail too.
  const rare = words.filter((w) => !FREQUENT.has(w) && !/^\d{1,2}$/.test(w));
  if (rare.length) return rare.reduce((a, b) => (b.length > a.length ? b : a));
  // Only frequent words ("day or night", "on the weekend"): the whole phrase is the rarer trigger.
  return all.length > 1 && !alt.startsWith("'") ? alt : words[0]!;
}

export interface CompiledTokenPattern {
  source: string;
  triggers: string[];
  /**
   * For each required element whose every alternative opens with a checkable word (see
   * openingRun), the distinct opening runs: a sentence lacking every run of one element cannot
   * match, so the pattern is not run on it. Smallest sets first (they settle it soonest).
   */
  required: string[][];
  /** The opening runs of the first element (always required), when all are checkable: a match starts only at one of them. */
  first: string[] | null;
}

/**
 * The runs of ASCII letters and digits an alternative's regex (wordSource: \b, then the word with
 * optional apostrophes) can find whole at a word start: "call" → ["call"], "any time" → ["any"],
 * "24/7" → ["24"], "i'm" → ["i", "im"] (the apostrophe may be left out). Null when the word opens
 * with anything else ("'ll", "<3") or has apostrophes in more than one place.
 */
export function openingRun(word: string): string[] | null {
  const m = /^[a-z0-9]+/i.exec(word);
  if (!m) return null;
  const f = m[0].toLowerCase();
  if (word[f.length] !== "'") return [f];
  const rest = word.slice(f.length + 1);
  const g = /^[a-z0-9]*/i.exec(rest)![0].toLowerCase();
  if (rest[g.length] === "'") return null;
  return g ? [f, f + g] : [f];
}

export function compileTokenPattern(pattern: string): CompiledTokenPattern {
  const all = parse(pattern);
  // Optional elements at either end only widen the match, never decide it; leaving them out lets
  // the regex start at a required word, which is much faster to search for.
  let first = 0;
  let last = all.length - 1;
  while (all[first]!.optional) first++;
  while (all[last]!.optional) last--;
  const elements = all.slice(first, last + 1);
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
    // A rare word costs 1, a frequent word FREQUENT_COST, a phrase of common words a little less
    // (two-word phrases like "you can" are everywhere; three or more words are specific).
    const score = words.reduce((sum, w) => sum + (FREQUENT.has(w!) ? FREQUENT_COST : w!.includes(' ') ? (w!.split(' ').length > 2 ? 10 : 150) : 1), 0);
    if (!best || score < best.score) best = { score, words: words as string[] };
  }
  if (!best) {
    throw new TokenPatternError(`"${pattern}" needs a required element without common words (like "I", "you", "can") to serve as its trigger`);
  }
  const required: string[][] = [];
  const firstRuns = elements[0]!.alts.flatMap(altWords).map(openingRun);
  const opening = firstRuns.every((r) => r !== null) ? [...new Set((firstRuns as string[][]).flat())] : null;
  for (const e of elements) {
    if (e.optional || e.gap) continue;
    const runs = e.alts.flatMap(altWords).map(openingRun);
    if (runs.every((r) => r !== null)) required.push([...new Set((runs as string[][]).flat())]);
  }
  required.sort((a, b) => a.length - b.length);
  return { source, triggers: [...new Set(best.words.flatMap(wordTriggers))], required, first: opening };
}
