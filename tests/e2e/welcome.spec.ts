// First run: the welcome page opens on install, can be skipped, and sets hours, zone by city, clock and
// urgent path so that rewrites read as clients will see them. The options page's zone field takes a city too.
import { expect, launchWithExtension, test } from './fixtures';
import { Clearline } from './pages/card';
import { OptionsPage } from './pages/options';
import { GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft } from './suites';

// The extension APIs as seen inside page.evaluate / worker.evaluate (no @types/chrome here).
declare const chrome: any;

test.beforeEach(resetSettings);

const stored = (worker: import('@playwright/test').Worker) => worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);

async function openWelcome(context: import('@playwright/test').BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/welcome.html`);
  await expect(page.getByRole('heading', { name: 'Welcome to Clearline', level: 1 })).toBeVisible();
  return page;
}

test('a fresh install opens the welcome page, which explains Alt+Enter and pinning the icon', async () => {
  const fresh = await launchWithExtension();
  try {
    const welcome = fresh.context.pages().find((p) => p.url().endsWith('/welcome.html'));
    expect(welcome, 'a welcome tab after install').toBeTruthy();
    await expect(welcome!.getByRole('heading', { name: 'Welcome to Clearline' })).toBeVisible();
    await expect(welcome!.getByRole('region', { name: 'Use it from the keyboard' })).toContainText('Alt+Enter');
    await expect(welcome!.getByRole('region', { name: 'Pin the icon' })).toContainText(/pin/i);
  } finally {
    await fresh.context.close();
  }
});

test('Skip changes nothing and says where the settings are', async ({ ext }) => {
  const before = await stored(ext.worker);
  const page = await openWelcome(ext.context, ext.extensionId);
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await expect(page.getByRole('status')).toContainText('Nothing was changed');
  expect(await stored(ext.worker)).toEqual(before);
  await page.close();
});

test('a clinician’s urgent path points to emergency help, never to an URGENT email', async ({ ext }) => {
  const page = await openWelcome(ext.context, ext.extensionId);
  await page.getByLabel('I work as').selectOption({ label: 'Therapist, counsellor or social worker' });
  const urgent = page.getByLabel(/clients should/);
  await expect(urgent).toHaveValue(/emergency|crisis/i);
  await expect(page.getByTestId('welcome-statement')).not.toContainText('URGENT');
  await page.close();

  // Choosing the profession on the options page does the same.
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.page.getByLabel('I work as').selectOption('clinician');
  await expect(options.statement).toContainText(/emergency|crisis/i);
  await expect(options.statement).not.toContainText('URGENT');
  await options.page.close();
});

test('days, hours, a city and the 24-hour clock: rewrites read “(Tuesday to Friday, 8:30 to 16:30 UK time)”', async ({ page, site, ext }) => {
  const welcome = await openWelcome(ext.context, ext.extensionId);
  for (const [day, on] of [['Monday', false], ['Tuesday', true], ['Friday', true]] as const) {
    await welcome.getByRole('group', { name: 'Working days' }).getByRole('checkbox', { name: day }).setChecked(on);
  }
  await welcome.getByLabel('Start of working day').fill('08:30');
  await welcome.getByLabel('End of working day').fill('16:30');
  const zone = welcome.getByLabel(/^Time zone/);
  await zone.fill('');
  // Typing a city letter by letter is never an error on the way.
  for (const ch of 'London') {
    await zone.press(ch === ch.toUpperCase() ? `Shift+${ch}` : ch);
    await expect(zone).not.toHaveAttribute('aria-invalid', 'true');
    await expect(welcome.locator('.cl-error')).toHaveCount(0);
  }
  await expect(welcome.getByText('Clients read: UK time')).toBeVisible();
  await welcome.getByRole('radio', { name: '16:30' }).check();
  await expect(welcome.getByTestId('welcome-statement')).toContainText('Tuesday to Friday, 8:30 to 16:30 UK time');
  await welcome.getByRole('button', { name: 'Save' }).click();
  await expect(welcome.getByRole('status')).toContainText('Saved');
  const policy = (await stored(ext.worker)).policy;
  expect(policy).toMatchObject({ workDays: [2, 3, 4, 5], workStart: '08:30', workEnd: '16:30', timeZone: 'Europe/London', clock: '24h' });
  await welcome.close();

  const cl: Clearline = await openSite(page, site, GMAIL_NEW_MESSAGE);
  await typeDraft(page, GMAIL_NEW_MESSAGE.composer(page), 'Stop calling me, it is ridiculous.');
  const finding = await cl.waitForSpan(/Stop calling me/);
  const all = finding.suggestions.join('\n');
  expect(all).toContain('(Tuesday to Friday, 8:30 to 16:30 UK time)');
  expect(all).not.toMatch(/\([^)]*\(|Europe\/|\bAM\b|\bPM\b/);
});

test('the options page’s time zone takes a city, waits while it is typed, and explains one it cannot find', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  const zone = options.page.getByLabel(/^Time zone/);
  await zone.fill('');
  await zone.pressSequentially('Lond');
  await expect(zone).not.toHaveAttribute('aria-invalid', 'true');
  await zone.pressSequentially('on');
  await expect.poll(async () => (await stored(ext.worker))?.policy?.timeZone).toBe('Europe/London');
  await expect(options.statement).toContainText('UK time');
  await expect(options.statement).not.toContainText('Europe/London');
  await zone.fill('Atlantis');
  await zone.blur();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(options.page.getByText('No time zone found for “Atlantis”')).toBeVisible();
  expect((await stored(ext.worker))?.policy?.timeZone).toBe('Europe/London');
  await options.page.close();
});

test('the time zone takes the cities and countries people type that are not zone names', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  const zone = options.page.getByLabel(/^Time zone/);
  for (const [typed, id, name] of [
    ['Manchester', 'Europe/London', 'UK time'],
    ['San Francisco', 'America/Los_Angeles', 'Pacific time'],
    ['Mumbai', 'Asia/Kolkata', 'India'],
    ['UK', 'Europe/London', 'UK time'],
  ] as const) {
    await zone.fill('');
    await zone.pressSequentially(typed);
    await zone.blur();
    await expect(zone, typed).not.toHaveAttribute('aria-invalid', 'true');
    await expect.poll(async () => (await stored(ext.worker))?.policy?.timeZone, typed).toBe(id);
    await expect(options.statement, typed).toContainText(name);
    // What the field shows once saved ("Kolkata · India time" for Mumbai) is accepted when the user passes through it again.
    await zone.focus();
    await zone.blur();
    await expect(zone, `${typed}, again`).not.toHaveAttribute('aria-invalid', 'true');
  }
});
