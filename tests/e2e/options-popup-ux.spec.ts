// Options page and popup as a keyboard and pointer user meets them: 24 px targets, plain rule names,
// a save note beside the change, and the popup's total, site switch, Ignore, Show in draft, Undo and focus.
import { expect, test } from './fixtures';
import { composerText, markedWords } from './pages/card';
import { smallTargets } from './pages/a11y';
import { OptionsPage, toggleAllPacks } from './pages/options';
import { PopupPage, tabIdOf } from './pages/popup';
import { DRAFT, FLAGGED, GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft } from './suites';

// The extension APIs as seen inside page.evaluate / worker.evaluate (no @types/chrome here).
declare const chrome: any;

const gmail = GMAIL_NEW_MESSAGE;
const RULE_ID = /\b[a-z]+\/[a-z0-9]+(-[a-z0-9]+)+\b/;

test.beforeEach(resetSettings);

test('the card’s Close, pager, Ignore, Turn off and the + marker are at least 24 px targets', async ({ page, site }) => {
  const cl = await openSite(page, site, gmail);
  // Late contact and free extra work, no hours or scope: two missing statements, paged in one card.
  await typeDraft(page, gmail.composer(page), 'Sure, feel free to text me at 11pm tonight. I will throw in the logo for free. Thanks again for the brief.');
  await expect.poll(async () => (await cl.findings()).filter((f) => f.kind === 'missing').length).toBeGreaterThan(1);
  const marker = page.getByRole('button', { name: 'Clearline: add your boundary statement' });
  const targets = [
    marker,
    cl.card.getByRole('button', { name: 'Close' }),
    cl.card.getByRole('button', { name: 'Previous issue' }),
    cl.card.getByRole('button', { name: 'Next issue' }),
    cl.card.getByRole('button', { name: 'Ignore' }),
    cl.card.getByRole('button', { name: 'Turn off this rule' }),
  ];
  await cl.openMarker();
  // Also in a phone-narrow window (and at 400 % zoom), where the card's head has the least room.
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    for (const t of targets) {
      const box = (await t.boundingBox())!;
      expect(Math.min(box.width, box.height), `size of ${t} at ${width} px`).toBeGreaterThanOrEqual(24);
    }
    expect(await smallTargets(page, 'clearline-root'), `small targets in the card at ${width} px`).toEqual([]);
  }
});

test('every control on the options page, the welcome page and the popup is at least a 24 px target, also at 320 px', async ({ page, site, ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await toggleAllPacks(options.page, 'Show');
  const welcome = await ext.context.newPage();
  await welcome.goto(`chrome-extension://${ext.extensionId}/welcome.html`);
  await expect(welcome.getByRole('heading', { name: 'Welcome to Clearline' })).toBeVisible();
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page));
  await cl.waitForSpan(FLAGGED);
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await expect(popup.findings.first()).toBeVisible();
  for (const [name, p] of [['options', options.page], ['welcome', welcome], ['popup', popup.page]] as const) {
    for (const width of [1280, 320]) {
      await p.setViewportSize({ width, height: 800 });
      expect(await smallTargets(p), `small targets on the ${name} page at ${width} px`).toEqual([]);
    }
    await p.close();
  }
});

test('rules are named in plain words: no rule ids in labels or in what the page says after a change', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await toggleAllPacks(options.page, 'Show');
  expect(await options.page.locator('#packs').innerText()).not.toMatch(RULE_ID);
  const rules = options.page.getByRole('list', { name: 'Rules in Availability' });
  const first = rules.getByRole('switch').first();
  await expect(first).toHaveAccessibleName(/^[A-Z][a-z ,'’-]+$/);
  const name = (await first.evaluate((el) => (el as HTMLInputElement).labels![0]!.textContent!.trim()))!;
  await first.uncheck();
  await expect(options.status).toHaveText(`${name}: off`);
  await rules.getByRole('combobox').first().selectOption('alert');
  await expect(options.status).toHaveText(`${name}: Alert`);
  expect(await options.status.textContent()).not.toMatch(RULE_ID);
  await options.page.close();
});

test('the save note appears beside the change, even far down the page', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.page.setViewportSize({ width: 1000, height: 600 });
  await options.page.getByRole('button', { name: 'Show rules of Tone' }).click();
  const sw = options.page.getByRole('list', { name: 'Rules in Tone' }).getByRole('switch').last();
  await sw.scrollIntoViewIfNeeded();
  await sw.uncheck();
  await expect(options.status).toHaveText(/: off$/);
  await expect(options.status).toBeInViewport();
  const a = (await options.status.boundingBox())!;
  const b = (await sw.boundingBox())!;
  expect(Math.abs(a.y - b.y), 'vertical distance between the note and the switch').toBeLessThan(60);
  await options.page.close();
});

