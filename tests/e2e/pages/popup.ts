// Page object for the toolbar popup, opened as a page aimed at one tab through its ?tab=<id> test hook.
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { expect } from '../fixtures';

// The extension APIs as seen inside page.evaluate / worker.evaluate (no @types/chrome here).
declare const chrome: any;

/** The browser's id for the tab showing `page` (asked of the extension's service worker). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t: { url?: string; id?: number }) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

export class PopupPage {
  readonly state: Locator;
  readonly findings: Locator;

  private constructor(readonly page: Page) {
    this.state = page.getByTestId('popup-state');
    this.findings = page.getByRole('list', { name: 'Findings' }).locator(':scope > li');
  }

  static async open(context: BrowserContext, extensionId: string, tabId: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    const popup = new PopupPage(page);
    await expect(popup.state).toBeVisible();
    return popup;
  }

  finding(message: string | RegExp): Locator {
    return this.findings.filter({ hasText: message });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.state).toBeVisible();
  }
}
