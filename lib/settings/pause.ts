// Pause arithmetic shared by the popup (setting it) and the background (honouring it).
import type { Settings } from './types';

export function isPaused(settings: Pick<Settings, 'pausedUntil'>, now = Date.now()): boolean {
  return settings.pausedUntil > now;
}

export function pauseForOneHour(now = Date.now()): number {
  return now + 60 * 60 * 1000;
}

/** Start of the next local calendar day: "until tomorrow" means the user starts fresh tomorrow. */
export function pauseUntilTomorrow(now = Date.now()): number {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}
