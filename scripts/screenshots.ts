// `npm run screenshots`: builds the extension if needed, loads it in Debian's Chromium, and writes the README
// screenshots from the real build: docs/screenshots/options.png, popup.png and card.png (the in-page card
// over the flagged Gmail demo draft, tests/fixtures/sites/gmail/demo.html served at mail.google.com).
// Every other request is refused, so the screenshots show exactly what ships and nothing is fetched.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs } from './chromium-args';
import { waitForCard, waitForContentScript, waitForFindings } from './extension-probe';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
const OUT = path.join(ROOT, 'docs/screenshots');
const CHROMIUM = process.env.CLEARLINE_CHROMIUM ?? '/usr/bin/chromium';
const DEMO = path.join(ROOT, 'tests/fixtures/sites/gmail/demo.html');
const FALLBACK = path.join(ROOT, 'tests/fixtures/sites/gmail/new-message.html');
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';


async function launch(): Promise<{ context: BrowserContext; extensionId: string; profile: string }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'clearline-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    args: chromiumArgs(EXTENSION_DIR),
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  return { context, extensionId: new URL(worker.url()).host, profile };
}

/** Centre of the first occurrence of `phrase` in the composer, from the page's own layout. */
async function phrasePoint(page: Page, composerSelector: string, phrase: string): Promise<{ x: number; y: number }> {
  const point = await page.locator(composerSelector).evaluate((root, p) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      const i = t.data.replace(/\u00A0/g, ' ').indexOf(p);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, Math.min(t.data.length, i + 6));
      const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
      return { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 };
    }
    return null;
  }, phrase);
  if (!point) throw new Error(`"${phrase}" is not in the composer`);
  return point;
}

async function main(): Promise<void> {
  if (process.argv.includes('--build') || !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('Building the extension (npx wxt build)…');
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  mkdirSync(OUT, { recursive: true });
  const fixture = existsSync(DEMO) ? DEMO : FALLBACK;
  const html = readFileSync(fixture);

  const { context, extensionId, profile } = await launch();
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('https://mail.google.com/')) return route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
      if (/^(chrome-extension|data|blob|about):/.test(url)) return route.continue();
      console.warn(`refused request: ${url}`);
      return route.abort('blockedbyclient');
    });

    // 1. The in-page card over the flagged draft.
    const gmail = await context.newPage();
    await gmail.goto(GMAIL_URL);
    const worker = context.serviceWorkers()[0]!;
    await waitForContentScript(worker, 'https://mail.google.com/*');
    const composerSelector = '[role="dialog"] [g_editable="true"]';
    const composer = gmail.locator(composerSelector);
    if (fixture === FALLBACK) {
      await composer.click();
      await composer.press('Control+Home');
      await gmail.keyboard.type("Hi Robin, thanks for the note. Call me anytime, even on weekends, and I'll throw the extra page in for free.");
    } else {
      await composer.click();
      await composer.press('Control+End');
    }
    const found = await waitForFindings(worker, 'https://mail.google.com/*');
    const spans = found.filter((f) => f.kind === 'span');
    const target = spans.find((f) => f.pack === 'scope') ?? spans.find((f) => f.severity !== 'suggestion') ?? spans[0];
    if (!target) throw new Error('the demo draft produced no span finding to show a card for');
    // Hover the underlined words (the trigger phrase), where a resting pointer opens the card.
    const marked = target.focus ? target.text.slice(target.focus.start - target.start, target.focus.end - target.start) : target.text;
    const at = await phrasePoint(gmail, composerSelector, marked.slice(0, 24));
    await gmail.mouse.move(at.x, at.y);
    await waitForCard(gmail);
    await gmail.screenshot({ path: path.join(OUT, 'card.png') });
    console.log('wrote docs/screenshots/card.png');
    await gmail.mouse.move(5, 5);

    // 2. The popup, aimed at the Gmail tab through its ?tab= hook.
    const [tab] = await context.serviceWorkers()[0]!.evaluate(async () =>
      (await chrome.tabs.query({ url: 'https://mail.google.com/*' })).map((t: { id?: number }) => t.id),
    );
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
    await popup.getByRole('list', { name: 'Findings' }).waitFor({ state: 'visible' });
    const box = (await popup.locator('.popup').boundingBox())!;
    await popup.screenshot({ path: path.join(OUT, 'popup.png'), clip: { x: 0, y: 0, width: 380, height: Math.min(640, Math.ceil(box.height)) } });
    console.log('wrote docs/screenshots/popup.png');

    // 3. The options page with the first pack's rules open.
    const options = await context.newPage();
    await options.setViewportSize({ width: 1100, height: 1000 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('button', { name: /^Show rules/ }).first().click();
    await options.screenshot({ path: path.join(OUT, 'options.png') });
    console.log('wrote docs/screenshots/options.png');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// The extension API inside worker.evaluate (no @types/chrome in this project).
declare const chrome: any;

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
