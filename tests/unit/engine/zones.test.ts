// Time zones as people name them, the 24-hour clock, and the clinician's urgent path in the statement.
import { describe, expect, it } from 'vitest';
import { boundaryStatement, describeAvailability, resolvePolicy } from '@/lib/engine/policy';
import { CLINICIAN_URGENT_CHANNEL } from '@/lib/engine/types';
import { findZone, localeClock, zoneName } from '@/lib/engine/zones';

describe('time zones by city', () => {
  it('finds the zone for a typed city, in any case and without accents, and for an IANA name', () => {
    expect(findZone('London')).toBe('Europe/London');
    expect(findZone('new york')).toBe('America/New_York');
    expect(findZone('Sao Paulo')).toBe('America/Sao_Paulo');
    expect(findZone('europe/london')).toBe('Europe/London');
    expect(findZone('London · UK time')).toBe('Europe/London');
  });
  it('finds nothing for a half-typed or unknown city (the form waits rather than erroring)', () => {
    expect(findZone('Lon')).toBeNull();
    expect(findZone('Atlantis')).toBeNull();
    expect(findZone('')).toBeNull();
  });
  it('names zones the way clients say them, never as IANA ids', () => {
    expect(zoneName('Europe/London')).toBe('UK time');
    expect(zoneName('America/New_York')).toBe('Eastern time');
    expect(zoneName('Europe/Paris')).toBe('Central European time');
    expect(zoneName('local')).toBe('');
  });
});

describe('clock', () => {
  it('follows the locale: 24-hour for en-GB and de-DE, 12-hour for en-US', () => {
    expect(localeClock('en-GB')).toBe('24h');
    expect(localeClock('de-DE')).toBe('24h');
    expect(localeClock('en-US')).toBe('12h');
  });
  it('writes hours in 24-hour form with the zone, with no nested parentheses', () => {
    const p = resolvePolicy({ workDays: [2, 3, 4, 5], workStart: '08:30', workEnd: '16:30', timeZone: 'Europe/London', clock: '24h' });
    expect(describeAvailability(p)).toBe('Tuesday to Friday, 8:30 to 16:30 UK time');
    expect(`(${describeAvailability(p)})`).not.toMatch(/\([^)]*\(/);
  });
});

describe('urgent path by profession', () => {
  it('a clinician with the general default gets emergency services or a crisis line, never "URGENT" email', () => {
    const statement = boundaryStatement(resolvePolicy({ profession: 'clinician' }));
    expect(statement).toContain(CLINICIAN_URGENT_CHANNEL);
    expect(statement).not.toMatch(/URGENT/);
  });
  it('keeps a path the user wrote, and the general default for other professions', () => {
    expect(boundaryStatement(resolvePolicy({ profession: 'clinician', urgentChannel: 'call the clinic on 020 7946 0000' }))).toContain('call the clinic');
    expect(boundaryStatement(resolvePolicy({ profession: 'freelancer' }))).toContain('email with URGENT in the subject');
  });
});

describe('zone names as clients read them today', () => {
  it('names a zone by what it is now, not what it was in 1970', () => {
    expect(zoneName('Europe/Kiev')).toBe('Eastern European time');
  });
});

describe('places that are not IANA zone names', () => {
  it('finds the zone people there keep, for cities and countries', () => {
    expect(findZone('Manchester')).toBe('Europe/London');
    expect(findZone('edinburgh')).toBe('Europe/London');
    expect(findZone('UK')).toBe('Europe/London');
    expect(findZone('San Francisco')).toBe('America/Los_Angeles');
    expect(findZone('Boston')).toBe('America/New_York');
    expect(findZone('Munich')).toBe('Europe/Berlin');
    expect(findZone('Mumbai')).toBe('Asia/Kolkata');
    // The zone's own city, even where the runtime lists it under an older name (Asia/Calcutta).
    expect(findZone('Kolkata')).toBe('Asia/Kolkata');
    expect(findZone(`Kolkata · ${zoneName('Asia/Kolkata')}`)).toBe('Asia/Kolkata');
    expect(findZone('Atlantis')).toBeNull();
  });
});
