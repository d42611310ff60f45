// LinkedIn variants rebuilt from the real-dom notes: the 2026 hashed-class composer in the light DOM
// and in the late #interop-outlet shadow root, with "Press Enter to Send" on (Enter with the card
// open applies and never sends; the composer is rendered anew after a send), the post, comment and
// invitation-note boxes, and a light-DOM /preload copy of the post editor as a decoy.
import { expect, test, type Page } from '../fixtures';
import { Clearline, composerText } from '../pages/card';
import { DRAFT, FLAGGED, decoysSuite, flagAndAcceptSuite, missingStatementSuite, openSite, resetSettings, typeDraft, type SiteCase } from '../suites';

test.beforeEach(resetSettings);

const thread: SiteCase = {
  name: 'LinkedIn new-UI thread (hashed classes, Enter sends)',
  url: 'https://www.linkedin.com/messaging/thread/2-ZjA1NmE4/',
  fixture: 'sites/linkedin/new-ui-thread.html',
  composer: (page) => page.getByRole('textbox', { name: 'Write a message…' }),
};

const overlay: SiteCase = {
  name: 'LinkedIn new-UI overlay in the late shadow root (Enter sends)',
  url: 'https://www.linkedin.com/in/avery-stone/',
  fixture: 'sites/linkedin/new-ui-overlay.html',
  composer: (page) => page.getByRole('dialog', { name: 'New message' }).getByRole('textbox', { name: 'Write a message…' }),
  prepare: async (page) => {
    await page.waitForFunction(() => document.body.dataset.overlayReady === 'true');
  },
};

const sent = async (page: Page) => Number(await page.locator('body').getAttribute('data-sent'));

flagAndAcceptSuite(thread);
missingStatementSuite(thread);
decoysSuite(thread, (page) => [page.locator('._e5f6a7b8')]);
flagAndAcceptSuite(overlay);

for (const c of [thread, overlay]) {
  test(`${c.name}: Enter with the card open applies and never sends; Enter without it sends, and the new composer is watched`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    const first = await composer.elementHandle();
    await page.keyboard.press('Alt+Enter');
    await expect(cl.card).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(cl.card).toBeHidden();
    await expect.poll(() => composerText(composer)).toContain(finding.suggestions[0]!);
    expect(await sent(page)).toBe(0);
    // The card is closed: now Enter is the page's, and it sends what the draft says.
    await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toBe(1);
    expect(await first!.evaluate((el) => el.isConnected)).toBe(false);
    // The sent draft's findings went with its node; the fresh composer, focused by the page and not
    // yet used by the user, is not analysed.
    await expect.poll(async () => (await cl.composers()).map((c) => c.text.trim())).toEqual([]);
    expect(await cl.findings()).toEqual([]);
    // The re-rendered composer is a new node; typing there is flagged again.
    await typeDraft(page, composer);
    await cl.waitForSpan(FLAGGED);
    expect(await composer.evaluate((el, old) => el !== old, first)).toBe(true);
  });
}

const boxes: Array<{ name: string; box: (page: Page) => import('@playwright/test').Locator }> = [
  { name: 'post box (sharebox, shadow root)', box: (page) => page.getByRole('textbox', { name: 'Text editor for creating content' }) },
  { name: 'comment box (light DOM)', box: (page) => page.getByRole('textbox', { name: 'Text editor for creating comment' }) },
  { name: 'invitation note (textarea, shadow root)', box: (page) => page.getByRole('textbox', { name: 'Add a note' }) },
];

for (const { name, box } of boxes) {
  test(`LinkedIn ${name}: flagged while typing, Alt+Enter then Enter applies, Ctrl+Z restores`, async ({ page, site }) => {
    const cl = await openSite(page, site, overlay);
    const field = box(page);
    await typeDraft(page, field);
    const finding = await cl.waitForSpan(FLAGGED);
    const text = async () => (await field.evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText))).replace(/\u00A0/g, ' ');
    const before = await text();
    await page.keyboard.press('Alt+Enter');
    await expect(cl.card).toBeVisible();
    await page.keyboard.press('Enter');
    await expect.poll(text).toBe(before.replace(finding.text, finding.suggestions[0]!));
    await field.press('Control+z');
    await expect.poll(text).toBe(before);
    // Only the box the user typed in holds text and findings; the page's other boxes stay empty.
    await expect
      .poll(async () => (await cl.composers()).filter((c) => c.text.trim() !== '').map((c) => c.text.startsWith(DRAFT)))
      .toEqual([true]);
    expect((await cl.composers()).flatMap((c) => (c.text.trim() ? [] : c.findings))).toEqual([]);
  });
}

test('LinkedIn: the light-DOM /preload copy of the post editor (off the page) and Quill\'s clipboard are never analysed', async ({ page, site }) => {
  const cl = await openSite(page, site, overlay);
  await page.locator('#preload .ql-editor').evaluate((el) => (el as HTMLElement).focus());
  await page.keyboard.type(' call me anytime');
  await page.locator('#interop-outlet .ql-clipboard').evaluate((el) => (el as HTMLElement).focus());
  await page.keyboard.type(' call me anytime');
  await typeDraft(page, overlay.composer(page));
  await cl.waitForSpan(FLAGGED);
  const composers = await cl.composers();
  // Only the composer the user typed in is in use; the decoys never become composers.
  expect(composers.map((c) => c.label).sort()).toEqual(['LinkedIn text box']);
  expect(composers.filter((c) => c.text.trim() !== '').map((c) => c.text.startsWith(DRAFT))).toEqual([true]);
  // The words really went into the decoy: it was typed in, and still nothing was analysed there.
  expect((await page.locator('#preload .ql-editor').textContent())!.match(/call me anytime/g)).toHaveLength(2);
});
