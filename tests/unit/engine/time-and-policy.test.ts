// Time expressions against the user's hours, and the words Clearline uses for a policy.
import { describe, expect, test } from 'vitest';
import { boundaryStatement, describeAvailability, describeDays, formatTime, resolvePolicy } from '../../../lib/engine/policy';
import { findTimes, isOutsideHours } from '../../../lib/engine/time';
import { analyze } from '../../../lib/engine';

const policy = resolvePolicy();
const outside = (text: string, p = policy) => findTimes(text, 0, text.length).some((t) => isOutsideHours(t, p));

describe('time expressions', () => {
  test.each(['tonight at 11', 'Sunday morning', 'after 9pm', 'at 10:30 pm', 'Saturday', 'this weekend', 'at 6:45 am', 'midnight', '23:00'])('%j is outside Mon–Fri 9–6', (t) => {
    expect(outside(`Let's talk ${t}.`)).toBe(true);
  });
  test.each(['Tuesday at 11', 'at 10 tomorrow morning', 'Monday at 2pm', 'after 3pm', '3 revisions', 'by 5', 'on the 14th'])('%j is not outside', (t) => {
    expect(outside(`Let's talk ${t}.`)).toBe(false);
  });
  test('an offer is judged in its own paragraph: a time merely mentioned above it does not hide it', () => {
    // Both sentences start their paragraph; the first only mentions a time, the second offers one.
    const rules = (t: string) => analyze(t).map((f) => f.rule);
    expect(rules('The gallery shuts on Sunday at 6pm.\n\nI can do Sunday at 8pm for the walkthrough.')).toContain('after-hours-offer');
    expect(rules('The gallery shuts on Sunday at 6pm.')).not.toContain('after-hours-offer');
  });
  test('the policy decides: Saturday evenings can be working time', () => {
    const p = resolvePolicy({ workDays: [1, 2, 3, 4, 5, 6], workEnd: '22:00' });
    expect(outside('Saturday at 9pm', p)).toBe(false);
    expect(outside('Sunday at 9pm', p)).toBe(true);
  });
  test('adjacent atoms merge into one expression with its offsets', () => {
    const text = 'Call me Sunday at 9pm please';
    const [t] = findTimes(text, 0, text.length);
    expect(text.slice(t!.start, t!.end)).toBe('Sunday at 9pm');
    expect(t!.day).toBe(0);
    expect(t!.minutes).toBe(21 * 60);
  });
});

describe('policy words', () => {
  test('days and times read naturally', () => {
    expect(describeDays([1, 2, 3, 4, 5])).toBe('Monday to Friday');
    expect(describeDays([1, 3, 5])).toBe('Monday, Wednesday and Friday');
    expect(describeDays([0, 1, 2, 3, 4, 5, 6])).toBe('every day');
    expect(formatTime(510)).toBe('8:30 AM');
    expect(formatTime(720)).toBe('12 PM');
    expect(describeAvailability(resolvePolicy({ timeZone: 'Europe/London' }))).toBe('Monday to Friday, 9 AM to 6 PM UK time');
  });
  test('the boundary statement quotes hours, response time, urgent path and optional lines', () => {
    const s = boundaryStatement(resolvePolicy({ responseTime: 'within 24 hours', urgentChannel: 'my assistant Kim on 555-0100', giftsLine: 'I do not accept personal gifts' }));
    expect(s).toBe(
      "For reference, I'm available Monday to Friday, 9 AM to 6 PM, and I reply within 24 hours. For anything urgent outside those hours, please contact my assistant Kim on 555-0100. I do not accept personal gifts.",
    );
  });
});
