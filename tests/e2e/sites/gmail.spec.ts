// Gmail: new message with signature, inline reply with quoted history, pop-out, Spanish UI.
import { expect, test } from '../fixtures';
import { Clearline, caretAfter, composerText, underlineCounts } from '../pages/card';
import { DRAFT, FLAGGED, analysed, undoOrderSuite, cardActionsSuite, concurrencySuite, missingStatementSuite, pauseSuite, decoysSuite, flagAndAcceptSuite, openSite, typeDraft, resetSettings, type SiteCase } from '../suites';

test.beforeEach(resetSettings);

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';

const newMessage: SiteCase = {
  name: 'Gmail new message',
  url: INBOX,
  fixture: 'sites/gmail/new-message.html',
  composer: (page) => page.locator('[role="dialog"] [g_editable="true"]'),
  untouched: ['.gmail_signature', '.gmail_signature_prefix'],
};

const inlineReply: SiteCase = {
  name: 'Gmail inline reply',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrLq',
  fixture: 'sites/gmail/inline-reply.html',
  composer: (page) => page.locator('.AO [g_editable="true"]'),
  untouched: ['.gmail_quote'],
};

const popout: SiteCase = {
  name: 'Gmail pop-out',
  url: 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1',
  fixture: 'sites/gmail/popout.html',
  composer: (page) => page.locator('[role="main"] [g_editable="true"]'),
};

const spanish: SiteCase = {
  name: 'Gmail in Spanish',
  url: INBOX,
  fixture: 'sites/gmail/spanish.html',
  composer: (page) => page.getByRole('textbox', { name: 'Cuerpo del mensaje' }),
};

flagAndAcceptSuite(newMessage);
concurrencySuite(newMessage);
decoysSuite(newMessage, (page) => [
  page.getByRole('textbox', { name: 'Message Ann' }),
  page.getByRole('combobox', { name: 'To recipients' }),
  page.getByRole('textbox', { name: 'Subject' }),
  page.getByRole('textbox', { name: 'Snippet' }),
]);
cardActionsSuite(newMessage);
undoOrderSuite(newMessage);
pauseSuite(newMessage);
flagAndAcceptSuite(inlineReply);
flagAndAcceptSuite(popout);
missingStatementSuite(popout);
missingStatementSuite(newMessage);
flagAndAcceptSuite(spanish);

test('Gmail: an empty body with only a signature shows no findings', async ({ page, site }) => {
  const cl = await openSite(page, site, newMessage);
  await newMessage.composer(page).click();
  await expect.poll(async () => (await cl.composers()).length).toBe(1);
  await expect.poll(async () => (await cl.composers())[0]!.text.trim()).toBe('');
  expect(await cl.findings()).toEqual([]);
});

test('Gmail: the page\'s own CSS highlights are left alone', async ({ page, site }) => {
  const cl = await openSite(page, site, newMessage);
  await page.evaluate(() => {
    const h = new Highlight(document.createRange());
    (CSS as unknown as { highlights: Map<string, Highlight> }).highlights.set('page-x', h);
  });
  const composer = newMessage.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  await cl.hover(composer, 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(composer)).toContain(finding.suggestions[0]!);
  const registry = await page.evaluate(() => {
    const out: Record<string, number> = {};
    (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => (out[name] = h.size));
    return out;
  });
  // The page's own highlight is as it set it, and Clearline put nothing into the registry it shares.
  expect(registry).toEqual({ 'page-x': 1 });
});

