// Gmail variants rebuilt from the real-dom notes: an inline reply with no dialog ancestor and its
// history outside the editable until "…" is clicked, gmail_default lines, the hidden textarea twin
// and the Ask Gemini box, other extensions' attributes, a full-screen compose with pasted Word/web
// paragraphs that Gmail empties on close, the settings signature editors, a minimised compose.
// Trusted Types are enforced on every Gmail fixture; the page's autosave must see an input event.
import { expect, test, type Page } from '../fixtures';
import { Clearline, caretAfter, composerText, markedWords, underlineCounts, underlinedWords } from '../pages/card';
import { DRAFT, FLAGGED, decoysSuite, flagAndAcceptSuite, missingStatementSuite, openSite, resetSettings, typeDraft, type SiteCase } from '../suites';

test.beforeEach(resetSettings);

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcpXkM';

const reply: SiteCase = {
  name: 'Gmail thread reply (history trimmed)',
  url: THREAD,
  fixture: 'sites/gmail/thread-reply.html',
  composer: (page) => page.locator('.AO [g_editable="true"]'),
  untouched: ['.gmail_signature', '.gmail_signature_prefix'],
};

const expanded: SiteCase = {
  ...reply,
  name: 'Gmail thread reply (history shown with "…")',
  untouched: ['.gmail_signature', '.gmail_signature_prefix', '.gmail_quote'],
  prepare: async (page) => {
    await page.getByRole('button', { name: 'Show trimmed content' }).click();
    await expect(page.locator('.AO [g_editable="true"] .gmail_quote_container')).toHaveCount(1);
  },
};

const fullscreen: SiteCase = {
  name: 'Gmail full-screen compose with pasted paragraphs',
  url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
  fixture: 'sites/gmail/fullscreen.html',
  composer: (page) => page.locator('.aSs [g_editable="true"]'),
  untouched: ['.gmail_signature', 'p.MsoNormal', 'ol'],
};

const settings: SiteCase = {
  name: 'Gmail settings with a compose open',
  url: 'https://mail.google.com/mail/u/0/#settings/general',
  fixture: 'sites/gmail/settings-signature.html',
  composer: (page) => page.locator('[aria-label="New Message"] [g_editable="true"]'),
  untouched: ['.gmail_signature'],
};

const GMAIL_FIXTURES = ['new-message', 'inline-reply', 'popout', 'spanish', 'demo', 'thread-reply', 'fullscreen', 'settings-signature', 'invisible-lookalikes'];

const autosaves = async (page: Page) => Number((await page.locator('body').getAttribute('data-autosaves')) ?? 0);

flagAndAcceptSuite(reply);
missingStatementSuite(reply);
decoysSuite(reply, (page) => [
  page.getByRole('textbox', { name: 'Ask Gemini' }),
  page.getByRole('textbox', { name: 'Message Robin' }),
  page.locator('textarea.Ak'),
  page.locator('.a3s'),
]);
flagAndAcceptSuite(expanded);
flagAndAcceptSuite(fullscreen);
decoysSuite(settings, (page) => [
  page.getByRole('textbox', { name: 'Signature' }),
  page.getByRole('textbox', { name: 'Firma' }),
  page.getByRole('textbox', { name: 'Message Ann' }),
]);

for (const name of GMAIL_FIXTURES) {
  test(`Gmail ${name}: Trusted Types are enforced and Clearline still starts`, async ({ page, site }) => {
    await site.serve('https://mail.google.com/mail/u/0/', `sites/gmail/${name}.html`);
    await page.goto('https://mail.google.com/mail/u/0/');
    const blocked = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return 'allowed';
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(blocked).toBe('TypeError');
    await new Clearline(page).ready();
  });
}

test('Gmail thread reply: the trimmed history is not in the draft until "…", and stays out of the analysis after', async ({ page, site }) => {
  const cl = await openSite(page, site, reply);
  const composer = reply.composer(page);
  const uet = await page.locator('input[name="uet"]').getAttribute('value');
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  expect(await composerText(composer)).not.toContain('extra pages');
  await page.getByRole('button', { name: 'Show trimmed content' }).click();
  await expect.poll(() => composerText(composer)).toContain('extra pages');
  // Still one finding from the user's words; nothing from the quote or the signature.
  await expect.poll(async () => (await cl.composers())[0]?.text.includes('On Mon, May 4')).toBe(false);
  const spans = (await cl.findings()).filter((f) => f.kind === 'span');
  expect(spans.map((f) => f.text)).toEqual([expect.stringMatching(FLAGGED)]);
  expect(await page.locator('input[name="uet"]').getAttribute('value')).toBe(uet);
});

