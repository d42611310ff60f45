// Tab from the editor reaches any open card (hover, keyboard or the indicator's list) before the site's
// Send, so Tab then Enter never sends the mail by surprise; Shift+Tab and Esc go back to the editor with
// the caret where it was; the card's key hints speak about whatever has focus; with no card open Tab is
// the site's own; a page's synthetic Tab moves nothing. Run on Gmail's thread reply (Send is the next
// tab stop) and LinkedIn's new-UI thread (Enter sends, Send comes right after the editor).
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { caretAfter, composerText, pressMarker, type Clearline } from './pages/card';
import { DRAFT, FLAGGED, openSite, resetSettings, typeDraft, type SiteCase } from './suites';

test.beforeEach(resetSettings);

interface SendCase extends SiteCase {
  send(page: Page): Locator;
}

const cases: SendCase[] = [
  {
    name: 'Gmail thread reply',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrLq',
    fixture: 'sites/gmail/thread-reply.html',
    composer: (page) => page.locator('.AO [g_editable="true"]'),
    send: (page) => page.getByRole('button', { name: /^Send/ }),
  },
  {
    name: 'LinkedIn new-UI thread (Enter sends)',
    url: 'https://www.linkedin.com/messaging/thread/2-ZjA1NmE4/',
    fixture: 'sites/linkedin/new-ui-thread.html',
    composer: (page) => page.getByRole('textbox', { name: 'Write a message…' }),
    send: (page) => page.getByRole('button', { name: 'Send', exact: true }),
  },
];

/** Count sends as the site would: a click on Send, or Enter while it has focus (Gmail's div button). */
async function countSends(page: Page, send: Locator): Promise<() => Promise<number>> {
  await send.evaluate((el) => {
    const w = window as unknown as { __sends: number };
    w.__sends = 0;
    el.addEventListener('click', () => w.__sends++);
    el.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') w.__sends++;
    });
  });
  return async () => (await page.evaluate(() => (window as unknown as { __sends: number }).__sends)) + Number((await page.locator('body').getAttribute('data-sent')) ?? 0);
}

/** The element that has focus inside our card, by its accessible text ('' when focus is not in the card). */
const cardFocus = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('clearline-root')?.shadowRoot?.activeElement as HTMLElement | null;
    return active ? (active.getAttribute('aria-label') ?? active.textContent ?? '').trim() : '';
  });

const hint = (cl: Clearline) => cl.card.getByTestId('card-keys');

