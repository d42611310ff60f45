// A hostile page on a supported site: it must not read Clearline's findings, drive its UI with
// synthetic events, switch it off, or steer a rewrite into another field. Pages here are Gmail
// fixtures at mail.google.com with page scripts added, as a site (or a script injected into it) could.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { FIXTURES_DIR, PRODUCTION_DIR, expect, launchWithExtension, test } from './fixtures';
import { Clearline, caretAfter, composerText, highlightSizes, phraseBox } from './pages/card';
import { tabIdOf } from './pages/popup';
import { FLAGGED, analysed, gotoSite, resetSettings, typeDraft } from './suites';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

test.beforeEach(resetSettings);

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
/** What the fixtures are served at (the part after # never reaches the network). */
const SERVED = 'https://mail.google.com/mail/u/0/';
const NEW_MESSAGE = readFileSync(path.join(FIXTURES_DIR, 'sites/gmail/new-message.html'), 'utf8');
const INLINE_REPLY = readFileSync(path.join(FIXTURES_DIR, 'sites/gmail/inline-reply.html'), 'utf8');
const BAIT = 'Call me anytime, even at midnight, on my personal cell. I miss you, xoxo.';

/** Words only Clearline's findings would contain (its messages and rewrites for the bait). */
const FINDING_WORDS = /Offers contact at any hour|personal channel|term of endearment|Monday to Friday/i;

/** Add page markup and a page script (main world, running before any content script) to a fixture. */
function withPage(html: string, { body = '', script = '' }: { body?: string; script?: string }): string {
  return html.replace('<body', `<script>${script}</script><body`).replace('</body>', `${body}</body>`);
}

/** A second compose window the page plants: invisible, already holding text. */
const INVISIBLE_COMPOSER = `<div role="dialog" style="position:fixed;left:0;top:0;width:400px;opacity:0"><div class="Am editable" g_editable="true" role="textbox" contenteditable="true">${BAIT}</div></div>`;

/**
 * For 10 s from the start of the page, with no user action: record every attribute on our host, any
 * shadow root it exposes, highlight names in CSS.highlights, any text that reads like a finding, and
 * every window message (WXT used to post the extension id to the page).
 */
const SPY = `
  window.__spy = { seen: [], messages: [], done: false };
  addEventListener('message', (e) => __spy.messages.push(JSON.stringify(e.data)));
  const t0 = performance.now();
  const note = (s) => { if (!__spy.seen.includes(s)) __spy.seen.push(s); };
  const look = () => {
    for (const host of document.querySelectorAll('clearline-root')) {
      for (const a of host.attributes) note('attribute ' + a.name + '=' + a.value.slice(0, 80));
      if (host.shadowRoot) note('open shadow root: ' + host.shadowRoot.textContent.slice(0, 80));
    }
    if (window.CSS && CSS.highlights) CSS.highlights.forEach((h, name) => { if (h.size) note('highlight ' + name); });
    const all = document.documentElement.outerHTML.replace(/<script>[\\s\\S]*?<\\/script>/g, ''); // not this script's own words
    if (${FINDING_WORDS}.test(all)) note('finding text in the DOM');
    if (performance.now() - t0 < 10000) setTimeout(look, 50); else __spy.done = true;
  };
  look();
`;

type Spy = { seen: string[]; messages: string[]; done: boolean };
const spyOf = (page: Page) => page.evaluate(() => (window as unknown as { __spy: Spy }).__spy);

async function routeGmail(context: BrowserContext, html: string): Promise<() => Promise<void>> {
  const stray: string[] = [];
  const handler = async (route: import('@playwright/test').Route) => {
    const url = route.request().url();
    if (url.startsWith('https://mail.google.com/')) return route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' });
    if (/^(chrome-extension|data|blob|about):/.test(url)) return route.continue();
    stray.push(url);
    return route.abort('blockedbyclient');
  };
  await context.route('**/*', handler);
  return async () => {
    await context.unroute('**/*', handler);
    expect(stray, 'requests to addresses outside the fixtures').toEqual([]);
  };
}

