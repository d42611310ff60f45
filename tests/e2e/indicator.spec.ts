// The indicator by the composer (in our host, never in the editor): the draft's count, a click opens
// the list of findings in the card, and paused shows there too.
import { expect, test } from './fixtures';
import { GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft } from './suites';

// The extension APIs as seen inside page.evaluate / worker.evaluate (no @types/chrome here).
declare const chrome: any;

const gmail = GMAIL_NEW_MESSAGE;

test.beforeEach(resetSettings);

test('the indicator shows the count, opens every finding in turn, and shows paused', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, 'Call me anytime. Or text me at 11pm, whatever suits.');
  await cl.waitForSpan(/11 ?pm/i);
  const n = (await cl.findings()).length;
  expect(n).toBeGreaterThan(1);
  const indicator = page.getByRole('button', { name: new RegExp(`^Clearline: ${n} issues in this draft`) });
  await expect(indicator).toHaveText(String(n));
  expect(await composer.evaluate((el) => el.outerHTML)).not.toMatch(/clearline/i);
  await indicator.click();
  await expect(cl.card).toBeVisible();
  await expect(cl.card).toContainText(`1 of ${n}`);
  await cl.card.getByRole('button', { name: 'Next issue' }).click();
  await expect(cl.card).toContainText(`2 of ${n}`);
  await cl.card.getByRole('button', { name: 'Close' }).click();

  await ext.worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), pausedUntil: Date.now() + 3_600_000 } });
  });
  const paused = page.getByRole('button', { name: 'Clearline is paused' });
  await expect(paused).toBeVisible();
  await expect(paused).toHaveText('II');
});
