// A finding whose sentence is a paragraph of its own (the demo's invitation) comes with rewrites
// that carry the blank line before it, and with "take it out": the card offers both (never "can't
// rewrite across a line break" when only the kept blank line crosses it), shows the removal in words,
// and each applies and is undone by Ctrl+Z exactly.
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

test('the invitation card offers its rewrite and "Take it out", both enabled, with no line-break warning', async ({ page, site }) => {
  const { cl, finding } = await openInvitation(page, site);
  await expect(cl.card).not.toContainText('line break');
  const buttons = cl.applyButtons();
  await expect(buttons).toHaveCount(finding.suggestions.length);
  for (let i = 0; i < finding.suggestions.length; i++) await expect(buttons.nth(i)).toBeEnabled();
  const removal = buttons.nth(finding.suggestions.indexOf(''));
  await expect(removal).toHaveAccessibleName('Apply: Take it out');
  await expect(removal.locator('del')).toHaveText(finding.text.trim());
});

test('the invitation rewritten keeps the blank lines; Ctrl+Z brings the words back exactly', async ({ page, site }) => {
  const { cl, composer, finding } = await openInvitation(page, site);
  const before = await composerText(composer);
  const i = finding.suggestions.findIndex((s) => s.trim());
  await cl.applyButtons().nth(i).click();
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text.trim(), finding.suggestions[i]!.trim()));
  await composer.press('Control+z');
  await expect.poll(() => composerText(composer)).toBe(before);
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

test('a keyboard card whose only rewrite would join two lines offers no Enter, and says why', async ({ page, site }) => {
  const cl = await openSite(page, site, DEMO);
  const composer = DEMO.composer(page);
  await composer.click();
  await composer.press('Control+End');
  await cl.waitForSpan(/xoxo/);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toContainText('xoxo');
  const keys = cl.card.getByTestId('card-keys');
  await expect(keys).toContainText('Alt+I');
  await expect(keys).not.toContainText('Enter');
  await expect(cl.host.locator('[aria-live="polite"]')).toContainText('line break');
  // Enter is then a new line in the draft, as ever (the card steps aside).
  const before = await composerText(composer);
  await page.keyboard.press('Enter');
  await expect(cl.card).toBeHidden();
  await page.keyboard.type('PS');
  await expect.poll(() => composerText(composer)).toMatch(/\nPS\s*$/);
  expect((await composerText(composer)).replace(/\s*PS\s*$/, '')).toBe(before.trimEnd());
});