test('production build: a page that plants an invisible composer holding bait text reads nothing in 10 s without a user', async () => {
  test.setTimeout(60_000);
  const { context, worker } = await launchWithExtension(PRODUCTION_DIR);
  try {
    const done = await routeGmail(context, withPage(NEW_MESSAGE, { body: INVISIBLE_COMPOSER, script: SPY }));
    const page = await context.newPage();
    await gotoSite(page, INBOX);
    // The page-load script runs in this tab (asked in its own isolated world, not through the page).
    await expect
      .poll(async () => {
        const tabId = await tabIdOf(worker, page);
        return worker.evaluate(async (id) => {
          const [r] = await chrome.scripting.executeScript({ target: { tabId: id }, func: () => !!(globalThis as any)[Symbol.for('clearline.content.started')] });
          return r?.result;
        }, tabId);
      })
      .toBe(true);
    await page.waitForFunction(() => (window as unknown as { __spy: Spy }).__spy.done, undefined, { timeout: 20_000 });
    const spy = await spyOf(page);
    expect(spy.seen).toEqual([]);
    const id = new URL(worker.url()).host;
    expect(spy.messages.filter((m) => m.includes(id))).toEqual([]);
    // Nothing was analysed either: the popup's own question finds no composer in use.
    const tabId = await tabIdOf(worker, page);
    const answer = await worker.evaluate((t) => chrome.tabs.sendMessage(t, { kind: 'getFindings' }), tabId);
    expect(answer).toEqual({ composer: null, findings: [] });
    await done();
  } finally {
    await context.close();
  }
});

test('a composer holding text at load is analysed only once the user clicks in it', async ({ page, site }) => {
  // A visible second compose window that already holds text (a saved draft, or the page's bait).
  await site.serve(SERVED, { html: withPage(NEW_MESSAGE, { body: INVISIBLE_COMPOSER.replace('opacity:0', 'opacity:1;top:200px') }) });
  await gotoSite(page, INBOX);
  const cl = new Clearline(page);
  await cl.ready();
  const held = page.locator('[role="dialog"] [g_editable="true"]', { hasText: 'personal cell' });
  // The page focusing it by script (a trusted focus event, but not the user's doing) is not use.
  await held.evaluate((el) => (el as HTMLElement).focus());
  await expect(held).toBeFocused();
  // The user writes in the other window: the UI starts and looks at every composer on the page,
  // yet analyses only the one being written in.
  const mole = page.locator('[role="dialog"] [g_editable="true"]').first();
  await typeDraft(page, mole);
  await cl.waitForSpan(FLAGGED);
  expect((await cl.composers()).map((c) => c.text.includes('personal cell'))).toEqual([false]);
  // The user's first click in the held draft: now it is analysed.
  await held.click();
  await expect.poll(async () => (await cl.composers()).filter((c) => c.text.includes('personal cell') && c.findings.length).length).toBe(1);
});

