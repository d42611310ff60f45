// The background's settings-driven handlers: install/update, analyze (pause, site off, live settings), badge, user-added sites.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background, { CONTENT_SCRIPT_FILE, UI_SCRIPT_FILE } from '@/entrypoints/background';
import type { AnalyzeResponse } from '@/lib/messages';
import { defaultSettings } from '@/lib/settings/defaults';
import { getSettings, updateSettings } from '@/lib/settings/storage';

type Listener = (...args: any[]) => unknown;
const b = fakeBrowser as any;

let granted: Set<string>;
let registered: { id: string; matches: string[]; js: string[] }[];
let removedListeners: Listener[];
let addedListeners: Listener[];
let openTabs: { id: number; url: string }[];
let connectListeners: Listener[];
const calls = {
  badge: [] as { tabId: number; text: string }[],
  openOptions: 0,
  created: [] as string[],
  executed: [] as unknown[],
  revoked: [] as string[][],
};

function stubUnimplementedApis() {
  // fakeBrowser leaves these unimplemented; model just enough of them in memory.
  removedListeners = [];
  addedListeners = [];
  openTabs = [];
  connectListeners = [];
  b.runtime.onConnect = { addListener: (fn: Listener) => connectListeners.push(fn) };
  b.tabs.query = async ({ url }: { url?: string[] }) => (url ? openTabs.filter((t) => url.some((p) => t.url.startsWith(p.replace('/*', '/')))) : openTabs);
  b.permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    remove: async ({ origins }: { origins: string[] }) => {
      calls.revoked.push(origins);
      origins.forEach((o) => granted.delete(o));
      return true;
    },
    onRemoved: { addListener: (fn: Listener) => removedListeners.push(fn) },
    onAdded: { addListener: (fn: Listener) => addedListeners.push(fn) },
  };
  b.scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((r) => ids.includes(r.id)),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => void (registered = registered.filter((r) => !ids.includes(r.id))),
    registerContentScripts: async (scripts: typeof registered) => {
      // As in Chrome: an id that is already registered is an error.
      if (scripts.some((x) => registered.some((r) => r.id === x.id))) throw new Error(`Duplicate script ID '${scripts[0]!.id}'`);
      registered.push(...scripts);
    },
    executeScript: async (injection: unknown) => void calls.executed.push(injection),
  };
  b.action.setBadgeText = async (d: { tabId: number; text: string }) => void calls.badge.push(d);
  b.action.setBadgeBackgroundColor = async () => undefined;
  b.runtime.openOptionsPage = async () => void calls.openOptions++;
  b.tabs.create = (async ({ url }: { url: string }) => void calls.created.push(url)) as never;
}

/** The options page (an extension page): the default sender of the site requests below. */
const optionsPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
/** Our content script in a web page's tab. */
const inTab = (id: number, url: string) => ({ id: fakeBrowser.runtime.id, url, tab: { id, url } });

async function send(message: unknown, sender: object = optionsPage()): Promise<any> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return results.find((r) => r !== undefined);
}

const gmailTab = inTab(7, 'https://mail.google.com/mail/u/0/#inbox');

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  registered = [];
  calls.badge = [];
  calls.openOptions = 0;
  calls.created = [];
  calls.executed = [];
  calls.revoked = [];
  stubUnimplementedApis();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  background.main();
});

describe('install and update', () => {
  test('a fresh install writes the defaults and opens the welcome page (not every setting)', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(defaultSettings());
    expect(calls.created).toEqual([expect.stringMatching(/\/welcome\.html$/)]);
    expect(calls.openOptions).toBe(0);
  });

  test('an update migrates stored v1 settings and opens nothing', async () => {
    const v1 = { ...defaultSettings(), version: 1, policy: { ...defaultSettings().policy, workStart: undefined, hours: { start: '07:00', end: '15:00' } } };
    await fakeBrowser.storage.local.set({ settings: JSON.parse(JSON.stringify(v1)) });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as any;
    expect(stored.version).toBe(3);
    expect(stored.policy).toMatchObject({ workStart: '07:00', workEnd: '15:00' });
    expect(calls.openOptions).toBe(0);
    expect(calls.created).toEqual([]);
  });
});

