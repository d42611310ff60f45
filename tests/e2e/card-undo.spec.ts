// Ignore and "Turn off this rule" in the card can be undone, as in the popup: the card turns into a
// short notice with Undo (a button, and Alt+U from the draft), keys shown in it, each step announced
// in the polite live region; a keyboard user who pressed Ignore in the card lands on Undo, and Undo
// puts them back in the draft with the caret where it was.
import { expect, test, type Page } from './fixtures';
import { axeViolations, textContrasts } from './pages/a11y';
import { composerText } from './pages/card';
import { DRAFT, FLAGGED, GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft } from './suites';

// The extension APIs as seen inside worker.evaluate (no @types/chrome here).
declare const chrome: any;

const gmail = GMAIL_NEW_MESSAGE;

test.beforeEach(resetSettings);

/** Every text the live region settles on, in order. */
async function recordLive(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __live: string[] };
    w.__live = [];
    const shadow = document.querySelector('clearline-root')!.shadowRoot!;
    new MutationObserver(() => {
      const t = shadow.querySelector('[aria-live="polite"]')?.textContent ?? '';
      if (t) w.__live.push(t);
    }).observe(shadow, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __live: string[] }).__live);
}

const notice = (page: Page) => page.locator('clearline-root').getByRole('group', { name: 'Clearline: undo' });
const undoButton = (page: Page) => notice(page).getByRole('button', { name: 'Undo' });

/** The data-action of the button that has focus in our shadow root ('' when none). */
const focusedAction = (page: Page) =>
  page.evaluate(() => (document.querySelector('clearline-root')?.shadowRoot?.activeElement as HTMLElement | null)?.dataset.action ?? '');

const storedRule = (ext: { worker: import('@playwright/test').Worker }, id: string) =>
  ext.worker.evaluate(async (rule) => (await chrome.storage.local.get('settings')).settings?.rules?.[rule] ?? null, id);

test('Ignore by pointer: the card offers Undo with its key, and Undo brings the finding back', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  const live = await recordLive(page);
  await cl.hover(composer, 'Call me anytime');
  await cl.card.getByRole('button', { name: 'Ignore' }).click();
  await cl.expectNoSpan(FLAGGED);
  await expect(undoButton(page)).toBeVisible();
  await expect(notice(page)).toContainText('Ignored');
  await expect(notice(page).getByTestId('card-keys')).toContainText('Alt+U');
  await expect.poll(async () => (await live()).at(-1)).toBe('Ignored in this draft. Alt+U undoes it.');
  // The pointer wandering off does not take Undo away.
  await page.mouse.move(5, 5);
  await expect(undoButton(page)).toBeVisible();
  await undoButton(page).click();
  await expect(notice(page)).toBeHidden();
  await expect.poll(async () => (await cl.findings()).some((f) => f.kind === 'span' && f.text === finding.text)).toBe(true);
  await expect.poll(async () => (await live()).at(-1)).toBe('Shown again.');
  await expect(composer).toBeFocused();
});

test('Ignore and Undo from the keyboard: Alt+I, then Alt+U in the draft; nothing is typed', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
  await page.keyboard.press('Alt+i');
  await expect(cl.card).toBeHidden();
  await cl.expectNoSpan(FLAGGED);
  await expect(undoButton(page)).toBeVisible();
  await expect(composer).toBeFocused();
  await page.keyboard.press('Alt+u');
  await cl.waitForSpan(FLAGGED);
  await expect(notice(page)).toBeHidden();
  expect(await composerText(composer)).toBe(before);
  await expect(composer).toBeFocused();
});

test('Ignore pressed in the card puts focus on Undo; Enter undoes and returns to the draft at the caret', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 6 && (await focusedAction(page)) !== 'ignore'; i++) await page.keyboard.press('Tab');
  expect(await focusedAction(page)).toBe('ignore');
  await page.keyboard.press('Enter');
  await cl.expectNoSpan(FLAGGED);
  await expect(undoButton(page)).toBeFocused();
  await expect(notice(page).getByTestId('card-keys')).toContainText('Enter undo');
  await page.keyboard.press('Enter');
  await cl.waitForSpan(FLAGGED);
  await expect(composer).toBeFocused();
  // The caret is where the user left it: at the end of the draft.
  await page.keyboard.type(' Bye');
  await expect.poll(() => composerText(composer)).toContain(`${DRAFT} Bye`);
});

test('Turn off this rule by keyboard is undone by Alt+U: the rule is back as it was, and so is the finding', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  const id = `${finding.pack}/${finding.rule}`;
  const live = await recordLive(page);
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Alt+o');
  await expect.poll(async () => (await storedRule(ext, id))?.enabled).toBe(false);
  await cl.expectNoSpan(FLAGGED);
  await expect(undoButton(page)).toBeVisible();
  await expect(notice(page)).toContainText(finding.message);
  await expect.poll(async () => (await live()).at(-1)).toMatch(/^Rule turned off\. Alt\+U turns it back on/);
  await page.keyboard.press('Alt+u');
  await expect.poll(() => storedRule(ext, id)).toBeNull();
  await cl.waitForSpan(FLAGGED);
  await expect.poll(async () => (await live()).at(-1)).toBe('Rule turned on again.');
});

test('Undo of Turn off keeps a severity the user had chosen for the rule', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  const id = `${finding.pack}/${finding.rule}`;
  await ext.worker.evaluate(async (rule) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), rules: { ...(settings?.rules ?? {}), [rule]: { enabled: true, severity: 'alert' } } } });
  }, id);
  await expect.poll(async () => (await cl.findings()).find((f) => FLAGGED.test(f.text))?.severity).toBe('alert');
  await page.keyboard.press('Alt+Enter');
  await cl.card.getByRole('button', { name: 'Turn off this rule' }).click();
  await expect.poll(async () => (await storedRule(ext, id))?.enabled).toBe(false);
  await undoButton(page).click();
  await expect.poll(() => storedRule(ext, id)).toEqual({ enabled: true, severity: 'alert' });
});

test('typing or Esc closes the Undo notice; the draft gets the keys', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Alt+i');
  await expect(undoButton(page)).toBeVisible();
  await page.keyboard.type(' Ok');
  await expect(notice(page)).toBeHidden();
  await expect.poll(() => composerText(composer)).toContain(`${DRAFT} Ok`);
  // Again (another sentence: the ignored one stays ignored in this draft), closed with Esc this time;
  // Tab from the draft reaches Undo first while it is up.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Thanks Robin. Call me anytime, really.');
  await cl.waitForSpan(FLAGGED);
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Alt+i');
  await page.keyboard.press('Tab');
  await expect(undoButton(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(notice(page)).toBeHidden();
  await expect(composer).toBeFocused();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the Undo notice: axe finds nothing, text meets contrast, Undo is a 24 px target (${scheme})`, async ({ page, site }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const cl = await openSite(page, site, gmail);
    const composer = gmail.composer(page);
    await typeDraft(page, composer);
    await cl.waitForSpan(FLAGGED);
    await page.keyboard.press('Alt+Enter');
    await page.keyboard.press('Alt+i');
    await expect(undoButton(page)).toBeVisible();
    expect(await axeViolations(page, 'clearline-root')).toEqual([]);
    const texts = await textContrasts(notice(page));
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.filter((t) => t.ratio < t.needed)).toEqual([]);
    const box = (await undoButton(page).boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  });
}
