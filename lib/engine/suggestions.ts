// Fills suggestion templates from the match and the user's policy, and fits the result to the
// sentence it replaces: capital letter at a sentence start, the original closing punctuation.
import { DAY_NAMES, boundaryStatement, describeAvailability, describeDays, describeHours, nextSlot, scopeStatement, urgentAction } from './policy';
import type { Policy } from './types';

export function policyValues(policy: Policy): Record<string, string> {
  return {
    hours: describeHours(policy),
    days: describeDays(policy.workDays),
    availability: describeAvailability(policy),
    responseTime: policy.responseTime,
    urgentChannel: policy.urgentChannel,
    urgentAction: urgentAction(policy),
    statement: boundaryStatement(policy),
    scopeStatement: scopeStatement(),
    nextSlot: nextSlot(policy),
  };
}

export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => values[name] ?? '').replace(/[ ]{2,}/g, ' ').trim();
}

const KEEP_CAPITAL = new RegExp(`^(?:I|I'm|I'll|I've|I'd|${DAY_NAMES.join('|')}|January|February|March|April|May|June|July|August|September|October|November|December|URGENT)\\b`);

/**
 * Adapts a suggestion to where it lands. `atSentenceStart`: the span begins a sentence.
 * `spanText`: the flagged text, whose closing punctuation the suggestion keeps.
 */
export function fitToContext(suggestion: string, spanText: string, atSentenceStart: boolean): string {
  let s = suggestion;
  if (!s) return s;
  if (atSentenceStart) s = s[0]!.toUpperCase() + s.slice(1);
  else if (/^[A-Z][a-z']/.test(s) && !KEEP_CAPITAL.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
  const closing = /[.!?]+["')\]]*$/.exec(spanText.trimEnd())?.[0];
  if (closing) {
    if (!/[.!?]["')\]]*$/.test(s)) s += closing;
  } else if (/[^.]\.$/.test(s)) {
    s = s.slice(0, -1);
  }
  return s;
}