describe('analyze', () => {
  const DRAFT = 'Call me anytime if anything comes up.';

  test('returns the engine’s findings for a Gmail draft', async () => {
    const res: AnalyzeResponse = await send({ kind: 'analyze', text: DRAFT }, gmailTab);
    expect(res.paused).toBe(false);
    expect(res.findings.some((f) => f.pack === 'availability')).toBe(true);
  });

  test('a draft longer than the engine accepts gets a clear error and no findings', async () => {
    const res: AnalyzeResponse = await send({ kind: 'analyze', text: 'Call me anytime. '.repeat(12_000) }, gmailTab);
    expect(res.findings).toEqual([]);
    expect(res.error).toMatch(/204,000 characters long; Clearline analyses drafts of up to 200,000 characters/);
  });

  test('returns nothing, marked paused, while Clearline is paused', async () => {
    await updateSettings((s) => void (s.pausedUntil = Date.now() + 60_000));
    await vi.waitFor(async () => expect(await send({ kind: 'analyze', text: DRAFT }, gmailTab)).toEqual({ findings: [], paused: true }));
  });

  test('returns nothing on a built-in site the user switched off, but still works elsewhere', async () => {
    await updateSettings((s) => void (s.sites.builtIn.gmail = false));
    await vi.waitFor(async () => expect(await send({ kind: 'analyze', text: DRAFT }, gmailTab)).toEqual({ findings: [], paused: true }));
    const outlook: AnalyzeResponse = await send({ kind: 'analyze', text: DRAFT }, inTab(8, 'https://outlook.office.com/mail/'));
    expect(outlook.findings.length).toBeGreaterThan(0);
  });

  test('follows settings changes without a restart: a pack switched off stops flagging', async () => {
    expect((await send({ kind: 'analyze', text: DRAFT }, gmailTab)).findings.length).toBeGreaterThan(0);
    await updateSettings((s) => void (s.packs.availability = false));
    await vi.waitFor(async () => {
      const res: AnalyzeResponse = await send({ kind: 'analyze', text: DRAFT }, gmailTab);
      expect(res.findings.filter((f) => f.pack === 'availability')).toEqual([]);
    });
  });
});

describe('card requests', () => {
  test('"Turn off this rule" from a page switches that rule off in settings', async () => {
    await send({ kind: 'disableRule', rule: 'availability/any-time' }, gmailTab);
    expect((await getSettings()).rules['availability/any-time']?.enabled).toBe(false);
  });
  test('a malformed rule id changes nothing and says why', async () => {
    const before = JSON.stringify(await getSettings());
    expect(await send({ kind: 'disableRule', rule: '../../etc' }, gmailTab)).toEqual({ ok: false, error: expect.stringMatching(/expected a rule id "<pack>\/<rule>"/) });
    expect(JSON.stringify(await getSettings())).toBe(before);
  });

  test('"Turn off this rule" on a custom phrase\'s card switches that phrase off', async () => {
    const phrase = { id: 'custom-1', match: 'hun', isPattern: false, pack: 'personal', severity: 'warning' as const, message: 'Pet name.', suggestion: '' };
    await updateSettings((s) => void (s.customRules = [phrase]));
    const text = 'Thanks hun, see you Monday.';
    const custom = async () => ((await send({ kind: 'analyze', text }, gmailTab)) as AnalyzeResponse).findings.filter((f) => f.message === 'Pet name.');
    await vi.waitFor(async () => expect(await custom()).toHaveLength(1));
    const [f] = await custom();
    // What the card sends: the finding's pack and rule.
    expect(await send({ kind: 'disableRule', rule: `${f!.pack}/${f!.rule}` }, gmailTab)).toEqual({ ok: true, wasEnabled: null });
    expect((await getSettings()).rules).toEqual({ 'personal/custom-1': { enabled: false } });
    await vi.waitFor(async () => expect(await custom()).toEqual([]));
  });

  test('custom ids the settings accept ("custom-a--b", "custom-x-") can be turned off', async () => {
    for (const rule of ['personal/custom-a--b', 'tone/custom-x-']) {
      expect(await send({ kind: 'disableRule', rule }, gmailTab)).toEqual({ ok: true, wasEnabled: null });
    }
    expect(Object.keys((await getSettings()).rules)).toEqual(['personal/custom-a--b', 'tone/custom-x-']);
  });
});

describe('starting the UI on first use of a composer', () => {
  test('injects the UI script into the frame that asked, and only that frame', async () => {
    expect(await send({ kind: 'loadUi' }, { ...gmailTab, frameId: 3 })).toEqual({ ok: true });
    expect(calls.executed).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: [UI_SCRIPT_FILE] }]);
  });
  test('a refused injection (tab gone, permission withdrawn) comes back as the browser’s reason', async () => {
    b.scripting.executeScript = async () => {
      throw new Error('No tab with id: 7');
    };
    expect(await send({ kind: 'loadUi' }, gmailTab)).toEqual({ ok: false, error: 'No tab with id: 7' });
  });
  test('a request from outside a tab injects nothing', async () => {
    expect(await send({ kind: 'loadUi' }, optionsPage())).toBeUndefined();
    expect(calls.executed).toEqual([]);
  });
});