test('popup: the total, and a switch that turns Clearline off on this site while it is on', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page), 'Call me anytime. Or text me at 11pm, whatever suits.');
  await cl.waitForSpan(/11 ?pm/i);
  const count = (await cl.findings()).length;
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await expect(popup.findings).toHaveCount(count);
  await expect(popup.page.getByTestId('popup-total')).toHaveText(new RegExp(`^${count} issues in this draft`));
  const sw = popup.page.getByRole('switch', { name: 'Clearline on Gmail' });
  await expect(sw).toBeChecked();
  // The switch gives way to "Enable on this site" once the site is off.
  await sw.focus();
  await popup.page.keyboard.press('Space');
  await expect(popup.state).toHaveText('Off in Gmail');
  // Keyboard focus moves to the button that takes the switch's place, not to the body.
  await expect(popup.page.getByRole('button', { name: 'Enable on this site' })).toBeFocused();
  await expect.poll(async () => (await cl.findings()).length).toBe(0);
  await popup.page.getByRole('button', { name: 'Enable on this site' }).click();
  await expect(popup.state).toHaveText('On in Gmail');
  await cl.waitForSpan(FLAGGED);
  await popup.page.close();
});

test('popup: Ignore hides the finding in the draft, and Undo brings it back', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page));
  const finding = await cl.waitForSpan(FLAGGED);
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await popup.finding(finding.message).getByRole('button', { name: /^Ignore/ }).click();
  await cl.expectNoSpan(FLAGGED);
  await expect(popup.finding(finding.message)).toHaveCount(0);
  await popup.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await cl.waitForSpan(FLAGGED);
  await expect(popup.finding(finding.message)).toHaveCount(1);
  await popup.page.close();
});

test('popup: Turn off this rule stops it, and Undo turns it back on', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page));
  const finding = await cl.waitForSpan(FLAGGED);
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await popup.finding(finding.message).getByRole('button', { name: /^Turn off this rule/ }).click();
  await cl.expectNoSpan(FLAGGED);
  const rule = () =>
    ext.worker.evaluate(async (id) => (await chrome.storage.local.get('settings')).settings.rules[id] ?? null, `${finding.pack}/${finding.rule}`);
  expect(await rule()).toEqual({ enabled: false });
  await popup.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(rule).toBeNull();
  await cl.waitForSpan(FLAGGED);
  await popup.page.close();
});

test('popup: Show in draft scrolls to the words and selects them', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  // Gmail's message body scrolls inside the compose window once the reply is long.
  await composer.evaluate((el) => Object.assign((el as HTMLElement).style, { maxHeight: '180px', overflowY: 'auto' }));
  await typeDraft(page, composer);
  // Push the flagged words out of view below a long reply.
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 60; i++) await page.keyboard.press('Enter');
  await page.keyboard.type('Best, Sam');
  const finding = await cl.waitForSpan(FLAGGED);
  await page.evaluate(() => getSelection()!.removeAllRanges());
  const words = page.getByText(DRAFT, { exact: false }).last();
  await expect(words).not.toBeInViewport();
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  // The popup quotes the underlined words, as the card does, not the whole sentence; Show in draft
  // selects those words.
  const underlined = markedWords(finding);
  expect(underlined.length).toBeLessThan(finding.text.length);
  await expect(popup.finding(finding.message).locator('blockquote')).toHaveText(underlined);
  await popup.finding(finding.message).getByRole('button', { name: /^Show in draft/ }).click();
  await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe(underlined);
  await page.bringToFront(); // as when the popup closes
  await expect(words).toBeInViewport();
  expect(await composerText(composer)).toContain(DRAFT);
  await popup.page.close();
});

test('popup: after Apply by keyboard, focus stays in the popup on the next finding', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page), 'Call me anytime. Or text me at 11pm, whatever suits.');
  await cl.waitForSpan(/11 ?pm/i);
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  const apply = popup.findings.first().getByRole('button', { name: /^Apply/ }).first();
  await apply.focus();
  await popup.page.keyboard.press('Enter');
  await expect(popup.page.getByRole('status').filter({ hasText: 'Rewrite applied' })).toBeVisible();
  await expect
    .poll(() => popup.page.evaluate(() => !!document.activeElement && document.activeElement !== document.body && !!document.activeElement.closest('main')))
    .toBe(true);
  // The next Enter acts on what has focus, not on nothing.
  const focused = await popup.page.evaluate(() => document.activeElement!.textContent);
  expect(focused).toBeTruthy();
  await popup.page.close();
});

// The page re-analyses a moment after an Apply or a rule turned off; the popup's next poll then
// removes the finding's item. Focus must not fall to the body when that item goes.
for (const action of ['Apply', 'Turn off this rule'] as const) {
  test(`popup: focus stays on a finding after ${action} removes its item from the list`, async ({ page, site, ext }) => {
    const cl = await openSite(page, site, gmail);
    await typeDraft(page, gmail.composer(page), `${DRAFT} Love you loads xx`);
    const finding = await cl.waitForSpan(FLAGGED);
    const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
    await expect.poll(() => popup.findings.count()).toBeGreaterThan(1);
    const item = popup.finding(finding.message);
    const button = item.getByRole('button', { name: action === 'Apply' ? /^Apply/ : /^Turn off this rule/ }).first();
    await button.focus();
    await popup.page.keyboard.press('Enter');
    await expect(item).toHaveCount(0);
    await expect
      .poll(() => popup.page.evaluate(() => !!document.activeElement?.closest('li.cl-finding, .popup-message')))
      .toBe(true);
    await popup.page.close();
  });
}
