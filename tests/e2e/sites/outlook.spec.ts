// Outlook on the web: a reply with the user's signature and the quoted history inside the body.
import { expect, test } from '../fixtures';
import { FLAGGED, concurrencySuite, emojiAndBoldSuite, decoysSuite, flagAndAcceptSuite, missingStatementSuite, openSite, undoOrderSuite, typeDraft, type SiteCase } from '../suites';

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
