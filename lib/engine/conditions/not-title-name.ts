// "Dear Mr Hun,", "Hi Ms Darling": after a title, an endearment-looking word is a surname.
import type { Condition } from './types';

const TITLES = '(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|madam|dame|lady|lord|rev|fr)';
const TITLE_BEFORE = new RegExp(`\\b${TITLES}\\.?\\s+$`, 'i');
// The match itself may start at the title ("Mr Darling,"): a title right before its last word.
const TITLE_INSIDE = new RegExp(`\\b${TITLES}\\.?\\s+[a-z'’-]+[^a-z]*$`, 'i');

/** Holds unless the match's word follows a title (Mr, Mrs, Ms, Dr…): then it is a name. */
export const notTitleName: Condition = (ctx) =>
  !TITLE_BEFORE.test(ctx.norm.slice(Math.max(0, ctx.match.start - 12), ctx.match.start)) && !TITLE_INSIDE.test(ctx.norm.slice(ctx.match.start, ctx.match.end));
