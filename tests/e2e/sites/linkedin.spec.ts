// LinkedIn: the messaging page (light DOM) and the messaging overlay in #interop-outlet's open
// shadow root, attached after load.
import { expect, test } from '../fixtures';
import { composerText } from '../pages/card';
import { DRAFT, FLAGGED, concurrencySuite, emojiAndBoldSuite, decoysSuite, flagAndAcceptSuite, missingStatementSuite, openSite, undoOrderSuite, typeDraft, resetSettings, type SiteCase } from '../suites';

test.beforeEach(resetSettings);

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
undoOrderSuite(messaging);
emojiAndBoldSuite(messaging);
decoysSuite(messaging, (page) => [
  page.getByRole('combobox', { name: 'Search' }),
  page.getByRole('textbox', { name: 'Subject (optional)' }),
  page.locator('.msg-form .ql-clipboard'),
  page.locator('.msg-s-event-listitem__body'),
]);

flagAndAcceptSuite(overlay);
missingStatementSuite(overlay);
undoOrderSuite(overlay);
emojiAndBoldSuite(overlay);
decoysSuite(overlay, (page) => [page.locator('#interop-outlet .msg-form__subject'), page.locator('#interop-outlet .ql-clipboard')]);

test('LinkedIn overlay: a saved draft reopened in the late shadow root is flagged once the user clicks in it', async ({ page, site }) => {
  const cl = await openSite(page, site, overlay);
  // Nothing used yet: the empty composer costs nothing beyond the page-load script.
  expect(await cl.composers()).toHaveLength(0);
  // LinkedIn reopens a conversation with its saved draft: a new bubble, text already in the composer.
  await page.evaluate((draft) => {
    const aside = document.querySelector('#interop-outlet')!.shadowRoot!.getElementById('msg-overlay')!;
    const html = aside.innerHTML.replace('<p><br></p>', `<p>${draft}</p>`);
    aside.replaceChildren();
    requestAnimationFrame(() => (aside.innerHTML = html));
  }, DRAFT);
  // Holding text is not use: the composer waits for the user (security.spec.ts checks the negative).
  expect(await cl.composers()).toHaveLength(0);
  await overlay.composer(page).click();
  const finding = await cl.waitForSpan(FLAGGED);
  await cl.hover(overlay.composer(page), 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(overlay.composer(page))).toContain(finding.suggestions[0]!);
});

test('LinkedIn overlay: closing and reopening the conversation re-attaches the findings to the new composer', async ({ page, site }) => {
  const cl = await openSite(page, site, overlay);
  await typeDraft(page, overlay.composer(page));
  const finding = await cl.waitForSpan(FLAGGED);
  const [first] = await cl.composers();
  // LinkedIn re-renders the bubble when a conversation is minimised and reopened: same draft, new nodes.
  await page.evaluate(() => {
    const aside = document.querySelector('#interop-outlet')!.shadowRoot!.getElementById('msg-overlay')!;
    const html = aside.innerHTML;
    aside.replaceChildren();
    requestAnimationFrame(() => requestAnimationFrame(() => (aside.innerHTML = html)));
  });
  await expect.poll(async () => (await cl.composers()).map((c) => c.id).filter((id) => id !== first!.id).length).toBe(1);
  await expect.poll(async () => (await cl.composers()).length).toBe(1);
  const again = await cl.waitForSpan(FLAGGED);
  expect(again.text).toBe(finding.text);
  await cl.hover(overlay.composer(page), 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(overlay.composer(page))).toContain(finding.suggestions[0]!);
});