describe('sender checks', () => {
  const ORIGIN = 'https://app.example.com';
  const DRAFT = 'Call me anytime if anything comes up.';
  const optionsInTab = () => ({ ...optionsPage(), tab: { id: 30, url: fakeBrowser.runtime.getURL('/options.html') } });
  test('site permissions change only from extension pages, never from a content script', async () => {
    granted.add(`${ORIGIN}/*`);
    expect(await send({ kind: 'registerSite', origin: ORIGIN, tabId: 7 }, gmailTab)).toBeUndefined();
    expect(await send({ kind: 'unregisterSite', origin: 'https://mail.google.com' }, gmailTab)).toBeUndefined();
    expect((await getSettings()).sites.added).toEqual([]);
    expect(registered).toEqual([]);
    expect(calls.executed).toEqual([]);
    expect(calls.revoked).toEqual([]);
    // The options page opened in a tab of its own is still an extension page.
    expect(await send({ kind: 'registerSite', origin: ORIGIN }, optionsInTab())).toEqual({ ok: true });
    expect((await getSettings()).sites.added).toEqual([ORIGIN]);
  });
  test('content requests come only from our content script in a web page', async () => {
    for (const sender of [optionsPage(), optionsInTab(), { ...gmailTab, id: 'another-extension' }]) {
      expect(await send({ kind: 'loadUi' }, sender)).toBeUndefined();
      expect(await send({ kind: 'setBadge', count: 4 }, sender)).toBeUndefined();
      expect(await send({ kind: 'warm' }, sender)).toBeUndefined();
    }
    expect(calls.executed).toEqual([]);
    expect(calls.badge).toEqual([]);
  });
  test('analysis answers our content script and our pages (the options page tries a draft), no one else', async () => {
    expect((await send({ kind: 'analyze', text: DRAFT }, gmailTab)).findings.length).toBeGreaterThan(0);
    expect((await send({ kind: 'analyze', text: DRAFT }, optionsPage())).findings.length).toBeGreaterThan(0);
    expect(await send({ kind: 'analyze', text: DRAFT }, { ...gmailTab, id: 'another-extension' })).toBeUndefined();
    expect(await send({ kind: 'analyze', text: DRAFT }, { url: 'https://mail.google.com/' })).toBeUndefined();
  });
  test('the UI port stays open for our content script only', () => {
    const port = (name: string, sender: object) => {
      const p = { name, sender, closed: false, disconnect: () => void (p.closed = true) };
      for (const fn of connectListeners) fn(p);
      return p;
    };
    expect(port('clearline-ui', gmailTab).closed).toBe(false);
    expect(port('clearline-ui', optionsPage()).closed).toBe(true);
    expect(port('clearline-ui', { ...gmailTab, id: 'another-extension' }).closed).toBe(true);
    expect(port('something-else', gmailTab).closed).toBe(true);
  });
  test('Undo of "Turn off this rule" puts the switch back as it was and keeps the rest of the rule\'s setting', async () => {
    await updateSettings((s) => void (s.rules['availability/any-time'] = { severity: 'alert' }));
    const off = (await send({ kind: 'disableRule', rule: 'availability/any-time' }, gmailTab)) as { ok: boolean; wasEnabled: boolean | null };
    expect(off).toEqual({ ok: true, wasEnabled: null });
    expect(await send({ kind: 'restoreRule', rule: 'availability/any-time', wasEnabled: off.wasEnabled }, gmailTab)).toEqual({ ok: true });
    expect((await getSettings()).rules['availability/any-time']).toEqual({ severity: 'alert' });
    await updateSettings((s) => void (s.rules['tone/sarcasm'] = { enabled: true }));
    const again = (await send({ kind: 'disableRule', rule: 'tone/sarcasm' }, gmailTab)) as { wasEnabled: boolean | null };
    expect(again.wasEnabled).toBe(true);
    await send({ kind: 'restoreRule', rule: 'tone/sarcasm', wasEnabled: true }, gmailTab);
    expect((await getSettings()).rules['tone/sarcasm']).toEqual({ enabled: true });
    await send({ kind: 'disableRule', rule: 'scope/free-extras' }, gmailTab);
    await send({ kind: 'restoreRule', rule: 'scope/free-extras', wasEnabled: null }, gmailTab);
    expect((await getSettings()).rules['scope/free-extras']).toBeUndefined();
  });
  test('Undo of "Turn off this rule" with a malformed switch or from a sender not ours changes nothing', async () => {
    await send({ kind: 'disableRule', rule: 'availability/any-time' }, gmailTab);
    const before = JSON.stringify(await getSettings());
    expect(await send({ kind: 'restoreRule', rule: 'availability/any-time', wasEnabled: 'yes' }, gmailTab)).toEqual({ ok: false, error: expect.any(String) });
    await send({ kind: 'restoreRule', rule: 'availability/any-time', wasEnabled: null }, { ...gmailTab, id: 'another-extension' });
    expect(JSON.stringify(await getSettings())).toBe(before);
  });
  test('"Turn off this rule" from a sender that is not ours changes nothing', async () => {
    await send({ kind: 'disableRule', rule: 'availability/call-me-anytime' }, { ...gmailTab, id: 'another-extension' });
    expect((await getSettings()).rules['availability/call-me-anytime']).toBeUndefined();
  });
});