test('Gmail: double spaces (NBSPs from the editor) keep the span and the spacing exact', async ({ page, site }) => {
  const cl = await openSite(page, site, newMessage);
  const composer = newMessage.composer(page);
  await typeDraft(page, composer, 'Thanks.   Call me anytime  if anything comes up.');
  expect(await composer.evaluate((el) => el.innerHTML.includes('&nbsp;'))).toBe(true);
  const finding = await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  expect(before.startsWith('Thanks.   Call me anytime  if')).toBe(true);
  await cl.hover(composer, 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
});

test('Gmail: the signature and the quoted reply are never flagged', async ({ page, site }) => {
  const cl = await openSite(page, site, inlineReply);
  await typeDraft(page, inlineReply.composer(page));
  await cl.waitForSpan(FLAGGED);
  const [composer] = await cl.composers();
  expect(composer!.text).not.toContain('weekend'); // only in the quote
  expect(composer!.findings.filter((f) => f.kind === 'span')).toHaveLength(1);

  const cl2 = await openSite(page, site, newMessage);
  await typeDraft(page, newMessage.composer(page));
  await cl2.waitForSpan(FLAGGED);
  const [c2] = await cl2.composers();
  expect(c2!.text).not.toContain('24/7'); // only in the signature
});

test('Gmail: emoji, skin tones, ZWJ sequences and an emoji image before the span keep offsets exact', async ({ page, site }) => {
  const cl = await openSite(page, site, newMessage);
  const composer = newMessage.composer(page);
  await typeDraft(page, composer, 'Great news 👍🏽 😀 👨‍👩‍👧 🇫🇷 ');
  // Gmail's emoji picker inserts an <img data-emoji>; put one at the caret like it does.
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('data-emoji', '😊');
    img.className = 'an1';
    img.alt = '😊';
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const r = getSelection()!.getRangeAt(0);
    r.insertNode(img);
    r.setStartAfter(img);
    r.collapse(true);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
  await page.keyboard.type('. Call me anytime if anything comes up.');
  await analysed(page, '. Call me anytime if anything comes up.');
  const finding = await cl.waitForSpan(FLAGGED);
  // Offsets stay aligned after surrogate pairs, ZWJ sequences and the image (one object character).
  expect(finding.text).toBe('Call me anytime if anything comes up.');
  const before = await composerText(composer);
  await cl.hover(composer, 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
  expect(before.startsWith('Great news 👍🏽 😀 👨‍👩‍👧 🇫🇷 ')).toBe(true);
  expect(await composer.locator('img[data-emoji]').count()).toBe(1);
});

test('Gmail: a span partly in bold is rewritten to exactly the suggestion', async ({ page, site }) => {
  const cl = await openSite(page, site, newMessage);
  const composer = newMessage.composer(page);
  await typeDraft(page, composer, 'Sure, ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('call me');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' anytime if anything comes up.');
  await analysed(page, 'Sure, call me anytime if anything comes up.');
  await expect(composer.locator('b')).toHaveText('call me');
  const finding = await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  await cl.hover(composer, 'call me');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
});

test('Gmail: the composer disappearing while the card is open closes the card without errors', async ({ page, site }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cl = await openSite(page, site, newMessage);
  const composer = newMessage.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  await cl.hover(composer, 'Call me anytime');
  // Gmail closes a window by emptying it in place rather than removing the dialog.
  await page.evaluate(() => document.querySelector('[role="dialog"] .aaZ')!.replaceChildren());
  await expect(cl.card).toBeHidden();
  await expect.poll(async () => (await cl.composers()).length).toBe(0);
  expect(errors).toEqual([]);
});

test('Gmail: two composers on one page are analysed and rewritten separately', async ({ page, site }) => {
  const cl = await openSite(page, site, inlineReply);
  const reply = inlineReply.composer(page);
  const mole = page.locator('[role="dialog"] [g_editable="true"]');
  await typeDraft(page, reply);
  await typeDraft(page, mole, 'Happy to help. Call me anytime, day or night.');
  await expect.poll(async () => (await cl.composers()).filter((c) => c.findings.some((f) => FLAGGED.test(f.text))).length).toBe(2);
  const moleBefore = await composerText(mole);
  await cl.hover(reply, 'Call me anytime');
  const [replyComposer] = (await cl.composers()).filter((c) => c.text.startsWith(DRAFT));
  const replyFinding = replyComposer!.findings.find((f) => FLAGGED.test(f.text))!;
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(reply)).toContain(replyFinding.suggestions[0]!);
  expect(await composerText(mole)).toBe(moleBefore);
  const moleComposer = (await cl.composers()).find((c) => c.text.startsWith('Happy to help'))!;
  expect(moleComposer.findings.some((f) => FLAGGED.test(f.text))).toBe(true);
});

test('Gmail: Alt+Enter with no flagged words before the caret opens the missing statement', async ({ page, site }) => {
  const cl = await openSite(page, site, popout);
  const composer = popout.composer(page);
  await typeDraft(page, composer, 'Of course, I can look at the files over the weekend.');
  await cl.waitForMissing();
  await caretAfter(composer, 'Of course,');
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card.getByRole('button', { name: 'Insert boundary statement' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(cl.card).toBeHidden();
  await expect.poll(async () => (await cl.findings()).some((f) => f.kind === 'missing')).toBe(false);
});

test('Gmail: a flagged sentence broken across lines is highlighted but not rewritten, and the card says why', async ({ page, site }) => {
  const cl = await openSite(page, site, newMessage);
  const composer = newMessage.composer(page);
  await typeDraft(page, composer, 'Hi Robin,');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Call me anytime');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('if anything comes up.');
  await analysed(page, 'Call me anytime\nif anything comes up.');
  const finding = await cl.waitForSpan(FLAGGED);
  expect(finding.text).toContain('\n');
  const before = await composer.innerHTML();
  await cl.hover(composer, 'Call me anytime');
  // Said up front, and the rewrites cannot be applied from the card or the keyboard.
  await expect(cl.card.getByRole('status')).toContainText('line break');
  await expect(cl.applyButtons().first()).toBeDisabled();
  expect(await composer.innerHTML()).toBe(before);
  // From the keyboard: the card says why and offers no Enter; Enter stays the user's new line and
  // rewrites nothing.
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card.getByRole('status')).toContainText('line break');
  await expect(cl.card.getByTestId('card-keys')).not.toContainText('Enter');
  const text = await composerText(composer);
  await page.keyboard.press('Enter');
  await expect(cl.card).toBeHidden();
  await expect.poll(() => composerText(composer)).not.toBe(text);
  expect((await composerText(composer)).replace(/\s+/g, ' ')).toContain('Call me anytime if anything comes up.');
});

test('Gmail: two rules on the same sentence share one card that names both, and its rewrite fixes both', async ({ page, site }) => {
  const cl = await openSite(page, site, newMessage);
  const composer = newMessage.composer(page);
  await typeDraft(page, composer, 'Just text me on my personal cell whenever you need anything, I am available 24/7.');
  await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'span').length).toBe(1);
  const [card] = (await cl.findings()).filter((f) => f.kind === 'span');
  expect(card!.also?.length ?? 0).toBeGreaterThan(0);
  await page.keyboard.press('Alt+Enter');
  // The card lists the other finding of the sentence; one rewrite answers both.
  await expect(cl.card.getByRole('list', { name: 'Also in this sentence' })).toContainText(card!.also![0]!.message);
  await cl.applyButtons().first().click();
  await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'span' && f.severity !== 'suggestion').length).toBe(0);
});

