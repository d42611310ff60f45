// @vitest-environment happy-dom
// The popup's state for the tab it acts on, including the paths e2e cannot reach (a site the
// extension has no permission for, where "Enable on this site" asks for one).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { GetFindingsResponse } from '@/lib/messages';
import { updateSettings } from '@/lib/settings/storage';
import { Popup } from '@/entrypoints/popup/Popup';

const b = fakeBrowser as any;
let root: HTMLElement;
let requested: unknown[];
let sentToBackground: unknown[];
let grant: boolean;
let findings: GetFindingsResponse;

async function openPopupFor(url: string): Promise<void> {
  const tab = await fakeBrowser.tabs.create({ url });
  window.history.replaceState({}, '', `/popup.html?tab=${tab.id}`);
  render(<Popup />, root);
}

const text = () => root.textContent ?? '';
const button = (name: string) => [...root.querySelectorAll('button')].find((el) => el.textContent === name);

beforeEach(() => {
  fakeBrowser.reset();
  requested = [];
  sentToBackground = [];
  grant = true;
  findings = { composer: null, findings: [] };
  b.permissions = { request: async (p: unknown) => (requested.push(p), grant) };
  b.runtime.sendMessage = async (m: unknown) => (sentToBackground.push(m), { ok: true });
  b.tabs.sendMessage = async () => findings;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup state', () => {
  test('on a site Clearline does not cover: says so, and Enable asks for that origin and registers it for this tab', async () => {
    await openPopupFor('https://intranet.example.org/inbox');
    await vi.waitFor(() => expect(text()).toContain('Not a supported site'));
    expect(text()).toContain('Clearline doesn’t run on intranet.example.org yet.');
    button('Enable on this site')!.click();
    await vi.waitFor(() => expect(text()).toContain('Clearline now runs on https://intranet.example.org.'));
    expect(requested).toEqual([{ origins: ['https://intranet.example.org/*'] }]);
    expect(sentToBackground).toEqual([{ kind: 'registerSite', origin: 'https://intranet.example.org', tabId: expect.any(Number) }]);
  });

  test('when the permission is refused, says so and registers nothing', async () => {
    grant = false;
    await openPopupFor('https://intranet.example.org/inbox');
    await vi.waitFor(() => expect(button('Enable on this site')).toBeDefined());
    button('Enable on this site')!.click();
    await vi.waitFor(() => expect(text()).toContain('Permission for https://intranet.example.org was not granted.'));
    expect(sentToBackground).toEqual([]);
  });

  test('on a browser page, says Clearline cannot run there and offers no button', async () => {
    await openPopupFor('chrome://extensions/');
    await vi.waitFor(() => expect(text()).toContain('Clearline can’t run on this kind of page.'));
    expect(button('Enable on this site')).toBeUndefined();
  });

  test('on Gmail with no draft in use, asks the user to click into a reply', async () => {
    await openPopupFor('https://mail.google.com/mail/u/0/');
    await vi.waitFor(() => expect(text()).toContain('On in Gmail'));
    await vi.waitFor(() => expect(text()).toContain('Click into a reply to check it.'));
  });

  test('while paused, shows until when and offers Resume, which clears the pause', async () => {
    await updateSettings((s) => void (s.pausedUntil = Date.now() + 3_600_000));
    await openPopupFor('https://mail.google.com/mail/u/0/');
    await vi.waitFor(() => expect(text()).toMatch(/Paused until /));
    button('Resume now')!.click();
    await vi.waitFor(() => expect(text()).toContain('On in Gmail'));
  });

  test('when "Turn off this rule" cannot be saved, says so and why, and the finding and the rule stay', async () => {
    // A finding whose rule id the settings refuse (an unknown pack): storage writes nothing.
    findings = {
      composer: { label: 'Gmail message' },
      findings: [
        {
          key: '1:bogus/any-time:span:call me anytime:0', rule: 'any-time', intent: 'any-time', detector: 'rules', pack: 'bogus',
          severity: 'warning', kind: 'span', start: 0, end: 15, message: 'Offers contact at any hour.', why: 'x', suggestions: ['Call me in office hours'], text: 'call me anytime',
        } as GetFindingsResponse['findings'][number],
      ],
    };
    await openPopupFor('https://mail.google.com/mail/u/0/');
    const off = () => [...root.querySelectorAll('button')].find((el) => el.textContent?.startsWith('Turn off this rule'));
    await vi.waitFor(() => expect(off()).toBeDefined());
    off()!.click();
    await vi.waitFor(() => expect(text()).toContain('This rule could not be turned off: invalid settings'));
    expect(text()).toContain('It is still on');
    expect(text()).not.toContain('Turned off:');
    expect(text()).toContain('Offers contact at any hour.');
    expect(off()).toBeDefined();
    const { settings } = (await fakeBrowser.storage.local.get('settings')) as { settings?: { rules?: Record<string, unknown> } };
    expect(settings?.rules?.['bogus/any-time']).toBeUndefined();
  });
});