describe('badge', () => {
  test('shows the count for the sender’s tab and clears at zero', async () => {
    await send({ kind: 'setBadge', count: 3 }, gmailTab);
    await send({ kind: 'setBadge', count: 0 }, gmailTab);
    expect(calls.badge).toEqual([
      { tabId: 7, text: '3' },
      { tabId: 7, text: '' },
    ]);
  });
});

describe('user-added sites', () => {
  const ORIGIN = 'https://app.example.com';

  test('registering without the permission is refused and changes nothing', async () => {
    expect(await send({ kind: 'registerSite', origin: ORIGIN })).toEqual({ ok: false, error: `Clearline has no permission for ${ORIGIN}` });
    expect((await getSettings()).sites.added).toEqual([]);
    expect(registered).toEqual([]);
  });

  test('a bad address is refused with the reason', async () => {
    expect(await send({ kind: 'registerSite', origin: 'ftp://x' })).toEqual({ ok: false, error: '"ftp://x" is not a web address' });
  });

  test('with the permission, the site is saved, the content script registered there and started in the tab', async () => {
    granted.add(`${ORIGIN}/*`);
    expect(await send({ kind: 'registerSite', origin: `${ORIGIN}/inbox`, tabId: 12 })).toEqual({ ok: true });
    expect((await getSettings()).sites.added).toEqual([ORIGIN]);
    expect(registered).toEqual([expect.objectContaining({ matches: [`${ORIGIN}/*`], js: [CONTENT_SCRIPT_FILE] })]);
    expect(calls.executed).toEqual([{ target: { tabId: 12 }, files: [CONTENT_SCRIPT_FILE] }]);
  });

  test('removing a site unregisters the script, withdraws the permission and stops analysis in open tabs', async () => {
    granted.add(`${ORIGIN}/*`);
    await send({ kind: 'registerSite', origin: ORIGIN });
    const appTab = inTab(9, `${ORIGIN}/inbox`);
    expect((await send({ kind: 'analyze', text: 'Call me anytime.' }, appTab)).paused).toBe(false);
    expect(await send({ kind: 'unregisterSite', origin: ORIGIN })).toEqual({ ok: true });
    expect((await getSettings()).sites.added).toEqual([]);
    expect(registered).toEqual([]);
    expect(calls.revoked).toEqual([[`${ORIGIN}/*`]]);
    await vi.waitFor(async () => expect(await send({ kind: 'analyze', text: 'Call me anytime.' }, appTab)).toEqual({ findings: [], paused: true }));
  });

  test('a permission granted while the asking popup has closed still adds the site and starts Clearline in its open tabs', async () => {
    openTabs = [{ id: 21, url: `${ORIGIN}/inbox` }, { id: 22, url: 'https://other.example/' }];
    granted.add(`${ORIGIN}/*`);
    await Promise.all(addedListeners.map((fn) => fn({ origins: [`${ORIGIN}/*`, 'https://mail.google.com/*', 'https://*/*'] })));
    expect((await getSettings()).sites.added).toEqual([ORIGIN]);
    expect(registered).toEqual([expect.objectContaining({ matches: [`${ORIGIN}/*`] })]);
    expect(calls.executed).toEqual([{ target: { tabId: 21 }, files: [CONTENT_SCRIPT_FILE] }]);
  });

  test('two syncs at once (e.g. the popup’s registerSite and the permission event) register the user sites exactly once', async () => {
    granted.add(`${ORIGIN}/*`);
    await updateSettings((s) => void s.sites.added.push(ORIGIN));
    // Two startup events stand in for any two triggers that reach the sync in the same tick.
    await Promise.all([fakeBrowser.runtime.onStartup.trigger(), fakeBrowser.runtime.onStartup.trigger()]);
    expect(registered).toEqual([expect.objectContaining({ matches: [`${ORIGIN}/*`] })]);
  });

  test('a permission withdrawn in the browser’s own UI removes the site too', async () => {
    granted.add(`${ORIGIN}/*`);
    await send({ kind: 'registerSite', origin: ORIGIN });
    granted.clear();
    await Promise.all(removedListeners.map((fn) => fn({ origins: [`${ORIGIN}/*`] })));
    expect((await getSettings()).sites.added).toEqual([]);
    expect(registered).toEqual([]);
  });
});
