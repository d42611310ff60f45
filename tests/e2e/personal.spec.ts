// Personal: a custom phrase's own message is what the card shows at its place, before a built-in one.
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options';
import { GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft } from './suites';

const gmail = GMAIL_NEW_MESSAGE;
const MESSAGE = 'Keep your private number out of client mail.';

test.beforeEach(resetSettings);

test('hovering a custom phrase shows its own message first, also where a built-in rule covers the sentence', async ({ page, site, ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.addCustomRule({ match: 'my personal number', pack: 'availability', message: MESSAGE });
  await options.page.close();
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, 'Text me on my personal number if anything comes up.');
  await cl.waitForSpan(/^my personal number$/);
  // A built-in finding covers the same words too.
  await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'span' && /personal number/.test(f.text)).length).toBeGreaterThan(1);
  await cl.hover(composer, 'personal number');
  await expect(cl.card.locator('.message')).toHaveText(MESSAGE);
  await page.keyboard.press('Escape');
  await composer.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card.locator('.message')).toHaveText(MESSAGE);
});
