// Which site a tab belongs to, and whether Clearline is on there (the popup's state and the background's gate).
import { describe, expect, test } from 'vitest';
import { defaultSettings } from '@/lib/settings/defaults';
import { isSiteOff, matchSite, originOf } from '@/lib/settings/sites';

const settings = defaultSettings();
settings.sites.added = ['https://app.example.com'];
settings.sites.builtIn.linkedin = false;

describe('matchSite', () => {
  test.each([
    ['https://mail.google.com/mail/u/0/#inbox', { kind: 'builtIn', id: 'gmail', name: 'Gmail', origin: 'https://mail.google.com' }],
    ['https://outlook.office365.com/mail/', { kind: 'builtIn', id: 'outlook', name: 'Outlook on the web', origin: 'https://outlook.office365.com' }],
    ['https://app.example.com/inbox?x=1', { kind: 'added', origin: 'https://app.example.com' }],
    ['https://intranet.example.org/', { kind: 'none', origin: 'https://intranet.example.org' }],
    ['http://mail.google.com/', { kind: 'none', origin: 'http://mail.google.com' }],
    ['chrome://extensions/', { kind: 'none', origin: null }],
    [undefined, { kind: 'none', origin: null }],
  ])('%s', (url, expected) => {
    expect(matchSite(url, settings)).toEqual(expected);
  });
});

describe('isSiteOff', () => {
  test('is true for a built-in site the user switched off', () => {
    expect(isSiteOff('https://www.linkedin.com/messaging/', settings)).toBe(true);
    expect(isSiteOff('https://mail.google.com/mail/', settings)).toBe(false);
  });

  test('is false on a site the user added, true once it is no longer added', () => {
    expect(isSiteOff('https://app.example.com/', settings)).toBe(false);
    expect(isSiteOff('https://app.example.com/', { sites: { ...settings.sites, added: [] } })).toBe(true);
  });

  test('does not judge a sender without a web address', () => {
    expect(isSiteOff(undefined, settings)).toBe(false);
  });
});

test('originOf ignores paths and refuses non-web schemes', () => {
  expect(originOf('http://localhost:8080/a/b')).toBe('http://localhost:8080');
  expect(originOf('file:///tmp/x.html')).toBeNull();
  expect(originOf('not a url')).toBeNull();
});

test('the built-in sites cover exactly the hosts the manifest and the content script match', async () => {
  const { SITE_MATCHES: contentMatches } = await import('@/lib/composer/sites/matches');
  const { SITE_MATCHES: manifestMatches } = await import('@/wxt.config');
  const { BUILT_IN_SITES } = await import('@/lib/settings/defaults');
  const hosts = (matches: readonly string[]) => matches.map((m) => new URL(m.replace('/*', '/')).hostname).sort();
  const ours = BUILT_IN_SITES.flatMap((s) => [...s.hosts]).sort();
  expect(ours).toEqual(hosts(contentMatches));
  expect(ours).toEqual(hosts(manifestMatches));
  // Importing wxt.config loads WXT itself, which takes seconds on a loaded 2-core machine.
}, 30_000);
