// Toolbar badge: the number of warning-or-above findings in the tab's active draft, cleared when there are none.
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { tabIdOf } from './pages/popup';
import { openSite, typeDraft, GMAIL_NEW_MESSAGE, resetSettings } from './suites';

// The extension APIs as seen inside page.evaluate / worker.evaluate (no @types/chrome here).
declare const chrome: any;

const gmail = GMAIL_NEW_MESSAGE;

test.beforeEach(resetSettings);

const badge = (worker: Worker, tabId: number) => worker.evaluate((id: number) => chrome.action.getBadgeText({ tabId: id }), tabId);

test('the badge counts warning-or-above findings in the active draft and clears when there are none', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const tabId = await tabIdOf(ext.worker, page);
  expect(await badge(ext.worker, tabId)).toBe('');
  const composer = gmail.composer(page);

  const warnings = async () => (await cl.findings()).filter((f) => f.severity !== 'suggestion').length;
  await typeDraft(page, composer, 'Call me anytime.');
  await cl.waitForSpan(/call me anytime/i);
  const first = await warnings();
  expect(first).toBeGreaterThan(0);
  await expect.poll(() => badge(ext.worker, tabId)).toBe(String(first));

  // A second problem in the same draft: the count follows.
  await page.keyboard.type(' Or text me at 11pm, whatever suits.');
  await cl.waitForSpan(/11 ?pm/i);
  const second = await warnings();
  expect(second).toBeGreaterThan(first);
  await expect.poll(() => badge(ext.worker, tabId)).toBe(String(second));

  // Delete the draft: nothing to count, the badge clears.
  await composer.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await cl.findings()).length).toBe(0);
  await expect.poll(() => badge(ext.worker, tabId)).toBe('');
});

test('findings the user lowered to "suggestion" are not counted', async ({ page, site, ext }) => {
  await ext.worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    const base = settings ?? {};
    // Set through storage as the options page would: one rule lowered, the statement rule off.
    await chrome.storage.local.set({
      settings: {
        version: 2, packs: {}, customRules: [], pausedUntil: 0,
        policy: { profession: 'general', workDays: [1, 2, 3, 4, 5], workStart: '09:00', workEnd: '18:00', timeZone: 'local', responseTime: 'within one business day', urgentChannel: 'email with URGENT in the subject' },
        sites: { builtIn: { gmail: true, linkedin: true, outlook: true }, added: [] },
        ...base,
        rules: { 'availability/any-time': { severity: 'suggestion' }, 'availability/missing-hours': { enabled: false } },
      },
    });
  });
  const cl = await openSite(page, site, gmail);
  const tabId = await tabIdOf(ext.worker, page);
  await typeDraft(page, gmail.composer(page), 'Call me anytime.');
  const finding = await cl.waitForSpan(/call me anytime/i);
  expect(finding.severity).toBe('suggestion');
  expect((await cl.findings()).filter((f) => f.severity !== 'suggestion')).toEqual([]);
  await expect.poll(() => badge(ext.worker, tabId)).toBe('');
});

test('paused shows on the badge, not as "no issues"; resuming brings the count back', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const tabId = await tabIdOf(ext.worker, page);
  await typeDraft(page, gmail.composer(page), 'Call me anytime.');
  await cl.waitForSpan(/call me anytime/i);
  const count = (await cl.findings()).filter((f) => f.severity !== 'suggestion').length;
  await expect.poll(() => badge(ext.worker, tabId)).toBe(String(count));
  const setPause = (until: number) =>
    ext.worker.evaluate(async (u) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), pausedUntil: u } });
    }, until);
  await setPause(Date.now() + 3_600_000);
  await expect.poll(() => badge(ext.worker, tabId)).toBe('II');
  await setPause(0);
  await cl.waitForSpan(/call me anytime/i);
  await expect.poll(() => badge(ext.worker, tabId)).toBe(String(count));
});
