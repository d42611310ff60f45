// The indicator by the composer (in our host, never in the editor): the draft's count, a click opens
// the list of findings in the card, and paused shows there too.
import { expect, test } from './fixtures';
import { pressMarker } from './pages/card';
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
  await pressMarker(page, indicator);
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

test('with no issues the indicator says so (a check), at the same size and place as a count; pressing it says "No issues"', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, 'Call me anytime if anything comes up.');
  await cl.waitForSpan(/anytime/);
  const counted = page.getByRole('button', { name: /^Clearline: \d+ issues? in this draft/ });
  const withCount = (await counted.boundingBox())!;
  // Its place follows the composer's box only (this editor's box follows its text).
  const right = async () => {
    const b = (await composer.boundingBox())!;
    return b.x + b.width;
  };
  const countOffset = (await right()) - withCount.x;
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Thanks Robin, see you on Tuesday.');
  await expect.poll(async () => (await cl.composers())[0]?.text).toBe('Thanks Robin, see you on Tuesday.');
  const clear = page.getByRole('button', { name: 'Clearline: no issues in this draft' });
  await expect(clear).toHaveText('✓');
  const box = (await clear.boundingBox())!;
  expect({ w: box.width, h: box.height }).toEqual({ w: withCount.width, h: withCount.height });
  expect((await right()) - box.x).toBeCloseTo(countOffset, 0);
  const live = cl.host.locator('[aria-live="polite"]');
  await pressMarker(page, clear);
  await expect(live).toHaveText('No issues in this draft.');
  await expect(cl.card).toBeHidden();
});
