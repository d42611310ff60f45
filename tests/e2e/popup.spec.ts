// Toolbar popup: state for the tab, the focused draft's findings, Apply and Insert through the page's own accept path, pause.
import { expect, test } from './fixtures';
import { composerText, markedWords } from './pages/card';
import { OptionsPage } from './pages/options';
import { PopupPage, tabIdOf } from './pages/popup';
import { FLAGGED, openSite, typeDraft, GMAIL_NEW_MESSAGE, resetSettings } from './suites';

// The extension APIs as seen inside page.evaluate / worker.evaluate (no @types/chrome here).
declare const chrome: any;

const gmail = GMAIL_NEW_MESSAGE;

test.beforeEach(resetSettings);

test('lists the focused draft’s findings, and Apply rewrites the draft in the page', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);

  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await expect(popup.state).toHaveText('On in Gmail');
  const item = popup.finding(finding.message);
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(markedWords(finding)); // the underlined words, as the card quotes them
  await item.getByRole('button', { name: `Apply: ${finding.suggestions[0]}` }).click();

  await expect(popup.page.getByRole('status').filter({ hasText: 'Rewrite applied' })).toBeVisible();
  await expect.poll(() => composerText(composer)).toContain(finding.suggestions[0]!);
  await expect.poll(() => composerText(composer)).not.toContain('Call me anytime if anything comes up');
  await expect(popup.finding(finding.message)).toHaveCount(0);
  await popup.page.close();
});

test('offers "Insert boundary statement" for a reply that grants late contact, and inserts it', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, 'Of course, feel free to text me at 11pm tonight if anything comes up.');
  const missing = await cl.waitForMissing();

  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  const insert = popup.page.getByRole('button', { name: /^Insert boundary statement/ }).first();
  await expect(insert).toBeVisible();
  await insert.click();
  await expect.poll(() => composerText(composer)).toContain(missing.suggestions[0]!.trim());
  await expect(popup.page.getByRole('status').filter({ hasText: 'Statement inserted.' })).toBeVisible();
  await popup.page.close();
});

test('pausing for an hour clears the draft’s findings; resuming brings them back', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page));
  await cl.waitForSpan(FLAGGED);

  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await popup.page.getByRole('button', { name: 'Pause 1 hour' }).click();
  await expect(popup.state).toHaveText(/^Paused until /);
  await expect(popup.findings).toHaveCount(0);
  await expect.poll(async () => (await cl.findings()).length).toBe(0);

  await popup.page.getByRole('button', { name: 'Resume now' }).click();
  await expect(popup.state).toHaveText('On in Gmail');
  await cl.waitForSpan(FLAGGED);
  await expect(popup.findings.first()).toBeVisible();
  await popup.page.close();
});

test('with Gmail switched off in settings, says so, and "Enable on this site" turns it back on', async ({ page, site, ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.page.getByRole('switch', { name: /^Gmail/ }).uncheck();
  await expect(options.status).toHaveText('Gmail off');
  await options.page.close();
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page));
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await expect(popup.state).toHaveText('Off in Gmail');
  await expect.poll(async () => (await cl.findings()).length).toBe(0);
  await popup.page.getByRole('button', { name: 'Enable on this site' }).click();
  await expect(popup.state).toHaveText('On in Gmail');
  await cl.waitForSpan(FLAGGED);
  await popup.page.close();
});
