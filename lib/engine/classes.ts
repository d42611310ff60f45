// Word classes (rules/classes.json): named word lists that rules use as [CLASS] in token patterns
// and {CLASS} in regular expressions. Each class compiles once to one alternation.
import CLASS_FILE from '../../rules/classes.json';

export interface WordClass {
  about: string;
  words: string[];
}

const NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

export class ClassError extends Error {
  override name = 'ClassError';
}

/** Checks the classes file: names in UPPER_SNAKE, each with an `about` and a non-empty list of lower-case words. */
export function validateClasses(raw: unknown): Record<string, WordClass> {
  const file = raw as { classes?: unknown };
  if (!file || typeof file !== 'object' || !file.classes || typeof file.classes !== 'object') {
    throw new ClassError('rules/classes.json: field "classes": expected an object of named word classes');
  }
  const out: Record<string, WordClass> = {};
  for (const [name, v] of Object.entries(file.classes as Record<string, unknown>)) {
    const c = v as Partial<WordClass>;
    const at = `rules/classes.json: class "${name}"`;
    if (!NAME.test(name)) throw new ClassError(`${at}: name must be UPPER_SNAKE_CASE`);
    if (typeof c?.about !== 'string' || !c.about.trim()) throw new ClassError(`${at}: field "about": expected a non-empty string`);
    if (!Array.isArray(c.words) || c.words.length === 0) throw new ClassError(`${at}: field "words": expected a non-empty array`);
    const seen = new Set<string>();
    for (const w of c.words) {
      if (typeof w !== 'string' || !w.trim()) throw new ClassError(`${at}: field "words": every entry must be a non-empty string`);
      if (w !== w.toLowerCase() || w !== w.trim()) throw new ClassError(`${at}: word "${w}": write words in lower case without outer spaces`);
      if (seen.has(w)) throw new ClassError(`${at}: word "${w}" is listed twice`);
      seen.add(w);
    }
    out[name] = { about: c.about, words: c.words };
  }
  return out;
}

export const CLASSES: Record<string, WordClass> = validateClasses(CLASS_FILE);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One word or phrase as a regular expression: spaces match any run of spaces, apostrophes are
 * optional, and a word edge gets a boundary so "hon" never matches inside "honest".
 */
export function wordSource(word: string): string {
  const body = word
    .split(/\s+/)
    .map((w) => escape(w).replace(/'/g, "'?"))
    .join('\\s+');
  const lead = /^[a-z0-9']/i.test(word) ? '\\b' : '';
  const tail = /[a-z0-9']$/i.test(word) ? '\\b' : '';
  // "'ll" starts with an optional apostrophe: it attaches to the word before it.
  return word.startsWith("'") ? `${body}${tail}` : `${lead}${body}${tail}`;
}

const sourceCache = new Map<string, string>();

/** The class as one non-capturing alternation, longest words first (so "any time at all" beats "any time"). */
export function classSource(name: string): string {
  let s = sourceCache.get(name);
  if (s === undefined) {
    const c = CLASSES[name];
    if (!c) throw new ClassError(`unknown word class ${name}`);
    s = `(?:${[...c.words].sort((a, b) => b.length - a.length).map(wordSource).join('|')})`;
    sourceCache.set(name, s);
  }
  return s;
}

/** Prefilter triggers for a word: whole-word triggers, with and without its apostrophes. */
export function wordTriggers(word: string): string[] {
  const forms = new Set([word, word.replace(/'/g, '')]);
  return [...forms].filter((f) => f.replace(/^'+/, '').length > 0).map((f) => `${f.replace(/^'+/, '')}$`);
}