for (const c of cases) {
  test(`${c.name}: with a hover card open, Tab reaches Apply and Tab then Enter applies, never sends`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    const sends = await countSends(page, c.send(page));
    await cl.hover(composer, 'Call me anytime');
    await expect(hint(cl)).toContainText('Tab to the card');
    await page.keyboard.press('Tab');
    await expect(cl.applyButtons().first()).toBeFocused();
    await expect(c.send(page)).not.toBeFocused();
    // The pointer wandering off does not close a card the keyboard is in.
    await page.mouse.move(2, 2);
    await page.keyboard.press('Enter');
    await expect(cl.card).toBeHidden();
    await expect.poll(() => composerText(composer)).toContain(finding.suggestions[0]!);
    await expect(composer).toBeFocused();
    expect(await sends()).toBe(0);
  });

  test(`${c.name}: the indicator's list is reached by Tab; Tab then Enter never sends`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer, `${DRAFT} I can look at it over the weekend.`);
    await cl.waitForSpan(FLAGGED);
    const sends = await countSends(page, c.send(page));
    await pressMarker(page, page.getByRole('button', { name: /^Clearline: \d+ issues? in this draft/ }));
    await expect(cl.card).toBeVisible();
    await expect(composer).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await cardFocus(page)).toMatch(/^Apply: |^Insert boundary statement$/);
    await page.keyboard.press('Enter');
    await expect(cl.card).toBeHidden();
    await expect(composer).toBeFocused();
    expect(await sends()).toBe(0);
  });

  test(`${c.name}: Shift+Tab and Esc return to the editor at the caret; the hints follow focus`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    await cl.waitForSpan(FLAGGED);
    await caretAfter(composer, 'thanks');
    await cl.hover(composer, 'Call me anytime');
    await page.keyboard.press('Tab');
    await expect(hint(cl)).toContainText('Enter apply this one');
    // Past the rewrites to Ignore: the hint now speaks about Ignore.
    while (!(await cardFocus(page)).startsWith('Ignore')) {
      await page.keyboard.press('Tab');
      expect(await cardFocus(page), 'Tab left the card before Ignore').not.toBe('');
    }
    await expect(hint(cl)).toContainText('Enter ignore');
    await expect(hint(cl)).not.toContainText('apply');
    await page.keyboard.press('Tab');
    expect(await cardFocus(page)).toBe('Turn off this rule');
    await expect(hint(cl)).toContainText('Enter turn this rule off');
    // Back to the first action, then Shift+Tab once more: the editor, caret where it was.
    const first = cl.applyButtons().first();
    for (let i = 0; i < 6 && !(await first.evaluate((b) => b.matches(':focus'))); i++) await page.keyboard.press('Shift+Tab');
    await expect(first).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(composer).toBeFocused();
    await expect(cl.card).toBeVisible();
    await expect(hint(cl)).toContainText('Tab to the card');
    await page.keyboard.type('X');
    await expect.poll(() => composerText(composer)).toContain('thanksX for the note.');
    // Typing closed the card; open it again and leave by Esc.
    await cl.hover(composer, 'Call me anytime');
    await page.keyboard.press('Tab');
    await expect(cl.applyButtons().first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(cl.card).toBeHidden();
    await expect(composer).toBeFocused();
    await page.keyboard.type('Y');
    await expect.poll(() => composerText(composer)).toContain('thanksXY for the note.');
  });

  test(`${c.name}: with no card open Tab is the site's own (to Send); a page's synthetic Tab moves nothing`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    await cl.waitForSpan(FLAGGED);
    await cl.hover(composer, 'Call me anytime');
    // A script on the page pressing Tab is not the user: focus stays in the editor.
    const moved = await composer.evaluate((el) => {
      const tab = new KeyboardEvent('keydown', { key: 'Tab', code: 'Tab', bubbles: true, cancelable: true, composed: true });
      el.dispatchEvent(tab);
      return tab.defaultPrevented;
    });
    expect(moved, 'a synthetic Tab was handled').toBe(false);
    expect(await cardFocus(page)).toBe('');
    await expect(composer).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(cl.card).toBeHidden();
    await page.keyboard.press('Tab');
    await expect(c.send(page)).toBeFocused();
  });
}

test('keyboard only: the indicator, reached by Tab and pressed with Enter, keeps focus, and the next Tab enters the list card', async ({ page, site }) => {
  const c = cases[0]!;
  const cl = await openSite(page, site, c);
  const composer = c.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  const indicator = page.getByRole('button', { name: /^Clearline: \d+ issues? in this draft/ });
  // Tab along the page until the indicator (our host comes last in the page's order).
  for (let i = 0; i < 40 && !(await indicator.evaluate((b) => b.matches(':focus'))); i++) await page.keyboard.press('Tab');
  await expect(indicator).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cl.card).toBeVisible();
  await expect(indicator).toBeFocused();
  // What a screen reader hears says how to go on from here (Enter would not apply anything).
  const live = cl.host.locator('[aria-live="polite"]');
  await expect(live).toContainText('Tab reaches its buttons');
  await expect(live).not.toContainText('Enter applies');
  await page.keyboard.press('Tab');
  expect(await cardFocus(page)).toMatch(/^Apply: /);
  await expect(hint(cl)).toContainText('Enter apply this one');
});

test('an editor that moves the caret to its end whenever it gets focus still gets the caret back where the user left it', async ({ page, site }) => {
  const c = cases[1]!;
  const cl = await openSite(page, site, c);
  const composer = c.composer(page);
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  // Some editors restore "their" selection (the end) on focus.
  await composer.evaluate((el) =>
    el.addEventListener('focus', () => {
      const r = document.createRange();
      r.selectNodeContents(el);
      r.collapse(false);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    }),
  );
  await caretAfter(composer, 'thanks');
  await cl.hover(composer, 'Call me anytime');
  await page.keyboard.press('Tab');
  await expect(cl.applyButtons().first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(composer).toBeFocused();
  await page.keyboard.type('X');
  await expect.poll(() => composerText(composer)).toContain('thanksX for the note.');
});
