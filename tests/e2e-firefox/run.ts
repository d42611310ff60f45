// The cross-browser flows (tests/cross/flows.ts) in Debian's firefox-esr, driven by puppeteer-core
// over WebDriver BiDi (no geckodriver): the unpacked Firefox build is installed with
// browser.installExtension, request interception serves the fixtures at the real site addresses
// (anything else is refused and fails the flow), the extensions.webextensions.uuids pref fixes the
// moz-extension:// address, and --remote-allow-system-access lets a tab open the options and popup
// pages. Run with node's test runner: node --import tsx --test tests/e2e-firefox/run.ts
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type KeyInput, type Page } from 'puppeteer-core';
import { FLOWS } from '../cross/flows';
import { waitFor, type Driver, type ExtensionPage, type Key } from '../cross/driver';

/** The build under test: the production Firefox build unless pointed elsewhere (e.g. a test build). */
export const EXTENSION_DIR = path.resolve(process.env.CLEARLINE_FIREFOX_EXTENSION ?? '.output-test/firefox-mv3');
export const FIREFOX = process.env.CLEARLINE_FIREFOX ?? '/usr/bin/firefox-esr';
const FIXTURES_DIR = path.resolve('tests/fixtures');
/** Fixed moz-extension:// host for our add-on id, set through extensions.webextensions.uuids. */
const UUID = '0c1e4a52-7d3b-4f19-9a6e-5b2c8d0f1e37';
const BASE = `moz-extension://${UUID}`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function addonId(): string {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${EXTENSION_DIR}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

let browser: Browser;

before(async () => {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${EXTENSION_DIR}: run "npm run build:firefox" first.`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: install firefox-esr (>= 142) or set CLEARLINE_FIREFOX.`);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId()]: UUID }),
      // Keep Firefox from reaching out (no network here, and nothing may go anywhere).
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // The browser's own favicon fetches are not the extension's and have no fixture.
      'browser.chrome.site_icons': false,
    },
    args: ['--remote-allow-system-access'],
  });
  await browser.installExtension(EXTENSION_DIR);
});

after(async () => {
  await browser?.close();
});

/** puppeteer-core's key names for a Playwright-style chord. */
async function press(page: Page, key: Key): Promise<void> {
  const parts = key.split('+') as KeyInput[];
  const main = parts.pop()!;
  for (const m of parts) await page.keyboard.down(m);
  await page.keyboard.press(main);
  for (const m of parts.reverse()) await page.keyboard.up(m);
}

/**
 * Run `fn(arg)` in `page`. Passed as source text because tsx wraps named inner functions in a
 * `__name` helper that does not exist in the page.
 */
function evaluateIn<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`) as Promise<R>;
}

/**
 * Open an extension page in a new tab. BiDi does not report navigations to extension pages, so we
 * navigate without waiting and then wait until the page itself answers.
 */
async function openExtensionPage(url: string, loaded: string): Promise<Page> {
  const page = await browser.newPage();
  page.goto(url).catch(() => undefined);
  await waitFor(
    () => evaluateIn(page, (sel: string) => location.href + (document.querySelector(sel) ? ' loaded' : ''), loaded),
    (s) => s.startsWith(url) && s.endsWith(' loaded'),
    `${url} to load`,
    15_000,
  );
  return page;
}

function extensionPage(page: Page): ExtensionPage {
  return {
    evaluate: (fn, arg) => evaluateIn(page, fn, arg),
    async click(selector) {
      await page.locator(selector).click();
    },
    close: () => page.close(),
  };
}

async function firefoxDriver(page: Page, stray: string[]): Promise<Driver> {
  const served = new Map<string, { body: Buffer; contentType: string }>();
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    const key = url.split('#')[0]!;
    const hit = served.get(key) ?? served.get(key.split('?')[0]!);
    if (hit) return void req.respond({ status: 200, body: hit.body, contentType: hit.contentType });
    if (/^(moz-extension|data|blob|about):/.test(url)) return void req.continue();
    stray.push(url);
    return void req.abort('blockedbyclient');
  });
  let siteUrl = '';
  return {
    browserName: 'firefox',
    async open(url, fixture) {
      const file = path.join(FIXTURES_DIR, fixture);
      const u = new URL(url);
      served.set(u.origin + u.pathname + u.search, { body: readFileSync(file), contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      siteUrl = url;
      await page.goto(url);
      await page.waitForSelector('clearline-root[data-clearline-ready="true"]');
    },
    evaluate: (fn, arg) => evaluateIn(page, fn, arg),
    click: (x, y) => page.mouse.click(x, y),
    type: (text) => page.keyboard.type(text),
    press: (key) => press(page, key),
    async options() {
      return extensionPage(await openExtensionPage(`${BASE}/options.html`, '#pack-availability'));
    },
    async popup() {
      const control = await openExtensionPage(`${BASE}/options.html`, 'body');
      const tabId = await evaluateIn(
        control,
        async (u: string) => {
          const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).browser.tabs.query({});
          return tabs.find((t) => t.url === u)?.id ?? null;
        },
        siteUrl,
      );
      await control.close();
      assert.notEqual(tabId, null, `a tab showing ${siteUrl}`);
      return extensionPage(await openExtensionPage(`${BASE}/popup.html?tab=${tabId}`, '[data-testid="popup-state"]'));
    },
    async resetSettings() {
      const control = await openExtensionPage(`${BASE}/options.html`, 'body');
      await evaluateIn(control, () => (globalThis as unknown as { browser: { storage: { local: { remove(k: string): Promise<void> } } } }).browser.storage.local.remove('settings'), null);
      await control.close();
    },
  };
}

for (const flow of FLOWS) {
  test(`firefox: ${flow.title}`, async () => {
    const page = await browser.newPage();
    const stray: string[] = [];
    try {
      const driver = await firefoxDriver(page, stray);
      await driver.resetSettings();
      await flow.run(driver);
    } finally {
      await page.close();
    }
    assert.deepEqual(stray, [], 'requests to addresses outside the fixtures');
  });
}
