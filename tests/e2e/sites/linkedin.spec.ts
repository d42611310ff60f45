// LinkedIn: the messaging page (light DOM) and the messaging overlay in #interop-outlet's open
// shadow root, attached after load.
import { expect, test } from '../fixtures';
import { composerText } from '../pages/card';
import { FLAGGED, concurrencySuite, decoysSuite, flagAndAcceptSuite, missingStatementSuite, openSite, typeDraft, type SiteCase } from '../suites';

const messaging: SiteCase = {
  name: 'LinkedIn messaging',
  url: 'https://www.linkedin.com/messaging/thread/2-YTk4ZDc0/',
  fixture: 'sites/linkedin/messaging.html',
  composer: (page) => page.locator('.msg-form__contenteditable'),
};

const overlay: SiteCase = {
  name: 'LinkedIn overlay (late shadow root)',
  url: 'https://www.linkedin.com/feed/',
  fixture: 'sites/linkedin/overlay-late.html',
  composer: (page) => page.locator('#interop-outlet .msg-form__contenteditable'),
  prepare: async (page) => {
    await page.waitForFunction(() => document.body.dataset.overlayReady === 'true');
  },
};

flagAndAcceptSuite(messaging);
concurrencySuite(messaging);
missingStatementSuite(messaging);
decoysSuite(messaging, (page) => [
  page.getByRole('combobox', { name: 'Search' }),
  page.getByRole('textbox', { name: 'Subject (optional)' }),
  page.locator('.msg-form .ql-clipboard'),
  page.locator('.msg-s-event-listitem__body'),
]);

flagAndAcceptSuite(overlay);
missingStatementSuite(overlay);
decoysSuite(overlay, (page) => [page.locator('#interop-outlet .msg-form__subject'), page.locator('#interop-outlet .ql-clipboard')]);

test('LinkedIn overlay: the composer in the late shadow root is found before it is focused', async ({ page, site }) => {
  const cl = await openSite(page, site, overlay);
  // Seen by the MutationObserver on the shadow root, not only on focus.
  await expect.poll(async () => (await cl.composers()).length).toBe(1);
  await typeDraft(page, overlay.composer(page));
  const finding = await cl.waitForSpan(FLAGGED);
  await cl.hover(overlay.composer(page), 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(overlay.composer(page))).toContain(finding.suggestions[0]!);
});
