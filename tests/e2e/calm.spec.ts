// A calm card: it opens when the pointer rests on the words, not on the way past; a click to edit opens
// nothing; typing closes any card; the card keeps clear of the line being typed; the trigger words are
// underlined, quoted, and each rewrite shows what it changes.
import { expect, test, type Page } from './fixtures';
import { caretAfter, markedRanges, markedWords, phraseBox, underlinedWords } from './pages/card';
import { DRAFT, FLAGGED, GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft } from './suites';

const gmail = GMAIL_NEW_MESSAGE;

test.beforeEach(resetSettings);

/** Record, in the page, whether a card opened at any moment from now on (the test hook names the open card). */
async function watchForCard(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const host = document.querySelector('clearline-root')!;
    const w = window as unknown as { __cardSeen: boolean };
    w.__cardSeen = false;
    new MutationObserver(() => {
      if (host.getAttribute('data-clearline-card')) w.__cardSeen = true;
    }).observe(host, { attributes: true, attributeFilter: ['data-clearline-card'] });
  });
  return () => page.evaluate(() => (window as unknown as { __cardSeen: boolean }).__cardSeen);
}

/** The open card does not overlap the line the caret is on; returns the card's box. */
async function expectCardClearOfCaretLine(page: Page, cl: { card: import('@playwright/test').Locator }, label = '') {
  const caret = await page.evaluate(() => {
    const r = getSelection()!.getRangeAt(0).getClientRects()[0]!;
    return { top: r.top, bottom: r.bottom };
  });
  const card = (await cl.card.boundingBox())!;
  const overlaps = card.y < caret.bottom && card.y + card.height > caret.top;
  expect(overlaps, `${label}${label ? ': ' : ''}card ${card.y}–${card.y + card.height} over the caret line ${caret.top}–${caret.bottom}`).toBe(false);
  return card;
}

/** Two animation frames: the pointer handler has run for the last move. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

test('a pointer sweeping across flagged words opens no card; resting on them opens it', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, 'Call me anytime if anything comes up. You look stunning in that photo. Anything for you, seriously.');
  await cl.waitForSpan(/stunning/);
  const box = await composer.boundingBox();
  const seen = await watchForCard(page);
  // A sweep from left to right over the first line, 16 stops, as a hand moving to the toolbar.
  const line = await phraseBox(composer, 'Call me anytime');
  await page.mouse.move(box!.x - 40, line.y + line.height / 2);
  await page.mouse.move(box!.x + box!.width + 40, line.y + line.height / 2, { steps: 16 });
  await page.mouse.move(box!.x + box!.width + 60, box!.y - 60);
  await frames(page);
  expect(await seen(), 'a card opened during the sweep').toBe(false);
  // Resting on the words: the card comes, but not on the first frame.
  const words = await phraseBox(composer, 'look stunning');
  await page.mouse.move(words.x + 10, words.y + words.height / 2);
  await frames(page);
  await expect(cl.card).toBeHidden();
  await expect(cl.card).toBeVisible();
});

test('a click into flagged words to edit them opens no card, and typing there keeps the words uncovered', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  await page.mouse.move(5, 5);
  const seen = await watchForCard(page);
  const words = await phraseBox(composer, 'anytime');
  await page.mouse.click(words.x + words.width - 2, words.y + words.height / 2);
  // Editing by hand at a natural pace, the pointer still resting where it clicked.
  await page.keyboard.type(' at all', { delay: 120 });
  await frames(page);
  expect(await seen(), 'a card opened while editing').toBe(false);
  await expect(cl.card).toBeHidden();
});

test('typing closes a card opened by hover', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  await cl.hover(composer, 'Call me anytime');
  await page.keyboard.type('!');
  await expect(cl.card).toBeHidden();
});

test('the card never covers the line the caret is on', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, DRAFT);
  await page.keyboard.press('Enter');
  await page.keyboard.type('More on Monday, and');
  await cl.waitForSpan(FLAGGED);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
  await expectCardClearOfCaretLine(page, cl);
  await page.keyboard.press('Escape');
});

test('only the trigger words are underlined; the card quotes them and shows each rewrite as a change', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  const marked = markedWords(finding);
  expect(marked.length).toBeLessThan(finding.text.length);
  await expect.poll(async () => (await underlinedWords(composer)).filter((u) => u.severity === finding.severity).map((u) => u.text)).toEqual([marked]);
  await cl.hover(composer, marked);
  await expect(cl.card.locator('.flagged q')).toHaveText(marked);
  await page.mouse.move(5, 5);
  await expect(cl.card).toBeHidden();

  // A rewrite that edits the sentence shows as a change: struck words it drops, marked words it adds.
  await typeDraft(page, composer, 'Sorry, I guess maybe we could possibly move the review to Thursday, if that is okay? ');
  const hedged = await cl.waitForSpan(/^Sorry, I guess/);
  await cl.hover(composer, 'Sorry, I guess');
  const first = cl.applyButtons().first();
  await expect(first).toHaveAccessibleName(`Apply: ${hedged.suggestions[0]}`);
  const removed = (await first.locator('del').allTextContents()).join(' ');
  const added = (await first.locator('ins').allTextContents()).join(' ');
  expect(removed).toMatch(/possibly/);
  expect(added.length).toBeGreaterThan(0);
  for (const w of removed.split(/\s+/).filter(Boolean)) expect(hedged.text).toContain(w);
  for (const w of added.split(/\s+/).filter(Boolean)) expect(hedged.suggestions[0]).toContain(w);
  await caretAfter(composer, 'Hi Robin');
});

/** Opens the built-in demo draft in Gmail with the caret at its end, as a user starts on it. */
async function openDemo(page: Page, site: Parameters<typeof openSite>[1]) {
  const demo = { ...gmail, name: 'Gmail demo draft', url: 'https://mail.google.com/mail/u/0/#inbox?compose=new', fixture: 'sites/gmail/demo.html' };
  const cl = await openSite(page, site, demo);
  const composer = demo.composer(page);
  await composer.click();
  await composer.press('Control+End');
  return { cl, composer };
}

