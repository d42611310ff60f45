// "You look stunning" is about the reader; "the deck looks stunning" is about the work.
// Grammar finds the subject of the verb the match starts with.
import type { NlpDoc } from '../nlp';
import type { Condition } from './types';
import { matchWindow, recalled, remember } from './near-match';

const PERSONAL_NOUN = /^(?:you|your|yours|u|ur)$/i;
const APPEARANCE_NOUN = /^(?:eyes|smile|lips|legs|body|figure|hair|skin|face|curves|outfit|dress|photo|photos|picture|pictures|pic|pics|selfie|selfies|profile)$/i;

export const subjectIsYou: Condition = (ctx) => {
  const matched = ctx.norm.slice(ctx.match.start, ctx.match.end);
  // The pattern itself may already name the reader ("your smile is…", "a photo of you…", "looks great on you").
  if (/^(?:you|your|ur|u)\b/i.test(matched) || /\b(?:of|on) you\b/i.test(matched)) return true;
  // "…brings out your eyes": the match names the reader's body or looks itself.
  if (/\b(?:your|ur)\s+(?:\w+\s+)?(?:eyes|smile|lips|legs|body|figure|hair|skin|face|curves|arms|abs|physique|cheekbones)\b/i.test(matched)) return true;
  // Cheap cases first: "you (always) look…" is the reader; with no "you"/"your" before the verb
  // the subject cannot be the reader. Grammar is needed only in between ("you and your team look").
  const before = ctx.norm.slice(ctx.sentence.start, ctx.match.start).toLowerCase();
  if (/\b(?:you|u)\s+(?:(?:always|still|just|really|so|totally|truly|honestly|definitely|do|did|sure)\s+)*$/.test(before)) return true;
  if (!/\b(?:you|your|ur|u)\b/.test(before)) return false;
  const near = matchWindow(ctx);
  const s = near.text;
  const offset = ctx.match.start - near.start;
  const key = `${offset}\u0000${s}`;
  const known = recalled('subject-is-you', key);
  if (known !== undefined) return known;
  const doc = ctx.nlp.get(s);
  // Without grammar (parse budget used up): "you" is near but not the subject we can see.
  if (!doc) return false;
  return remember('subject-is-you', key, subjectBefore(doc, offset));
};

/** Whether the head word before `offset` in the parsed window is the reader. */
function subjectBefore(doc: NlpDoc, offset: number): boolean {
  // Walk back from the match over adverbs and auxiliaries to the subject's head word.
  const terms = doc.terms().json({ offset: true }) as { text: string; offset: { start: number }; terms: { tags: string[]; normal: string }[] }[];
  let idx = terms.findIndex((t) => t.offset.start >= offset);
  if (idx === -1) idx = terms.length;
  for (let i = idx - 1; i >= 0; i--) {
    const term = terms[i]!.terms[0]!;
    const tags = new Set(term.tags);
    const word = term.normal.replace(/[^a-z']/g, '');
    if (tags.has('Adverb') || tags.has('Auxiliary') || tags.has('Modal') || tags.has('Copula') || /^(?:always|still|just|really|so|totally)$/.test(word)) continue;
    if (PERSONAL_NOUN.test(word) || /^you(?:'re|re)$/.test(word)) return true;
    if (APPEARANCE_NOUN.test(word)) {
      // "your smile looks", "that photo of you looks": the noun belongs to the reader.
      const before = terms.slice(Math.max(0, i - 4), i).map((t) => t.terms[0]!.normal).join(' ');
      const after = terms.slice(i + 1, idx).map((t) => t.terms[0]!.normal).join(' ');
      return /\b(?:your|ur)\b/.test(before) || /\bof you\b/.test(after);
    }
    return false;
  }
  return false;
}