test('Gmail thread reply: typing lands in the gmail_default line, and Apply keeps its font', async ({ page, site }) => {
  const cl = await openSite(page, site, reply);
  const composer = reply.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  const line = composer.locator('.gmail_default').first();
  await expect(line).toContainText(DRAFT);
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Enter');
  await expect(line).toContainText(finding.suggestions[0]!);
  await expect(line).toHaveAttribute('style', 'font-family:georgia,serif');
  await expect(line).toHaveClass('gmail_default');
});

test('Gmail thread reply: the page\'s autosave sees an input event after Insert and after Apply', async ({ page, site }) => {
  const cl = await openSite(page, site, reply);
  const composer = reply.composer(page);
  await typeDraft(page, composer, 'Of course, I can look at the files over the weekend. Call me anytime if anything comes up.');
  await cl.waitForMissing();
  const typed = await autosaves(page);
  expect(typed).toBeGreaterThan(0); // the keystrokes themselves
  await cl.openMarker();
  await cl.card.getByRole('button', { name: 'Insert boundary statement' }).click();
  await expect(cl.card).toBeHidden();
  await expect.poll(() => autosaves(page)).toBeGreaterThan(typed);
  await expect(page.locator('body')).toHaveAttribute('data-autosave-type', /^insert/);
  const inserted = await autosaves(page);
  const finding = await cl.waitForSpan(FLAGGED);
  await cl.hover(composer, 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(composer)).toContain(finding.suggestions[0]!);
  await expect.poll(() => autosaves(page)).toBeGreaterThan(inserted);
  await expect(page.locator('body')).toHaveAttribute('data-autosave-type', /^insert/);
});

test('Gmail thread reply: Grammarly\'s and Loom\'s attributes on the body are left exactly as they were', async ({ page, site }) => {
  const cl = await openSite(page, site, reply);
  const composer = reply.composer(page);
  const attrs = () => composer.evaluate((el) => Array.from(el.attributes, (a) => `${a.name}=${a.value}`).filter((a) => /^data-/.test(a)));
  const before = await attrs();
  expect(before).toEqual(expect.arrayContaining(['data-gramm=true', 'data-loom-id=loom-button:0']));
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Enter');
  await expect(cl.card).toBeHidden();
  expect(await attrs()).toEqual(before);
});

test('Gmail full screen: a giveaway inside pasted Word markup is flagged and rewritten in place', async ({ page, site }) => {
  const cl = await openSite(page, site, fullscreen);
  const composer = fullscreen.composer(page);
  // The pasted draft is analysed once the user clicks into it.
  await composer.click();
  await caretAfter(composer, 'unlimited revisions.');
  const finding = await cl.waitForSpan(/unlimited revisions/i);
  const list = await composer.locator('ol').evaluate((el) => el.outerHTML);
  const before = await composerText(composer);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toContainText(finding.message);
  await page.keyboard.press('Enter');
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
  // The pasted paragraph keeps its Word class and span styling; the pasted list is untouched.
  await expect(composer.locator('p.MsoNormal span[lang="EN-US"]').last()).toContainText(finding.suggestions[0]!.slice(0, 8));
  expect(await composer.locator('ol').evaluate((el) => el.outerHTML)).toBe(list);
  await composer.press('Control+z');
  await expect.poll(() => composerText(composer)).toBe(before);
});

test('Gmail full screen: "Save & close" empties the window in place; the card closes and the composer is dropped', async ({ page, site }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cl = await openSite(page, site, fullscreen);
  const composer = fullscreen.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  await cl.hover(composer, 'Call me anytime');
  await page.getByRole('button', { name: 'Save & close' }).click();
  await expect(cl.card).toBeHidden();
  await expect.poll(async () => (await cl.composers()).length).toBe(0);
  await expect(page.locator('[role="dialog"]')).toHaveCount(1); // the window itself stays
  expect(errors).toEqual([]);
});

