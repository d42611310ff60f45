// Is a time named in the match outside the user's own working days and hours?
import { findTimes, isOutsideHours, isRangeLimit } from '../time';
import type { Condition } from './types';

export const outsideHours: Condition = (ctx) =>
  findTimes(ctx.norm, ctx.match.start, ctx.match.end).some((t) => isOutsideHours(t, ctx.policy) && !isRangeLimit(ctx.norm, t, ctx.policy));
