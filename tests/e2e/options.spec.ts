// Options page: every change reaches an open Gmail draft live (no reload); bad imports change nothing.
import { expect, launchWithExtension, test, type Page } from './fixtures';
import { Clearline, composerText } from './pages/card';
import { OptionsPage } from './pages/options';
import { DRAFT, FLAGGED, openSite, typeDraft, GMAIL_NEW_MESSAGE, resetSettings } from './suites';

// The extension APIs as seen inside page.evaluate / worker.evaluate (no @types/chrome here).
declare const chrome: any;

const gmail = GMAIL_NEW_MESSAGE;

/** A marker in the page's own window: it survives anything but a reload. */
async function markNoReload(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  return async () => expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

test.beforeEach(resetSettings);

async function storedSettings(page: Page): Promise<any> {
  return page.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
}

/** The preview follows the form at once; storage follows when the save lands. Wait for that. */
async function savedHours(page: Page, start: string, end: string): Promise<void> {
  await expect.poll(async () => {
    const p = (await storedSettings(page))?.policy;
    return p && `${p.workStart}-${p.workEnd}`;
  }).toBe(`${start}-${end}`);
}

test('turning a pack off stops it flagging in an open draft within a second, without reload; on again flags again', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page));
  await cl.waitForSpan(FLAGGED);
  const stillSamePage = await markNoReload(page);

  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.setPack('Availability', false);
  await expect.poll(async () => (await cl.findings()).filter((f) => f.pack === 'availability').length, { timeout: 1000 }).toBe(0);

  await options.setPack('Availability', true);
  await expect.poll(async () => (await cl.findings()).some((f) => FLAGGED.test(f.text)), { timeout: 1000 }).toBe(true);
  await stillSamePage();
  expect(await composerText(gmail.composer(page))).toContain(DRAFT);
  await options.page.close();
});

test('working hours decide whether "let\'s talk Saturday at 9pm" is flagged, and what the statement says', async ({ page, site, ext }) => {
  const SATURDAY = /Saturday at 9 ?pm/i;
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page), "Thanks Robin, let's talk Saturday at 9pm.");
  await cl.waitForSpan(SATURDAY);

  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await expect(options.statement).toContainText("I'm available Monday to Friday, 9 AM to 6 PM");

  await options.setWorkingDay('Saturday', true);
  await options.setHours('09:00', '22:00');
  await expect(options.statement).toContainText("I'm available Monday to Saturday, 9 AM to 10 PM");
  await expect.poll(async () => (await cl.findings()).some((f) => SATURDAY.test(f.text)), { timeout: 1000 }).toBe(false);

  // Back to a day that ends at 6 PM: 9pm is outside the hours again.
  await options.setHours('09:00', '18:00');
  await expect(options.statement).toContainText("I'm available Monday to Saturday, 9 AM to 6 PM");
  await cl.waitForSpan(SATURDAY);
  await options.page.close();
});

test('an end of day before its start is refused inline and not saved', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.setHours('09:00', '17:00');
  await savedHours(options.page, '09:00', '17:00');
  const before = await storedSettings(options.page);
  await options.page.getByLabel('End of working day').fill('08:00');
  const end = options.page.getByLabel('End of working day');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription('must be later than the start of the working day (09:00), got "08:00"');
  expect(await storedSettings(options.page)).toEqual(before);
  await options.page.close();
});

test('a custom phrase flags in the composer with its own message and suggestion', async ({ page, site, ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.addCustomRule({
    match: 'no worries at all',
    pack: 'personal',
    severity: 'Warning',
    message: 'Waves away a real cost to you.',
    suggestion: 'Thanks for flagging it',
  });
  await expect(options.page.getByRole('list', { name: 'Your custom rules' })).toContainText('“no worries at all”');

  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page), 'Hi Robin, no worries at all about the late change.');
  const finding = await cl.waitForSpan(/no worries at all/i);
  expect(finding).toMatchObject({ message: 'Waves away a real cost to you.', severity: 'warning' });
  // The engine matches the suggestion's capitals to the flagged words (mid-sentence here).
  expect(finding.suggestions.map((s) => s.toLowerCase())).toEqual(['thanks for flagging it']);
  await options.page.close();
});

