// `npm start`: build the extension, open Debian's Chromium with it on a Gmail-like demo draft
// (tests/fixtures/sites/gmail/demo.html served at https://mail.google.com/), and show what
// Clearline flags. Headed when $DISPLAY is set (stays open until the window is closed); headless
// otherwise: prints the findings, writes .output/demo.png (and with --card .output/demo-card.png
// with the suggestion card open), then exits. --dark renders in the dark colour scheme,
// --no-build reuses the last build.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs } from './chromium-args';
import { waitForCard, waitForContentScript, waitForFindings, type ProbeFinding } from './extension-probe';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
const DEMO = path.join(ROOT, 'tests/fixtures/sites/gmail/demo.html');
const CHROMIUM = process.env.CLEARLINE_CHROMIUM ?? '/usr/bin/chromium';
const DEMO_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
const DEMO_TABS = 'https://mail.google.com/*';

async function main(): Promise<number> {
  const args = new Set(process.argv.slice(2));
  const headless = !process.env.DISPLAY || args.has('--headless');
  const withCard = args.has('--card');
  const dark = args.has('--dark');

  if (!args.has('--no-build')) {
    console.log('Building the extension (npx wxt build)…');
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build at ${EXTENSION_DIR}`);

  const profile = mkdtempSync(path.join(tmpdir(), 'clearline-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport: headless ? { width: 1280, height: 860 } : null,
    colorScheme: dark ? 'dark' : 'light',
    args: chromiumArgs(EXTENSION_DIR),
  });
  const cleanup = () => rmSync(profile, { recursive: true, force: true });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

  // The demo page stands in for Gmail; nothing else is fetched from the network.
  const demo = readFileSync(DEMO);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://mail.google.com/')) return route.fulfill({ status: 200, body: demo, contentType: 'text/html; charset=utf-8' });
    if (/^(chrome-extension|data|blob|about):/.test(url)) return route.continue();
    return route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  await page.goto(DEMO_URL);
  await page.bringToFront();
  await waitForContentScript(worker, DEMO_TABS);

  // Focus the draft at its end, as a user about to keep writing would; that starts the analysis.
  const composer = page.locator('[role="dialog"] [g_editable="true"]');
  await composer.click();
  await composer.press('Control+End');
  const findings = await waitForFindings(worker, DEMO_TABS);
  printFindings(findings);

  if (!headless) {
    console.log('\nClearline is running in the browser window. Hover an underline, or press Alt+Enter in the draft.');
    console.log('Close the browser window to exit.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    cleanup();
    return 0;
  }

  const shot = path.join(ROOT, '.output/demo.png');
  await page.screenshot({ path: shot });
  console.log(`\nScreenshot: ${path.relative(ROOT, shot)}`);
  if (withCard) {
    // Open the card from the keyboard on the first flagged sentence.
    await composer.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Alt+Enter');
    await waitForCard(page);
    const cardShot = path.join(ROOT, '.output/demo-card.png');
    await page.screenshot({ path: cardShot });
    console.log(`Screenshot with the card open: ${path.relative(ROOT, cardShot)}`);
  }
  await context.close();
  cleanup();
  return 0;
}

function printFindings(findings: ProbeFinding[]): void {
  console.log(`\nClearline flagged ${findings.length} thing${findings.length === 1 ? '' : 's'} in the demo draft:\n`);
  for (const f of findings) {
    const where = f.kind === 'missing' ? '(missing statement)' : `"${clip(f.text, 70)}"`;
    console.log(`  ${f.severity.padEnd(10)} ${`${f.pack}/${f.rule}`.padEnd(34)} ${where}`);
    console.log(`  ${''.padEnd(10)} ${f.message}`);
    if (f.suggestions[0]) console.log(`  ${''.padEnd(10)} → ${clip(f.suggestions[0], 100)}`);
  }
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