/** The demo draft's text and what is underlined in it: each span finding's trigger words, merged where findings share words. */
async function demoUnderlines(page: Page, site: Parameters<typeof openSite>[1]) {
  const { cl, composer } = await openDemo(page, site);
  await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'span').length).toBeGreaterThan(3);
  const [draft] = await cl.composers();
  const spans = draft!.findings.filter((f) => f.kind === 'span');
  const marks = spans.flatMap((f) => markedRanges(f)).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of marks) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return { text: draft!.text, spans, merged };
}

test('on the demo draft neighbouring findings stay apart, and each card quotes its own words', async ({ page, site }) => {
  const { text, spans, merged } = await demoUnderlines(page, site);
  // Two underlines never touch: between any two there is at least a space (they read as two, not one).
  for (let i = 1; i < merged.length; i++) {
    const gap = text.slice(merged[i - 1]![1], merged[i]![0]);
    expect(gap.length, `underlines ${i - 1} and ${i} run together`).toBeGreaterThan(0);
  }
  expect(new Set(spans.map((f) => markedWords(f))).size).toBe(spans.length);
});

// (96 % before the trigger-words work; 34 % with each card's own words, 40 % once the words of the
// findings a card also speaks for are underlined too.)
test('on the demo draft less than 45 % of the body is underlined', async ({ page, site }) => {
  const { text, merged } = await demoUnderlines(page, site);
  const underlined = merged.reduce((n, [s, e]) => n + text.slice(s, e).replace(/\s+/g, '').length, 0);
  const body = text.replace(/\s+/g, '').length;
  expect(underlined / body, `${underlined} of ${body} characters underlined`).toBeLessThan(0.45);
});

test('on the demo draft no finding underlines its whole sentence: each underline is a trigger phrase', async ({ page, site }) => {
  const { text, spans } = await demoUnderlines(page, site);
  for (const f of spans) {
    const sentence = text.slice(f.start, f.end).trim();
    const ranges = markedRanges(f);
    const underlined = ranges.reduce((n, [s, e]) => n + e - s, 0);
    // A phrase, not a clause: at most eight words each, and well under the sentence it sits in.
    for (const [s, e] of ranges) expect(text.slice(s, e).split(/\s+/).length, `${f.rule}: "${text.slice(s, e)}"`).toBeLessThanOrEqual(8);
    if (sentence.length > 60) expect(underlined / sentence.length, `${f.rule} underlines ${underlined} of ${sentence.length} characters`).toBeLessThan(0.6);
  }
});

