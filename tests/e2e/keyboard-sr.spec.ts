// Keyboard and screen readers: every card action has a key shown in the card; Tab from the editor
// reaches the card before the site's Send; one polite live region says what happened, freshly each time.
import { expect, test, type Page } from './fixtures';
import { composerText } from './pages/card';
import { DRAFT, FLAGGED, GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft } from './suites';

// The extension APIs as seen inside page.evaluate / worker.evaluate (no @types/chrome here).
declare const chrome: any;

const gmail = GMAIL_NEW_MESSAGE;

test.beforeEach(resetSettings);

/** After Alt+O: the card is gone and the finding's rule is stored as off. */
async function expectRuleTurnedOff(ext: { worker: import('@playwright/test').Worker }, cl: { card: import('@playwright/test').Locator }, f: { pack: string; rule: string }) {
  await expect(cl.card).toBeHidden();
  await expect
    .poll(() => ext.worker.evaluate(async (id) => (await chrome.storage.local.get('settings')).settings.rules[id]?.enabled, `${f.pack}/${f.rule}`))
    .toBe(false);
}


/** Every text the live region settles on, in order (the page records them as they are written). */
async function recordLive(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __live: string[] };
    w.__live = [];
    const shadow = document.querySelector('clearline-root')!.shadowRoot!;
    new MutationObserver(() => {
      const region = shadow.querySelector('[aria-live="polite"]');
      const t = region?.textContent ?? '';
      if (t) w.__live.push(t);
    }).observe(shadow, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __live: string[] }).__live);
}

test('the card names a key for each action; Alt+I ignores and Alt+O turns the rule off', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, `${DRAFT} Or text me at 11pm, whatever suits.`);
  await cl.waitForSpan(/11 ?pm/i);
  const call = await cl.waitForSpan(FLAGGED);
  await page.keyboard.press('Alt+Enter');
  const keys = cl.card.getByTestId('card-keys');
  for (const k of ['↑', '↓', 'Enter', 'Alt+I', 'Alt+O', 'Esc']) await expect(keys).toContainText(k);
  await expect(keys).toContainText('ignore');
  await expect(keys).toContainText('turn off');
  const before = await composerText(composer);
  const shown = await cl.host.getAttribute('data-clearline-card');
  await page.keyboard.press('Alt+i');
  await expect(cl.card).toBeHidden();
  expect(await composerText(composer)).toBe(before); // nothing typed into the draft
  // The other finding, by keyboard: turned off everywhere.
  const other = (await cl.findings()).find((f) => f.kind === 'span' && f.key !== shown)!;
  expect([call.key, shown]).toContain(shown);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toContainText(other.message);
  await page.keyboard.press('Alt+o');
  await expectRuleTurnedOff(ext, cl, other);
  expect(await composerText(composer)).toBe(before);
});

test('Tab from the editor reaches the card before Send; the hint follows focus; Esc returns to the draft', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  // Gmail's Send: a div button with the same tabindex as the body, right after it.
  await composer.evaluate((el) => {
    const send = document.createElement('div');
    send.setAttribute('role', 'button');
    send.tabIndex = 1;
    send.textContent = 'Send';
    el.after(send);
  });
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(cl.applyButtons().first()).toBeFocused();
  await expect(page.getByRole('button', { name: 'Send' })).not.toBeFocused();
  await expect(cl.card.getByTestId('card-keys')).toContainText('apply this one');
  await page.keyboard.press('Escape');
  await expect(cl.card).toBeHidden();
  await expect(composer).toBeFocused();
  await page.keyboard.type(' Bye');
  await expect.poll(() => composerText(composer)).toContain(' Bye');
  expect(await composerText(composer)).toContain(finding.text);
});