test('Gmail: a minimised compose is ignored; restored it is analysed, minimised again it is dropped', async ({ page, site }) => {
  const cl = await openSite(page, site, settings);
  const open = settings.composer(page);
  await typeDraft(page, open);
  await cl.waitForSpan(FLAGGED);
  const mini = page.locator('[aria-label="Invoice"] [g_editable="true"]');
  await expect(mini).toBeHidden();
  // Focus moved to the hidden body by script (as a keyboard shortcut might) still finds nothing.
  await mini.evaluate((el) => (el as HTMLElement).focus());
  expect((await cl.composers()).map((c) => c.text.startsWith(DRAFT))).toEqual([true]);
  await page.getByRole('button', { name: 'Invoice (minimised)' }).click();
  await expect(mini).toBeVisible();
  await typeDraft(page, mini, 'Sure, text me at 11pm whenever you like.');
  await expect.poll(async () => (await cl.composers()).length).toBe(2);
  await page.getByRole('button', { name: 'Invoice (minimised)' }).click();
  await expect(mini).toBeHidden();
  await expect.poll(async () => (await cl.composers()).map((c) => c.text.startsWith(DRAFT))).toEqual([true]);
});

test('Gmail: invisible look-alike bodies (transparent, off the page, a pixel, clipped, no pointer input) are never composers', async ({ page, site }) => {
  const mole: SiteCase = {
    name: 'Gmail next to invisible look-alikes',
    url: 'https://mail.google.com/mail/u/0/#inbox',
    fixture: 'sites/gmail/invisible-lookalikes.html',
    composer: (p) => p.locator('[aria-label="New Message"] [g_editable="true"]'),
  };
  const cl = await openSite(page, site, mole);
  const hidden = page.locator('[aria-label^="Hidden"] [g_editable="true"]');
  expect(await hidden.count()).toBe(5);
  // Script focus and typing reach each of them (a page can do this), yet none is analysed.
  for (let i = 0; i < 5; i++) {
    await hidden.nth(i).evaluate((el) => (el as HTMLElement).focus());
    await page.keyboard.type(' Text me at 11pm.');
  }
  await typeDraft(page, mole.composer(page));
  await cl.waitForSpan(FLAGGED);
  const composers = await cl.composers();
  expect(composers.map((c) => c.text.startsWith(DRAFT))).toEqual([true]);
  expect((await hidden.allInnerTexts()).filter((t) => t.includes('Text me at 11pm')).length).toBeGreaterThan(0);
});

test('Gmail thread reply: scrolling the thread back up (the reply out of view) keeps the draft\'s findings', async ({ page, site }) => {
  const cl = await openSite(page, site, reply);
  await typeDraft(page, reply.composer(page));
  const finding = await cl.waitForSpan(FLAGGED);
  await page.locator('[role="main"]').evaluate((el) => (el.scrollTop = 0));
  await expect(reply.composer(page)).not.toBeInViewport();
  // Gmail flips classes all the time; each flip makes Clearline re-check its composers. Let it run.
  await page.evaluate(() => document.body.classList.add('aAU-hover'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect((await cl.findings()).map((f) => f.key)).toContain(finding.key);
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Enter');
  await expect.poll(() => composerText(reply.composer(page))).toContain(finding.suggestions[0]!);
});

test('Gmail thread reply: underlines stay on their words as the thread scrolls and the page moves things, and never show outside the pane', async ({ page, site }) => {
  const cl = await openSite(page, site, reply);
  const composer = reply.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  const words = markedWords(finding);
  const onWords = async () => (await underlinedWords(composer)).map((u) => u.text);
  await expect.poll(onWords).toContain(words);
  // The thread scrolls the reply out of its pane: nothing of ours is drawn over the rest of the page.
  const pane = page.locator('[role="main"]');
  await pane.evaluate((el) => (el.scrollTop = 0));
  await expect(composer).not.toBeInViewport();
  await expect.poll(() => underlineCounts(page)).toEqual({});
  // Back into view: the underline is on the words again.
  await composer.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect.poll(onWords).toContain(words);
  // The page moves the thread (no scroll, no resize, no input): the underline follows its words.
  const before = (await composer.boundingBox())!;
  await composer.evaluate((el) => ((el.closest('.AO') as HTMLElement).style.transform = 'translate(23px, 17px)'));
  await expect.poll(async () => (await composer.boundingBox())!.x).toBeCloseTo(before.x + 23, 0);
  await expect.poll(onWords).toContain(words);
  // Every box lies inside what shows of the pane.
  const paneBox = (await pane.boundingBox())!;
  const boxes = await page.evaluate(() =>
    [...(document.querySelector('clearline-root')?.shadowRoot?.querySelectorAll('.overlay .box') ?? [])].map((b) => b.getBoundingClientRect().toJSON() as DOMRect),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.top).toBeGreaterThanOrEqual(paneBox.y - 0.5);
    expect(b.bottom).toBeLessThanOrEqual(paneBox.y + paneBox.height + 0.5);
  }
});