test('page-dispatched Alt+Enter, Enter, pointer presses and clicks change nothing', async ({ page, site }) => {
  await site.serve(SERVED, 'sites/gmail/new-message.html');
  await gotoSite(page, INBOX);
  const cl = new Clearline(page);
  await cl.ready();
  const composer = page.locator('[role="dialog"] [g_editable="true"]');
  await typeDraft(page, composer);
  const finding = await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  await caretAfter(composer, 'Call me anytime');

  const dispatchKey = (init: { key: string; code: string; altKey?: boolean }) =>
    composer.evaluate((el, i) => {
      const e = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, ...i });
      el.dispatchEvent(e);
      return e.defaultPrevented;
    }, init);
  // A synthetic Alt+Enter is not taken (not swallowed, no card).
  expect(await dispatchKey({ key: 'Enter', code: 'Enter', altKey: true })).toBe(false);
  await expect(cl.host).toHaveAttribute('data-clearline-card', '');
  await expect(cl.card).toBeHidden();

  // A synthetic pointer press on the flagged words opens nothing.
  const box = await phraseBox(composer, 'anytime');
  await composer.evaluate((el, b) => {
    const init = { bubbles: true, cancelable: true, composed: true, clientX: b.x + 4, clientY: b.y + b.height / 2 };
    el.dispatchEvent(new PointerEvent('pointermove', init));
    el.dispatchEvent(new PointerEvent('pointerdown', init));
  }, box);
  await expect(cl.host).toHaveAttribute('data-clearline-card', '');

  // The user opens the card from the keyboard; the page then fires Enter and clicks every button.
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
  expect(await dispatchKey({ key: 'Enter', code: 'Enter' })).toBe(false);
  const clicked = await page.evaluate(() => {
    // The test build's shadow root is open (production's is closed): the page reaches the buttons here.
    const root = document.querySelector('clearline-root')!.shadowRoot!;
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button')];
    const names = buttons.map((b) => b.textContent ?? '');
    // Apply and Turn off this rule last: they would change the draft and the settings.
    for (const b of buttons.filter((x) => !/×/.test(x.textContent ?? ''))) b.click();
    return names;
  });
  expect(clicked).toEqual(expect.arrayContaining(['Turn off this rule', 'Ignore', `Apply: ${finding.suggestions[0]!}`]));
  // Nothing moved: the draft, the card (still open, not busy) and the finding are as they were.
  expect(await composerText(composer)).toBe(before);
  await expect(cl.card).toBeVisible();
  await expect(cl.applyButtons().first()).toBeEnabled();
  expect((await cl.findings()).some((f) => f.key === finding.key)).toBe(true);
  // The rule is still on in the stored settings.
  const worker = page.context().serviceWorkers()[0]!;
  const rules = await worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings?.rules ?? {}) as Record<string, { enabled?: boolean }>);
  expect(rules[`${finding.pack}/${finding.rule}`]?.enabled).not.toBe(false);
  // And the user's own Enter still applies.
  await page.keyboard.press('Enter');
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
});

test('page-dispatched focus, or a script focusing another composer, does not change where the popup inserts', async ({ page, site, ext }) => {
  await site.serve(SERVED, { html: INLINE_REPLY });
  await gotoSite(page, INBOX + '/FMfcgzQbdrLq');
  const cl = new Clearline(page);
  await cl.ready();
  const reply = page.locator('.AO [g_editable="true"]');
  const mole = page.locator('[role="dialog"] [g_editable="true"]');
  await typeDraft(page, reply);
  const finding = await cl.waitForSpan(FLAGGED);
  // The page puts bait into the other compose window and moves focus there: by a synthetic focusin,
  // then by element.focus() (whose focus event is trusted, but no user pressed anything).
  await mole.evaluate((el, bait) => {
    el.textContent = bait;
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    (el as HTMLElement).focus();
  }, BAIT);
  await expect(mole).toBeFocused();
  const tabId = await tabIdOf(ext.worker, page);
  const answer = await ext.worker.evaluate((t) => chrome.tabs.sendMessage(t, { kind: 'getFindings' }), tabId);
  expect(answer.composer.label).toBe('Gmail reply');
  expect(answer.findings.map((f: { key: string }) => f.key)).toContain(finding.key);
  // The popup's Apply goes to the reply the user wrote, not to the window the page focused.
  const res = await ext.worker.evaluate(([t, key]) => chrome.tabs.sendMessage(t, { kind: 'applySuggestion', key, suggestion: 0 }), [tabId, finding.key] as const);
  expect(res).toEqual({ ok: true });
  await expect.poll(() => composerText(reply)).toContain(finding.suggestions[0]!);
  expect(await composerText(mole)).toBe(BAIT);
  // The bait was never analysed.
  expect((await cl.composers()).some((c) => c.text.includes('personal cell'))).toBe(false);
});

