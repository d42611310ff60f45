// Outlook variants rebuilt from the real-dom notes: #app[aria-hidden="true"] while a Fluent layer is
// open (role-based lookups fail there, so composers are found by CSS here), elementToProof lines with
// inline styles, #Signature holding the user's own words, history with x_ ids, the read pane and the
// recipient wells as decoys, and the popped-out compose window.
import { expect, test } from '../fixtures';
import { composerText } from '../pages/card';
import { DRAFT, FLAGGED, decoysSuite, flagAndAcceptSuite, missingStatementSuite, openSite, resetSettings, typeDraft, type SiteCase } from '../suites';

test.beforeEach(resetSettings);

const UNTOUCHED = ['#Signature', '#appendonsend', '#appendonsend ~ *'];

const appHidden: SiteCase = {
  name: 'Outlook reply under #app[aria-hidden]',
  url: 'https://outlook.office.com/mail/inbox/id/AAQkADc3',
  fixture: 'sites/outlook/app-hidden.html',
  composer: (page) => page.locator('#editorParent_1 > [contenteditable="true"]'),
  untouched: UNTOUCHED,
};

const popout: SiteCase = {
  name: 'Outlook pop-out compose',
  url: 'https://outlook.office.com/mail/deeplink/compose/AAQkADc3',
  fixture: 'sites/outlook/popout.html',
  composer: (page) => page.getByRole('textbox', { name: 'Message body', exact: true }),
  untouched: UNTOUCHED,
};

flagAndAcceptSuite(appHidden);
missingStatementSuite(appHidden);
decoysSuite(appHidden, (page) => [
  page.locator('[aria-label="To"]'),
  page.locator('[aria-label="Cc"]'),
  page.locator('input[aria-label="Add a subject"]'),
  page.locator('#UniqueMessageBody_1'),
]);
flagAndAcceptSuite(popout);
decoysSuite(popout, (page) => [
  page.getByRole('textbox', { name: 'To', exact: true }),
  page.getByRole('textbox', { name: 'Bcc' }),
  page.getByRole('textbox', { name: 'Subject' }),
]);

test('Outlook under #app[aria-hidden]: the app root stays hidden from assistive technology and the draft is still analysed', async ({ page, site }) => {
  const cl = await openSite(page, site, appHidden);
  await typeDraft(page, appHidden.composer(page));
  await cl.waitForSpan(FLAGGED);
  await expect(page.locator('#app')).toHaveAttribute('aria-hidden', 'true');
  // Exactly what Playwright users hit on the live site: the role lookup cannot see the composer.
  await expect(page.getByRole('textbox', { name: 'Message body, press Alt+F10 to exit' })).toHaveCount(0);
});

test('Outlook: #Signature with the user\'s own words and the x_ history are left out; lines keep their inline style', async ({ page, site }) => {
  const cl = await openSite(page, site, appHidden);
  const composer = appHidden.composer(page);
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  const [c] = await cl.composers();
  expect(c!.text).not.toContain('sorry again'); // inside #Signature
  expect(c!.text).not.toContain('24/7'); // x_x_x_Signature inside it
  expect(c!.text).not.toContain('extra pages'); // the x_ history
  expect(c!.findings.filter((f) => f.kind === 'span')).toHaveLength(1);
  const line = composer.locator('.elementToProof').first();
  const style = await line.getAttribute('style');
  await page.keyboard.press('Alt+Enter');
  await page.keyboard.press('Enter');
  await expect(line).toContainText(finding.suggestions[0]!);
  expect(await line.getAttribute('style')).toBe(style);
  expect(await composerText(composer)).toContain('Warm regards, and sorry again');
  expect((await composerText(composer)).startsWith(DRAFT.replace(finding.text, finding.suggestions[0]!))).toBe(true);
});
