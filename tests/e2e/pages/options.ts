// Page object for the options page: intent-named actions over labelled controls, as a keyboard or mouse user finds them.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

export class OptionsPage {
  readonly statement: Locator;
  readonly importErrors: Locator;
  readonly status: Locator;

  private constructor(readonly page: Page) {
    this.statement = page.getByTestId('statement-preview');
    this.importErrors = page.getByTestId('import-errors');
    this.status = page.getByTestId('save-status');
  }

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByRole('heading', { name: 'Clearline settings' })).toBeVisible();
    return new OptionsPage(page);
  }

  packSwitch(name: string): Locator {
    return this.page.getByRole('switch', { name, exact: true });
  }

  async setPack(name: string, on: boolean): Promise<void> {
    const sw = this.packSwitch(name);
    if ((await sw.isChecked()) !== on) await sw.click();
    await expect(sw).toBeChecked({ checked: on });
    await expect(this.status).toHaveText(`${name} ${on ? 'on' : 'off'}`);
  }

  async setWorkingDay(day: string, on: boolean): Promise<void> {
    const box = this.page.getByRole('group', { name: 'Working days' }).getByRole('checkbox', { name: day });
    await box.setChecked(on);
  }

  async setHours(start: string, end: string): Promise<void> {
    await this.page.getByLabel('Start of working day').fill(start);
    await this.page.getByLabel('End of working day').fill(end);
  }

  customForm(): Locator {
    return this.page.getByRole('form', { name: 'Add a custom rule' });
  }

  async fillCustomRule(rule: { match: string; pattern?: boolean; pack?: string; severity?: string; message?: string; suggestion?: string }): Promise<void> {
    const form = this.customForm();
    if (rule.pattern) await form.getByLabel('Treat as a pattern').check();
    await form.getByLabel(rule.pattern ? 'Pattern' : 'Phrase', { exact: true }).fill(rule.match);
    if (rule.pack) await form.getByLabel('Pack').selectOption(rule.pack); // pack id
    if (rule.severity) await form.getByLabel('Severity').selectOption({ label: rule.severity });
    if (rule.message !== undefined) await form.getByLabel('Message shown with the flag').fill(rule.message);
    if (rule.suggestion !== undefined) await form.getByLabel('Suggested rewrite (optional)').fill(rule.suggestion);
  }

  async addCustomRule(rule: Parameters<OptionsPage['fillCustomRule']>[0]): Promise<void> {
    await this.fillCustomRule(rule);
    await this.customForm().getByRole('button', { name: 'Add rule' }).click();
    await expect(this.status).toHaveText(`Custom rule added: “${rule.match}”`);
  }

  async importText(name: string, text: string): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}

/** Press every pack's "Show rules" (or "Hide rules") button. */
export async function toggleAllPacks(page: Page, which: 'Show' | 'Hide'): Promise<void> {
  const buttons = page.getByRole('button', { name: new RegExp(`^${which} rules of `) });
  while (await buttons.count()) await buttons.first().click();
}