test('one polite live region: No issues, the card, Apply, Undo and Insert, each freshly announced', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, 'Thanks Robin, see you Tuesday.');
  const live = await recordLive(page);
  await page.keyboard.press('Alt+Enter');
  await expect.poll(live).toEqual(['No issues in this draft.']);
  await page.keyboard.press('Alt+Enter');
  // The same words again are written afresh, so they are read again.
  await expect.poll(live).toEqual(['No issues in this draft.', 'No issues in this draft.']);
  expect(await cl.host.locator('[aria-live="polite"]').count()).toBe(1);
  expect(await cl.host.locator('[aria-live]').count()).toBe(1);

  await page.keyboard.press('Control+a');
  await page.keyboard.type(DRAFT);
  const finding = await cl.waitForSpan(FLAGGED);
  await expect.poll(async () => (await live()).some((t) => /issues? in this draft/.test(t))).toBe(true);
  await page.keyboard.press('Alt+Enter');
  await expect.poll(async () => (await live()).at(-1)).toContain(finding.message);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await live()).at(-1)).toBe('Rewrite applied. Ctrl+Z undoes it.');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await live()).at(-1)).toBe('Undone: your words are back.');
  const all = await live();
  for (const t of all) expect(t, 'no doubled punctuation').not.toMatch(/\.\./);
});

test('Insert is announced', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, 'Of course, I can look at the files over the weekend and send them Sunday night.');
  await cl.waitForMissing();
  const live = await recordLive(page);
  await cl.openMarker();
  await cl.card.getByRole('button', { name: 'Insert boundary statement' }).click();
  await expect.poll(async () => (await live()).at(-1)).toBe('Boundary statement inserted. Ctrl+Z takes it out.');
});

test('with focus on a card button, Alt+I ignores and Alt+O turns the rule off, as the buttons announce', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, `${DRAFT} Or text me at 11pm, whatever suits.`);
  await cl.waitForSpan(/11 ?pm/i);
  await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
  const shown = await cl.host.getAttribute('data-clearline-card');
  await page.keyboard.press('Tab'); // into the card
  await expect(cl.card.getByRole('button', { name: /^Ignore/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+I');
  await page.keyboard.press('Alt+i');
  await expect(cl.card).toBeHidden();
  await expect.poll(async () => (await cl.findings()).some((f) => f.key === shown)).toBe(false);
  expect(await composerText(composer)).toBe(before);
  // The other finding: Alt+O from its card's button turns its rule off everywhere.
  const other = (await cl.findings()).find((f) => f.kind === 'span')!;
  await composer.focus();
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toContainText(other.message);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Alt+o');
  await expectRuleTurnedOff(ext, cl, other);
  expect(await composerText(composer)).toBe(before);
});

test('↓ in the editor, then Tab, then Enter applies the rewrite the card shows as chosen', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, "I'll throw in the extra landing page for free, no need to change the contract.");
  const finding = await cl.waitForSpan(/for free/);
  expect(finding.suggestions.length).toBeGreaterThan(1);
  const [first, second] = finding.suggestions as [string, string];
  await page.keyboard.press('Alt+Enter');
  const buttons = cl.applyButtons();
  await page.keyboard.press('ArrowDown');
  await expect(buttons.nth(1)).toHaveAttribute('data-active', 'true');
  await page.keyboard.press('Tab');
  await expect(buttons.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cl.card).toBeHidden();
  const text = await composerText(composer);
  expect(text).toContain(second.trim());
  expect(text).not.toContain(first.trim());
});

test('once the card closes, the live region no longer holds its description; what Apply said stays', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, DRAFT);
  await cl.waitForSpan(FLAGGED);
  const region = () => page.evaluate(() => document.querySelector('clearline-root')!.shadowRoot!.querySelector('[aria-live="polite"]')?.textContent ?? '');
  await page.keyboard.press('Alt+Enter');
  await expect.poll(region).toMatch(/^Clearline: .*Escape closes\.$/);
  await page.keyboard.press('Escape');
  await expect(cl.card).toBeHidden();
  await expect.poll(region).toBe('');
  // An action's message is not a card's description: it stays after the card has gone.
  await page.keyboard.press('Alt+Enter');
  await expect.poll(region).toMatch(/Escape closes\.$/);
  await page.keyboard.press('Enter');
  await expect(cl.card).toBeHidden();
  await expect.poll(region).toBe('Rewrite applied. Ctrl+Z undoes it.');
});
