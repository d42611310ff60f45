// The two people of issue 13, keyboard only, in narrow and zoomed windows: a therapist setting up on
// the options page and writing to a client, and a freelance designer working through the demo draft
// from the popup. Each step checks what that person would notice.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { composerText } from './pages/card';
import { OptionsPage } from './pages/options';
import { PopupPage, tabIdOf } from './pages/popup';
import { GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft, type SiteCase } from './suites';

test.beforeEach(resetSettings);

const DEMO: SiteCase = {
  name: 'Gmail demo draft',
  url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
  fixture: 'sites/gmail/demo.html',
  composer: (page) => page.locator('[role="dialog"] [g_editable="true"]'),
};

/** Press Tab until `pred` holds for the focused element (keyboard only: no clicks, no .focus()). */
async function tabTo(page: Page, what: string, pred: (el: Element) => boolean, shift = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate(`(${pred.toString()})(document.activeElement)`)) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

test('the therapist, keyboard only at 200 % zoom: Clinician sets a safe urgent path, the note shows by the change, the draft gets it', async ({ page, site, ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  // 200 % zoom of a 1280 × 800 window.
  await options.page.setViewportSize({ width: 640, height: 400 });
  await tabTo(options.page, 'the profession', (el) => el.tagName === 'SELECT' && !!el.closest('#profession'));
  // Keyboard choice in a closed select: type-ahead picks the option that starts with T.
  await options.page.keyboard.press('t');
  await expect(options.status).toHaveText('Profession set to Therapist, counsellor or social worker');
  await expect(options.status).toBeInViewport();
  const urgent = options.page.getByLabel('For anything urgent, clients should…');
  await expect(urgent).toHaveValue(/emergency|crisis/i);
  await expect(options.statement).toContainText(/emergency|crisis/i);
  await expect(options.statement).not.toContainText('URGENT');
  // The time zone by city, as clients will read it.
  await tabTo(options.page, 'the time zone', (el) => el.getAttribute('name') === 'timeZone');
  await options.page.keyboard.press('Control+a');
  await options.page.keyboard.type('London');
  await expect(options.statement).toContainText('UK time');
  await expect(options.status).toBeInViewport();
  await options.page.close();

  await page.setViewportSize({ width: 640, height: 400 });
  const cl = await openSite(page, site, GMAIL_NEW_MESSAGE);
  const composer = GMAIL_NEW_MESSAGE.composer(page);
  await typeDraft(page, composer, 'Of course, you can text me late at night whenever things feel too much.');
  const missing = await cl.waitForMissing();
  expect(missing.suggestions[0]).toMatch(/emergency|crisis/i);
  expect(missing.suggestions[0]).not.toContain('URGENT');
  // Every plain word the card shows is a name, never a rule id.
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
  await expect(cl.card).toBeInViewport({ ratio: 0.5 });
  expect(await cl.card.innerText()).not.toMatch(/\b[a-z]+\/[a-z0-9]+(-[a-z0-9]+)+\b/);
  await page.keyboard.press('Escape');
});

test('the designer, keyboard only at 320 px: the indicator, the card and the popup, with Ignore and Turn off undone', async ({ page, site, ext }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const cl = await openSite(page, site, DEMO);
  const composer = DEMO.composer(page);
  await composer.focus();
  await composer.press('Control+End');
  await expect.poll(async () => (await cl.findings()).length).toBeGreaterThan(3);
  const before = await composerText(composer);
  const n = (await cl.findings()).length;
  const indicator = page.getByRole('button', { name: new RegExp(`^Clearline: ${n} issues in this draft`) });
  await expect(indicator).toBeInViewport();
  // From the editor Tab reaches only the card; without a card the site's own order.
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
  const card = (await cl.card.boundingBox())!;
  expect(card.x).toBeGreaterThanOrEqual(0);
  expect(card.x + card.width).toBeLessThanOrEqual(320);
  await page.keyboard.press('Tab');
  await expect(cl.card.locator('button[data-action]:focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(cl.card).toBeHidden();
  await expect(composer).toBeFocused();
  expect(await composerText(composer)).toBe(before);

  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await popup.page.setViewportSize({ width: 320, height: 600 });
  await expect(popup.findings).toHaveCount(n);
  const first = popup.findings.first();
  const message = (await first.locator('p').first().innerText()).trim();
  // Ignore by keyboard: focus stays in the popup (on Undo), never on the page's body.
  await tabTo(popup.page, 'Ignore', (el) => el.tagName === 'BUTTON' && /^Ignore/.test(el.textContent ?? ''));
  await popup.page.keyboard.press('Enter');
  await expect(popup.findings).toHaveCount(n - 1);
  await expect(popup.page.locator('body')).not.toBeFocused();
  const undo = popup.page.getByRole('status').getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await tabTo(popup.page, 'Undo', (el) => el.textContent === 'Undo');
  await popup.page.keyboard.press('Enter');
  await expect(popup.findings).toHaveCount(n);
  await expect(popup.page.locator('body')).not.toBeFocused();
  // Turn off this rule by keyboard, and Undo.
  await tabTo(popup.page, 'Turn off this rule', (el) => el.tagName === 'BUTTON' && /^Turn off this rule/.test(el.textContent ?? ''), true);
  await popup.page.keyboard.press('Enter');
  await expect(popup.page.getByRole('status')).not.toContainText('/');
  await expect(popup.page.locator('body')).not.toBeFocused();
  await tabTo(popup.page, 'Undo', (el) => el.textContent === 'Undo', true);
  await popup.page.keyboard.press('Enter');
  await expect(popup.findings).toHaveCount(n);
  await expect(popup.finding(message)).toHaveCount(1);
  await expect(popup.page.locator('body')).not.toBeFocused();
  await popup.page.close();
});
