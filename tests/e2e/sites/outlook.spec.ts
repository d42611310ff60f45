// Outlook on the web: a reply with the user's signature and the quoted history inside the body.
import { expect, test } from '../fixtures';
import { Clearline, composerText } from '../pages/card';
import { DRAFT, FLAGGED, gotoSite, concurrencySuite, emojiAndBoldSuite, decoysSuite, flagAndAcceptSuite, missingStatementSuite, openSite, undoOrderSuite, typeDraft, resetSettings, type SiteCase } from '../suites';

test.beforeEach(resetSettings);

const reply: SiteCase = {
  name: 'Outlook reply',
  url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2',
  fixture: 'sites/outlook/reply.html',
  composer: (page) => page.getByRole('textbox', { name: 'Message body, press Alt+F10 to exit' }),
  untouched: ['#Signature', '#appendonsend', '#appendonsend ~ *'],
};

flagAndAcceptSuite(reply);
concurrencySuite(reply);
missingStatementSuite(reply);
undoOrderSuite(reply);
emojiAndBoldSuite(reply);
decoysSuite(reply, (page) => [
  page.getByRole('textbox', { name: 'To', exact: true }),
  page.getByRole('textbox', { name: 'Add a subject' }),
  page.getByRole('textbox', { name: 'Suggested reply' }),
]);

test('Outlook: the signature and the reply history are never analysed', async ({ page, site }) => {
  const cl = await openSite(page, site, reply);
  await typeDraft(page, reply.composer(page));
  await cl.waitForSpan(FLAGGED);
  const [composer] = await cl.composers();
  expect(composer!.text).not.toContain('24/7');
  expect(composer!.text).not.toContain('Robin Chen');
  expect(composer!.text).not.toContain('extra pages');
  expect(composer!.findings.filter((f) => f.kind === 'span')).toHaveLength(1);
});

test('Outlook: a composer inside a same-origin iframe is flagged and rewritten there', async ({ page, site }) => {
  await site.serve('https://outlook.office.com/mail/compose-frame-inner', 'sites/outlook/compose-frame-inner.html');
  await site.serve('https://outlook.office.com/mail/compose', 'sites/outlook/compose-frame.html');
  await gotoSite(page, 'https://outlook.office.com/mail/compose');
  const frame = page.frameLocator('iframe[title="Compose"]');
  const cl = new Clearline(page, frame);
  await cl.ready();
  const composer = frame.getByRole('textbox', { name: 'Message body' });
  await composer.click();
  await composer.press('Control+Home');
  await page.keyboard.type(DRAFT);
  await expect.poll(async () => (await cl.composers())[0]?.text.includes(DRAFT)).toBe(true);
  const finding = await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
  // The outer page has no composer of its own, and the frame found exactly one.
  expect(await new Clearline(page).composers()).toEqual([]);
  expect(await cl.composers()).toHaveLength(1);
  await composer.press('Control+z');
  await expect.poll(() => composerText(composer)).toBe(before);
});
