// Playwright fixtures: a Chromium context with the built extension loaded, real site addresses
// routed to local fixture files, and a guard that fails the test on any request elsewhere.
// The tests drive the test build (CLEARLINE_TEST_HOOKS=1 npx wxt build → .output-test/), which adds
// the data-clearline-* hooks and an open shadow root; tests/e2e/security.spec.ts also loads the
// production build (.output/) to check that a page reads nothing there.
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromiumArgs } from '../../scripts/chromium-args';

/** The test build: production code plus the test hooks. */
export const EXTENSION_DIR = path.resolve('.output-test/chrome-mv3');
/** What ships. */
export const PRODUCTION_DIR = path.resolve('.output/chrome-mv3');
export const FIXTURES_DIR = path.resolve('tests/fixtures');
export const CHROMIUM = process.env.CLEARLINE_CHROMIUM ?? '/usr/bin/chromium';

export const LAUNCH_ARGS = chromiumArgs(EXTENSION_DIR);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Site {
  /**
   * Serve a local file (path relative to tests/fixtures) or literal HTML at an absolute URL,
   * e.g. site.serve('https://mail.google.com/mail/u/0/', 'sites/gmail/new-message.html').
   */
  serve(url: string, fileOrHtml: string | { html: string }): Promise<void>;
  /** Requests that went anywhere other than served fixtures or the extension itself. */
  strayRequests: string[];
}

export async function launchWithExtension(dir = EXTENSION_DIR, locale?: string): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const how = dir === EXTENSION_DIR ? 'npm run build:test' : 'npm run build';
    throw new Error(`No build at ${dir}: run "${how}" first.`);
  }
  const { chromium } = await import('@playwright/test');
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    // A browser in another language: its pages (locale) and its service worker (--lang) read it.
    args: locale ? [...chromiumArgs(dir), `--lang=${locale}`] : chromiumArgs(dir),
    viewport: { width: 1280, height: 800 },
    ...(locale ? { locale } : {}),
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  // On install the background opens its first-run tab, possibly in a blank tab a test is about to use:
  // wait until it is there so it cannot take over a test's page later.
  await expect
    .poll(() => context.pages().some((p) => p.url().startsWith(`chrome-extension://${extensionId}/`)), { timeout: 10_000, message: 'the install-time tab' })
    .toBe(true);
  return { context, worker, extensionId };
}

export const test = base.extend<
  { site: Site },
  { ext: { context: BrowserContext; worker: Worker; extensionId: string } }
>({
  // One browser per test file keeps the suite fast; each test gets fresh pages and routes.
  ext: [
    async ({}, use) => {
      const launched = await launchWithExtension();
      await use(launched);
      await launched.context.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ ext }, use) => {
    await use(ext.context);
  },
  page: async ({ ext }, use) => {
    const page = await ext.context.newPage();
    await use(page);
    await page.close();
  },
  site: async ({ ext }, use) => {
    const served = new Map<string, { body: Buffer; contentType: string }>();
    const stray: string[] = [];
    const handler = async (route: import('@playwright/test').Route) => {
      const url = route.request().url();
      const key = url.split('#')[0]!;
      const hit = served.get(key) ?? served.get(key.split('?')[0]!);
      if (hit) return route.fulfill({ status: 200, body: hit.body, contentType: hit.contentType });
      if (/^(chrome-extension|data|blob|about):/.test(url)) return route.continue();
      stray.push(url);
      return route.abort('blockedbyclient');
    };
    await ext.context.route('**/*', handler);
    const site: Site = {
      strayRequests: stray,
      async serve(url, fileOrHtml) {
        if (typeof fileOrHtml === 'string') {
          const file = path.join(FIXTURES_DIR, fileOrHtml);
          const ext = path.extname(file);
          served.set(url, { body: readFileSync(file), contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' });
        } else {
          served.set(url, { body: Buffer.from(fileOrHtml.html), contentType: CONTENT_TYPES['.html']! });
        }
      },
    };
    await use(site);
    await ext.context.unroute('**/*', handler);
    // The extension sends nothing anywhere: every test fails on a request outside the fixtures.
    expect(stray, 'requests to addresses outside the fixtures').toEqual([]);
  },
});

export { expect };
export type { Page };
