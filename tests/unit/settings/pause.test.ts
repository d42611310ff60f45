// Pause arithmetic: one hour from now, the start of tomorrow, and whether a pause is running.
import { expect, test } from 'vitest';
import { isPaused, pauseForOneHour, pauseUntilTomorrow } from '@/lib/settings/pause';

const now = new Date(2026, 10, 24, 21, 30).getTime(); // local 21:30

test('pause for one hour ends 60 minutes from now', () => {
  expect(pauseForOneHour(now) - now).toBe(60 * 60 * 1000);
});

test('pause until tomorrow ends at the next local midnight', () => {
  const until = new Date(pauseUntilTomorrow(now));
  expect([until.getFullYear(), until.getMonth(), until.getDate(), until.getHours(), until.getMinutes()]).toEqual([2026, 10, 25, 0, 0]);
});

test('a pause runs until its end time, and 0 means not paused', () => {
  expect(isPaused({ pausedUntil: now + 1 }, now)).toBe(true);
  expect(isPaused({ pausedUntil: now }, now)).toBe(false);
  expect(isPaused({ pausedUntil: 0 }, now)).toBe(false);
});
