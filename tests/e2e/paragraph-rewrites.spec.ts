// A finding whose sentence is a paragraph of its own (the demo's invitation) comes with "take it
// out", carrying the blank line before it (never "can't rewrite across a line break" when only the
// kept blank line crosses it), shows the removal in words, and applies and is undone by Ctrl+Z
// exactly; kisses on a line of their own go as that line's words.
import { expect, test } from './fixtures';
import { composerText } from './pages/card';
import { GMAIL_NEW_MESSAGE, openSite, resetSettings, type SiteCase } from './suites';

test.beforeEach(resetSettings);

const DEMO: SiteCase = { ...GMAIL_NEW_MESSAGE, name: 'Gmail demo draft', url: 'https://mail.google.com/mail/u/0/#inbox?compose=new', fixture: 'sites/gmail/demo.html' };

async function openInvitation(page: import('@playwright/test').Page, site: Parameters<typeof openSite>[1]) {
  const cl = await openSite(page, site, DEMO);
  const composer = DEMO.composer(page);
  await composer.click();
  await composer.press('Control+End');
  const finding = await cl.waitForSpan(/grab drinks/);
  expect(finding.text).toMatch(/^\n/);
  expect(finding.suggestions).toContain('');
  await cl.hover(composer, 'grab drinks');
  return { cl, composer, finding };
}

test('the invitation card offers "Take it out", enabled, with no line-break warning', async ({ page, site }) => {
  const { cl, finding } = await openInvitation(page, site);
  await expect(cl.card).not.toContainText('line break');
  const buttons = cl.applyButtons();
  await expect(buttons).toHaveCount(finding.suggestions.length);
  for (let i = 0; i < finding.suggestions.length; i++) await expect(buttons.nth(i)).toBeEnabled();
  const removal = buttons.nth(finding.suggestions.indexOf(''));
  await expect(removal).toHaveAccessibleName('Apply: Take it out');
  await expect(removal.locator('del')).toHaveText(finding.text.trim());
});

test('the writer\'s own invitation is offered only "Take it out", never a line declining an invitation', async ({ page, site }) => {
  const { cl, finding } = await openInvitation(page, site);
  expect(finding.suggestions).toEqual(['']);
  await expect(cl.applyButtons()).toHaveCount(1);
  await expect(cl.card).not.toContainText('invitation, but');
});

test('"Take it out" removes the invitation\'s words and leaves the rest of the draft', async ({ page, site }) => {
  const { cl, composer, finding } = await openInvitation(page, site);
  const before = await composerText(composer);
  await cl.applyButtons().nth(finding.suggestions.indexOf('')).click();
  await expect.poll(() => composerText(composer)).not.toContain('grab drinks');
  const after = await composerText(composer);
  expect(after.replace(/\n+/g, '\n')).toBe(before.replace(finding.text.trim(), '').replace(/\n+/g, '\n'));
  await composer.press('Control+z');
  await expect.poll(() => composerText(composer)).toBe(before);
});

test('the kisses on their own line under "Talk soon," come out with Enter; the sign-off stays and Ctrl+Z brings them back', async ({ page, site }) => {
  const cl = await openSite(page, site, DEMO);
  const composer = DEMO.composer(page);
  await composer.click();
  await composer.press('Control+End');
  const finding = await cl.waitForSpan(/xoxo/);
  expect(finding.suggestions).toEqual(['Talk soon,']);
  const before = await composerText(composer);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toContainText('xoxo');
  const keys = cl.card.getByTestId('card-keys');
  await expect(keys).toContainText('Enter');
  await expect(cl.host.locator('[aria-live="polite"]')).not.toContainText('line break');
  await page.keyboard.press('Enter');
  await expect.poll(() => composerText(composer)).not.toContain('xoxo');
  const after = await composerText(composer);
  expect(after).toContain('Talk soon,');
  expect(after.replace(/\n+/g, '\n')).toBe(before.replace('xoxo', '').replace(/\n+/g, '\n'));
  await composer.press('Control+z');
  await expect.poll(() => composerText(composer)).toBe(before);
});