test('a pattern the matcher cannot run is refused as it is typed, with the reason, and cannot be added', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  const before = await storedSettings(options.page);
  await options.fillCustomRule({ match: '(?<=not )available', pattern: true, message: 'Anything' });
  const field = options.customForm().getByLabel('Pattern', { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(options.page.getByTestId('custom-match-error')).toHaveText(/^pattern refused: not a valid pattern: lookbehind "\(\?<=…\)" is not supported/);
  await options.customForm().getByRole('button', { name: 'Add rule' }).click();
  await expect(field).toBeFocused();
  expect(await storedSettings(options.page)).toEqual(before);
  await options.page.close();
});

test('a bad import is refused with line or field, and settings stay exactly as they were', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.setHours('08:00', '16:00');
  await expect(options.statement).toContainText('8 AM to 4 PM');
  await savedHours(options.page, '08:00', '16:00');
  const before = await storedSettings(options.page);

  await options.importText('broken.json', '{\n  "format": "clearline-settings",\n  "settings": {\n    "version": 2,,\n  }\n}');
  await expect(options.importErrors).toContainText('Nothing was changed.');
  await expect(options.importErrors).toContainText(/line 4, column 18: /);
  expect(await storedSettings(options.page)).toEqual(before);

  const wrong = structuredClone(before) as { policy: { workStart: string; workDays: number[] } };
  wrong.policy.workStart = '25:00';
  wrong.policy.workDays = [1, 9];
  await options.importText('wrong.json', JSON.stringify({ format: 'clearline-settings', settings: wrong }, null, 2));
  await expect(options.importErrors).toContainText('2 problems');
  await expect(options.importErrors).toContainText('settings.policy.workDays[1]: expected a day number 0–6 (0 = Sunday), got number 9');
  await expect(options.importErrors).toContainText('settings.policy.workStart: expected "HH:MM" (24-hour), got "25:00"');
  expect(await storedSettings(options.page)).toEqual(before);
  await expect(options.statement).toContainText('8 AM to 4 PM');
  await expect(options.page.getByLabel('Start of working day')).toHaveValue('08:00');

  // A good file is taken whole.
  const good = structuredClone(before) as { policy: { workStart: string } };
  good.policy.workStart = '10:00';
  await options.importText('good.json', JSON.stringify({ format: 'clearline-settings', settings: good }));
  await expect(options.page.getByRole('status').filter({ hasText: 'Imported settings from good.json.' })).toBeVisible();
  await expect(options.importErrors).toHaveCount(0);
  await expect(options.statement).toContainText('10 AM to 4 PM');
  await options.page.close();
});

test('reset asks first; cancelling keeps settings, confirming restores the defaults', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.setHours('07:00', '15:00');
  await expect(options.statement).toContainText('7 AM to 3 PM');
  await options.page.getByRole('button', { name: 'Reset to defaults…' }).click();
  const dialog = options.page.getByRole('dialog', { name: 'Reset all settings?' });
  await expect(dialog).toBeVisible();
  await options.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(options.statement).toContainText('7 AM to 3 PM');

  await options.page.getByRole('button', { name: 'Reset to defaults…' }).click();
  await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(options.statement).toContainText('Monday to Friday, 9 AM to 6 PM');
  await expect(options.page.getByLabel('Start of working day')).toHaveValue('09:00');
  await options.page.close();
});

test('the options page is operable from the keyboard: Tab to a pack switch, Space turns it off', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  const sw = options.packSwitch('Availability');
  await expect(sw).toBeChecked();
  await options.page.getByLabel('I work as').focus();
  for (let i = 0; i < 10 && !(await sw.evaluate((el) => el === document.activeElement)); i++) await options.page.keyboard.press('Tab');
  await expect(sw).toBeFocused();
  await options.page.keyboard.press('Space');
  await expect(sw).not.toBeChecked();
  await expect(options.status).toHaveText('Availability off');
  await options.page.keyboard.press('Space');
  await expect(sw).toBeChecked();
  await options.page.close();
});

test('the profession preset decides the default packs: a clinician gets Confidentiality, and the draft is checked for it', async ({ page, site, ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await expect(options.packSwitch('Confidentiality')).not.toBeChecked();
  await options.page.getByLabel('I work as').selectOption({ label: 'Therapist, counsellor or social worker' });
  await expect(options.status).toHaveText('Profession set to Therapist, counsellor or social worker');
  await expect(options.packSwitch('Confidentiality')).toBeChecked();

  // An explicit switch overrides the preset until the profession is chosen again.
  await options.setPack('Scope', true);
  await options.page.getByLabel('I work as').selectOption({ label: 'General' });
  await expect(options.packSwitch('Confidentiality')).not.toBeChecked();
  await expect(options.packSwitch('Scope')).toBeChecked();
  await options.page.close();
});

test('adding a site refuses what is not a web address or is already built in, naming why', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  const input = options.page.getByLabel('Add a site');
  const add = options.page.getByRole('button', { name: 'Add this site' });
  await input.fill('not a site');
  await add.click();
  await expect(options.page.getByRole('alert')).toHaveText('“not a site” is not a web address. Enter something like app.example.com.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('mail.google.com');
  await add.click();
  await expect(options.page.getByRole('alert')).toHaveText('Gmail is built in; use its switch above.');
  await options.page.close();
});

test('a custom phrase in a pack that is off says it will not flag until the pack is on', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.fillCustomRule({ match: 'between us', pack: 'confidentiality', message: 'Promises secrecy.' });
  await expect(options.page.getByTestId('custom-pack-off')).toHaveText('Confidentiality is off, so this phrase will not flag until you turn the pack on.');
  await options.setPack('Confidentiality', true);
  await expect(options.page.getByTestId('custom-pack-off')).toHaveCount(0);
  await options.page.close();
});