test('stacked apologies underline each apology and hedge, and the card quotes them', async ({ page, site }) => {
  const { cl, composer } = await openDemo(page, site);
  const finding = await cl.waitForSpan(/so sorry/);
  expect(finding.rule).toBe('stacked-apology');
  const words = markedWords(finding);
  expect(words).toMatch(/^I'm so sorry … /);
  expect(words).not.toMatch(/mockups|tonight/);
  // Each phrase is its own underline: the words between them are not underlined.
  await expect.poll(async () => (await underlinedWords(composer)).map((u) => u.text)).toContain(words);
  await cl.hover(composer, 'so sorry');
  await expect(cl.card.locator('.flagged q')).toHaveText(words);
  // The rewrite still replaces the whole sentence, shown as a change of it.
  await expect(cl.applyButtons().first()).toHaveAccessibleName(`Apply: ${finding.suggestions[0]}`);
});

test('on the demo draft every rewrite shows all the words Apply replaces: kept words plus struck words are the flagged text', async ({ page, site }) => {
  const { cl, composer } = await openDemo(page, site);
  await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'span').length).toBeGreaterThan(3);
  const spans = (await cl.findings()).filter((f) => f.kind === 'span' && f.suggestions.length);
  const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
  let checked = 0;
  for (const f of spans) {
    await page.mouse.move(5, 5);
    await expect(cl.card).toBeHidden();
    const [draft] = await cl.composers();
    const [s, e] = markedRanges(f)[0]!;
    await cl.hover(composer, draft!.text.slice(s, e));
    await expect(cl.card.locator('.flagged q')).toHaveText(markedWords(f));
    for (const button of await cl.applyButtons().all()) {
      // What the button shows of the user's words: unchanged text and struck text, not the added words.
      const shown = await button.locator('.diff').evaluate((d) =>
        [...d.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE || (n as Element).tagName === 'DEL' ? n.textContent : (n as Element).tagName === 'INS' || (n as Element).classList.contains('removal') ? ' ' : n.textContent)).join(''),
      );
      expect(norm(shown), `${f.rule}: the card hides words Apply replaces`).toBe(norm(f.text));
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(3);
});

// A card taller than the room beside the line being typed (a laptop screen, 200 % zoom) takes the
// larger free side and scrolls inside, rather than covering that line or running off the window.
for (const viewport of [{ width: 1280, height: 860 }, { width: 1366, height: 768 }, { width: 640, height: 430 }]) {
  test(`a tall keyboard card keeps clear of the caret line and inside the window at ${viewport.width}×${viewport.height}`, async ({ page, site }) => {
    await page.setViewportSize(viewport);
    const { cl, composer } = await openDemo(page, site);
    await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'span').length).toBeGreaterThan(3);
    for (const phrase of ['even on weekends.', 'for free.']) {
      await caretAfter(composer, phrase);
      await page.keyboard.press('Alt+Enter');
      await expect(cl.card).toBeVisible();
      const card = await expectCardClearOfCaretLine(page, cl, phrase);
      expect(card.y, phrase).toBeGreaterThanOrEqual(0);
      expect(card.y + card.height, phrase).toBeLessThanOrEqual(viewport.height);
      // Every button of the card can still be reached: the last one scrolls into the card's view.
      const lastButton = cl.card.getByRole('button').last();
      await lastButton.scrollIntoViewIfNeeded();
      const b = (await lastButton.boundingBox())!;
      expect(b.y + b.height, `${phrase}: last button inside the window`).toBeLessThanOrEqual(viewport.height);
      await page.keyboard.press('Escape');
      await expect(cl.card).toBeHidden();
    }
  });
}

test('on the demo draft a finding the card speaks for as "also in this sentence" is underlined, and hovering it opens that card', async ({ page, site }) => {
  const { cl, composer } = await openDemo(page, site);
  await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'span').length).toBeGreaterThan(3);
  const [draft] = await cl.composers();
  const carrier = draft!.findings.find((f) => (f.also ?? []).some((a) => a.rule === 'personal-channel'));
  expect(carrier, 'a card carries the personal-channel finding as "also"').toBeDefined();
  const also = carrier!.also!.find((a) => a.rule === 'personal-channel')!;
  const words = draft!.text.slice(also.focus.start, also.focus.end);
  expect(words).toMatch(/personal/);
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  await expect.poll(async () => squeeze((await underlinedWords(composer)).map((u) => u.text).join('|'))).toContain(squeeze(words));
  await page.mouse.move(0, 0);
  await cl.hover(composer, words);
  await expect(cl.card).toContainText(carrier!.message);
});

// A tall card opened by hover (no caret line to keep clear) keeps clear of the words it is about.
for (const viewport of [{ width: 1280, height: 860 }, { width: 640, height: 430 }]) {
  test(`a tall hover card does not cover the words it describes at ${viewport.width}×${viewport.height}`, async ({ page, site }) => {
    await page.setViewportSize(viewport);
    const { cl, composer } = await openDemo(page, site);
    await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'span').length).toBeGreaterThan(3);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await page.mouse.move(0, 0);
    for (const words of ['even on weekends', 'the extra landing page', 'I guess', 'grab drinks']) {
      await cl.hover(composer, words);
      const w = await phraseBox(composer, words);
      const card = (await cl.card.boundingBox())!;
      const overlaps = card.y < w.y + w.height && card.y + card.height > w.y && card.x < w.x + w.width && card.x + card.width > w.x;
      expect(overlaps, `${words}: card ${card.y}–${card.y + card.height} over the words ${w.y}–${w.y + w.height}`).toBe(false);
      expect(card.y + card.height, words).toBeLessThanOrEqual(viewport.height);
      await page.mouse.move(0, 0);
      await expect(cl.card).toBeHidden();
    }
  });
}