test('the page firing WXT\'s "content script started" event does not switch Clearline off, and never learns the extension id', async ({ page, site, ext }) => {
  await site.serve(SERVED, { html: withPage(NEW_MESSAGE, { script: `window.__messages = []; addEventListener('message', (e) => __messages.push(JSON.stringify(e.data)));` }) });
  await gotoSite(page, INBOX);
  const cl = new Clearline(page);
  await cl.ready();
  const composer = page.locator('[role="dialog"] [g_editable="true"]');
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
  expect(messages.filter((m) => m.includes(ext.extensionId))).toEqual([]);
  // A page that knows the id anyway fires the event WXT's context stops on, for each script name.
  await page.evaluate((id) => {
    for (const name of ['content', 'composer-watch', 'composer-ui']) {
      document.dispatchEvent(
        new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'forged' } }),
      );
    }
  }, ext.extensionId);
  // Still on: what the user types next is analysed, and Alt+Enter opens the card.
  await page.keyboard.type(' Thanks again.');
  await analysed(page, 'Thanks again.');
  await caretAfter(composer, 'Call me anytime');
  await page.keyboard.press('Alt+Enter');
  await expect(cl.card).toBeVisible();
});

test('Apply gives up, and says so, when the page moves focus to another field as the composer is focused', async ({ page, site }) => {
  await site.serve(SERVED, 'sites/gmail/new-message.html');
  await gotoSite(page, INBOX);
  const cl = new Clearline(page);
  await cl.ready();
  const composer = page.locator('[role="dialog"] [g_editable="true"]');
  const subject = page.getByRole('textbox', { name: 'Subject' });
  await typeDraft(page, composer);
  await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  const subjectBefore = await subject.inputValue();
  // The page sends focus to the subject whenever the body gets it.
  await composer.evaluate((el) => el.addEventListener('focus', () => document.querySelector<HTMLInputElement>('input[name="subjectbox"]')!.focus()));
  await subject.click(); // the user is elsewhere on the page, then applies from the card
  await cl.hover(composer, 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect(cl.card.getByRole('status')).toHaveText(/The page moved the cursor out of this draft, so nothing was changed/);
  expect(await subject.inputValue()).toBe(subjectBefore);
  expect(await composerText(composer)).toBe(before);
});

for (const key of ['End', 'ArrowLeft', 'Home']) {
  test(`after Alt+Enter, ${key} closes the keyboard card and the next Enter is a new line`, async ({ page, site }) => {
    await site.serve(SERVED, 'sites/gmail/new-message.html');
    await gotoSite(page, INBOX);
    const cl = new Clearline(page);
    await cl.ready();
    const composer = page.locator('[role="dialog"] [g_editable="true"]');
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    await caretAfter(composer, 'Call me anytime');
    await page.keyboard.press('Alt+Enter');
    await expect(cl.card).toBeVisible();
    await page.keyboard.press(key);
    await expect(cl.card).toBeHidden();
    const before = await composerText(composer);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await composerText(composer)).split('\n').length).toBeGreaterThan(before.split('\n').length);
    // Only a line break was added (where the caret went); the flagged words were not rewritten.
    const text = await composerText(composer);
    expect(text.replace(/\n/g, '')).toBe(before.replace(/\n/g, ''));
    expect(text).not.toContain(finding.suggestions[0]!);
  });
}

test('when the extension is reloaded, the old UI takes itself off the page at once', async () => {
  // Its own browser: reloading the extension would pull the shared one out from under other tests.
  const { context, worker } = await launchWithExtension();
  try {
    const done = await routeGmail(context, NEW_MESSAGE);
    const page = await context.newPage();
    await gotoSite(page, INBOX);
    const cl = new Clearline(page);
    await cl.ready();
    await typeDraft(page, page.locator('[role="dialog"] [g_editable="true"]'));
    await cl.waitForSpan(FLAGGED);
    await expect.poll(async () => Object.values(await highlightSizes(page)).some((n) => n > 0)).toBe(true);
    await worker.evaluate(() => chrome.runtime.reload());
    // No user action needed: the UI's port to the background closed and runtime.id is gone.
    await expect(page.locator('clearline-root[data-clearline-findings]')).toHaveCount(0);
    await expect.poll(async () => Object.values(await highlightSizes(page)).some((n) => n > 0)).toBe(false);
    await done();
  } finally {
    await context.close();
  }
});