test('a rule switched off or given another severity changes the open draft live', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page), "Call me anytime. Or let's talk Saturday at 9pm.");
  await cl.waitForSpan(FLAGGED);
  await cl.waitForSpan(/Saturday at 9 ?pm/i);

  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.page.getByRole('button', { name: 'Show rules of Availability' }).click();
  const rules = options.page.getByRole('list', { name: 'Rules in Availability' });
  await rules.getByRole('switch', { name: 'Any time', exact: true }).uncheck();
  await expect(options.page.locator('[data-pack="availability"] .pack-count')).toHaveText(/^\d+ rules, 1 off$/);
  await expect.poll(async () => (await cl.findings()).some((f) => f.rule === 'any-time'), { timeout: 1000 }).toBe(false);

  await rules.getByRole('combobox', { name: 'Severity of “After-hours offer”' }).selectOption('alert');
  await expect
    .poll(async () => (await cl.findings()).find((f) => f.rule === 'after-hours-offer')?.severity, { timeout: 1000 })
    .toBe('alert');
  await options.page.close();
});

test('an exported settings file imports back exactly, undoing later changes', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.setHours('08:30', '16:30');
  await options.addCustomRule({ match: 'my treat', pack: 'personal', message: 'Offers to pay for a social outing.' });
  const exported = options.page.waitForEvent('download');
  await options.page.getByRole('button', { name: 'Export settings' }).click();
  const download = await exported;
  expect(download.suggestedFilename()).toMatch(/^clearline-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p!, 'utf8')));
  const saved = await storedSettings(options.page);
  expect(saved.policy.workStart).toBe('08:30');

  await options.setHours('10:00', '12:00');
  await options.page.getByRole('button', { name: 'Delete custom rule my treat' }).click();
  await expect(options.statement).toContainText('10 AM to 12 PM');

  await options.importText('exported.json', file);
  await expect(options.page.getByRole('status').filter({ hasText: 'Imported settings from exported.json.' })).toBeVisible();
  await expect(options.statement).toContainText('8:30 AM to 4:30 PM');
  await expect(options.page.getByRole('list', { name: 'Your custom rules' })).toContainText('“my treat”');
  expect(await storedSettings(options.page)).toEqual(saved);
  await options.page.close();
});

test('"Try a sentence" shows what the engine flags with the current settings, and follows changes', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.page.getByLabel('Sentence to check').fill("Sure, let's talk Saturday at 9pm.");
  const result = options.page.getByTestId('try-result');
  const afterHours = result.locator('[data-clearline-rule="availability/after-hours-offer"]');
  await expect(afterHours).toHaveCount(1);
  await expect(afterHours).toContainText('Saturday at 9pm');

  await options.setWorkingDay('Saturday', true);
  await options.setHours('09:00', '22:00');
  await expect(afterHours).toHaveCount(0);
  await options.page.close();
});

test('a custom pattern flags in the composer', async ({ page, site, ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.addCustomRule({ match: 'quick favou?r', pattern: true, pack: 'scope', severity: 'Alert', message: 'Frames extra work as a small favour.' });
  await expect(options.page.getByRole('list', { name: 'Your custom rules' })).toContainText('/quick favou?r/');

  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page), 'Could you do me a quick favor and tweak the logo?');
  const finding = await cl.waitForSpan(/quick favor/i);
  expect(finding).toMatchObject({ message: 'Frames extra work as a small favour.', severity: 'alert', pack: 'scope' });
  await options.page.close();
});

test('with no clock chosen, a browser in British English reads 24-hour times in the options preview and in rewrites', async () => {
  const { context, worker } = await launchWithExtension(undefined, 'en-GB');
  try {
    expect(await worker.evaluate(() => navigator.language)).toBe('en-GB');
    const options = await OptionsPage.open(context, new URL(worker.url()).host);
    const page = options.page;
    expect((await storedSettings(page))?.policy?.clock).toBeUndefined();
    await expect(page.getByRole('radio', { name: '16:30' })).toBeChecked();
    await expect(options.statement).toContainText('9:00 to 18:00');
    await expect(options.statement).not.toContainText(/\b(?:AM|PM)\b/);
    // The background's analysis (the same one a draft gets) writes the new time the same way.
    await page.getByRole('textbox', { name: 'Sentence to check' }).fill('Sure, call me anytime, even at midnight.');
    const result = page.getByTestId('try-result');
    await expect(result).toContainText('18:00');
    await expect(result).not.toContainText(/\b\d{1,2}(?::\d{2})? ?(?:AM|PM)\b/);
  } finally {
    await context.close();
  }
});
