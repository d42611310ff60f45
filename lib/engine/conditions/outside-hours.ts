// Is a time named in the match outside the user's own working days and hours?
import { findTimes, isOutsideHours, isRangeLimit } from '../time';
import type { Condition } from './types';

// A match on "6 PM" alone must still hear the "before" in front of it: times are read from a few
// words earlier and kept when they reach into the match.
const LOOK_BACK = 16;

export const outsideHours: Condition = (ctx) =>
  findTimes(ctx.norm, Math.max(0, ctx.match.start - LOOK_BACK), ctx.match.end)
    .filter((t) => t.end > ctx.match.start)
    .some((t) => isOutsideHours(t, ctx.policy) && !isRangeLimit(ctx.norm, t, ctx.policy));
