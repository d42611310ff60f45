// The cross-browser Gmail and LinkedIn flows (tests/cross/flows.ts) in Chromium; the same flows run
// in Firefox from tests/e2e-firefox/run.ts.
import type { Page } from '@playwright/test';
import { FLOWS } from '../../cross/flows';
import type { Driver, ExtensionPage, Key } from '../../cross/driver';
import { test, type Site } from '../fixtures';
import { PopupPage, tabIdOf } from '../pages/popup';
import { OptionsPage } from '../pages/options';
import { Clearline } from '../pages/card';
import { gotoSite, resetSettings } from '../suites';

type Ext = { context: import('@playwright/test').BrowserContext; worker: import('@playwright/test').Worker; extensionId: string };

function extensionPage(page: Page): ExtensionPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (selector) => page.locator(selector).click(),
    close: () => page.close(),
  };
}

function playwrightDriver(page: Page, site: Site, ext: Ext): Driver {
  return {
    browserName: 'chromium',
    async open(url, fixture) {
      const u = new URL(url);
      await site.serve(u.origin + u.pathname + u.search, fixture);
      await gotoSite(page, url);
      await new Clearline(page).ready();
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (x, y) => page.mouse.click(x, y),
    type: (text) => page.keyboard.type(text),
    press: (key: Key) => page.keyboard.press(key),
    async options() {
      return extensionPage((await OptionsPage.open(ext.context, ext.extensionId)).page);
    },
    async popup() {
      return extensionPage((await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page))).page);
    },
    resetSettings: () => resetSettings({ ext }),
  };
}

test.beforeEach(resetSettings);

for (const flow of FLOWS) {
  test(flow.title, async ({ page, site, ext }) => {
    await flow.run(playwrightDriver(page, site, ext));
  });
}