test('Gmail: a right-to-left draft with an English giveaway is highlighted, hit and rewritten', async ({ page, site }) => {
  const cl = await openSite(page, site, popout);
  const composer = popout.composer(page);
  await composer.evaluate((el) => el.setAttribute('dir', 'rtl')); // the user switched the compose direction
  await typeDraft(page, composer, 'שלום רובין, תודה. Call me anytime if anything comes up.');
  const finding = await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  await cl.hover(composer, 'anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
  expect((await composerText(composer)).startsWith('שלום רובין, תודה. ')).toBe(true);
});

test('Gmail: a saved draft open when the page loads is analysed once the user clicks in it', async ({ page, site }) => {
  const cl = await openSite(page, site, {
    name: 'Gmail saved draft',
    url: 'https://mail.google.com/mail/u/0/#drafts/saved',
    fixture: 'sites/gmail/demo.html',
    composer: (p) => p.locator('[role="dialog"] [g_editable="true"]'),
  });
  // Text in a composer is not use (a page could plant it): nothing runs until the user is there.
  // (tests/e2e/security.spec.ts waits 10 s for the same.)
  expect(await cl.composers()).toEqual([]);
  expect(await underlineCounts(page)).toEqual({});
  await page.locator('[role="dialog"] [g_editable="true"]').click();
  const finding = await cl.waitForSpan(/available 24\/7/i);
  expect(finding.suggestions.length).toBeGreaterThan(0);
  await expect.poll(() => underlineCounts(page)).not.toEqual({});
});
