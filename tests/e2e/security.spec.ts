// A hostile page on a supported site: it must not read Clearline's findings, drive its UI with
// synthetic events, switch it off, or steer a rewrite into another field. Pages here are Gmail
// fixtures at mail.google.com with page scripts added, as a site (or a script injected into it) could.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { FIXTURES_DIR, PRODUCTION_DIR, expect, launchWithExtension, test } from './fixtures';
import { Clearline, caretAfter, caretToStart, composerText, phraseBox, underlineCounts } from './pages/card';
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
    // A button's name as a screen reader reads it: struck words are aria-hidden.
    const names = buttons.map((b) => {
      const copy = b.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
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
    await expect.poll(async () => Object.values(await underlineCounts(page)).some((n) => n > 0)).toBe(true);
    await worker.evaluate(() => chrome.runtime.reload());
    // No user action needed: the UI's port to the background closed and runtime.id is gone.
    await expect(page.locator('clearline-root[data-clearline-findings]')).toHaveCount(0);
    await expect.poll(async () => Object.values(await underlineCounts(page)).some((n) => n > 0)).toBe(false);
    await done();
  } finally {
    await context.close();
  }
});

/** What the hostile page below must never learn: the user's hours and phone (settings), and Clearline's words. */
const SECRET_PHONE = '+1 415 555 0199';
const SECRETS = /555\D?0199|07:45|7:45|16:15|4:15|Offers contact at any hour|term of endearment|outside those hours|urgent/i;

/**
 * A page script (main world, from the first byte of the page) that, every 50 ms, polls every channel
 * a page has: CSS.highlights, attributes and text of every element (our host included) and its
 * shadowRoot, document.styleSheets, elementsFromPoint over the composer, the computed style of the
 * editor and everything in it, window messages and CustomEvents, activeElement, selection, title and
 * a MutationObserver over the whole document. Observations are kept per phase: "idle" (no user),
 * "typed" (the user writing), "analysed" (the draft written, Clearline's findings on it).
 */
const POLL_ALL = `
  const spy = window.__poll = { phase: 'idle', notes: [], hits: [], highlights: [], hostAttributes: [], shadow: [], styles: [], computed: [], polls: 0 };
  const note = (list, s) => { s = spy.phase + ' ' + s; if (!list.includes(s)) list.push(s); };
  const composer = () => document.querySelector('[role="dialog"] [g_editable="true"]');
  const inComposer = (n) => { const c = composer(); return !!c && (c === n || c.contains(n)); };
  const PROPS = ['text-decoration-line', 'text-decoration-style', 'background-color', 'background-image', 'outline-style', 'box-shadow', 'text-shadow', 'border-bottom-style', 'filter'];
  let baseStyle = null;
  const styleOf = (el) => { const cs = getComputedStyle(el); return PROPS.map((p) => p + ':' + cs.getPropertyValue(p)).join(';'); };
  const title = document.title;
  const pageText = () => {
    let out = '';
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'SCRIPT' || inComposer(el)) continue;
        for (const a of el.attributes) out += ' ' + a.name + '=' + a.value;
        for (const n of el.childNodes) if (n.nodeType === 3 && !inComposer(n)) out += ' ' + n.data;
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  };
  const start = () => {
  const anytimeAtStart = (pageText().match(/anytime/gi) || []).length;
  for (const type of ['message', 'clearline', 'clearline:findings', 'content-script-started']) {
    addEventListener(type, (e) => note(spy.notes, 'event ' + type + ' ' + JSON.stringify(e.data ?? e.detail ?? null)), true);
    document.addEventListener(type, (e) => note(spy.notes, 'document event ' + type + ' ' + JSON.stringify(e.detail ?? null)), true);
  }
  new MutationObserver((records) => {
    for (const r of records) {
      if (inComposer(r.target)) continue;
      if (r.type === 'attributes') note(spy.notes, 'attribute ' + r.attributeName + ' on ' + r.target.nodeName + ': ' + (r.target.getAttribute?.(r.attributeName) ?? '').slice(0, 200));
      for (const n of r.addedNodes) note(spy.notes, 'added ' + n.nodeName + ': ' + (n.textContent ?? '').slice(0, 200));
      if (r.type === 'characterData') note(spy.notes, 'text: ' + r.target.data.slice(0, 200));
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  const poll = () => {
    spy.polls++;
    if (window.CSS && CSS.highlights) CSS.highlights.forEach((h, name) => { for (const r of h) note(spy.highlights, name + ': ' + r.toString()); });
    for (const host of document.querySelectorAll('clearline-root')) {
      for (const a of host.attributes) note(spy.hostAttributes, a.name + '=' + a.value.slice(0, 200));
      if (host.shadowRoot) note(spy.shadow, 'open shadow root: ' + host.shadowRoot.textContent.slice(0, 200));
      note(spy.notes, 'host text: ' + host.textContent);
    }
    const text = pageText();
    const secret = text.match(${SECRETS});
    if (secret) note(spy.notes, 'page text: ' + secret[0]);
    if ((text.match(/anytime/gi) || []).length > anytimeAtStart) note(spy.notes, 'page text: another "anytime"');
    for (const sheet of document.styleSheets) {
      let rules = '';
      try { rules = [...sheet.cssRules].map((r) => r.cssText).join(' '); } catch {}
      if (/highlight\\(|clearline/i.test(rules)) note(spy.styles, rules.slice(0, 200));
    }
    const c = composer();
    if (c) {
      const box = c.getBoundingClientRect();
      for (let y = box.top + 1; y < box.bottom; y += 6) {
        for (let x = box.left + 1; x < box.right; x += 10) {
          for (const el of document.elementsFromPoint(x, y)) {
            if (el === c || c.contains(el) || el.contains(c)) continue;
            spy.hits.push({ phase: spy.phase, x, y, tag: el.tagName });
            break;
          }
        }
      }
      if (spy.hits.length > 5000) spy.hits.length = 5000;
      baseStyle ??= styleOf(c);
      for (const el of [c, ...c.querySelectorAll('*')]) {
        const s = styleOf(el);
        if (s !== baseStyle) note(spy.computed, el.tagName + ' ' + s);
        for (const name of ['clearline-suggestion', 'clearline-warning', 'clearline-alert', 'clearline-active']) {
          const h = getComputedStyle(el, '::highlight(' + name + ')');
          if (h.textDecorationLine && h.textDecorationLine !== 'none') note(spy.computed, el.tagName + ' ::highlight(' + name + ') ' + h.textDecorationLine);
        }
      }
    }
    const active = document.activeElement;
    if (active && !inComposer(active) && active !== document.body) note(spy.notes, 'focus on ' + active.tagName);
    const sel = String(getSelection());
    if (sel) note(spy.notes, 'selection: ' + sel.slice(0, 200));
    if (document.title !== title) note(spy.notes, 'title: ' + document.title);
  };
  const loop = () => { try { poll(); } catch (e) { note(spy.notes, 'poll failed: ' + e); } setTimeout(loop, 50); };
  loop();
  };
  // From the moment the page's own markup is in (what the parser adds is the page's, not ours).
  document.addEventListener('DOMContentLoaded', start);
`;

type Poll = {
  phase: string;
  polls: number;
  notes: string[];
  hits: Array<{ phase: string; x: number; y: number; tag: string }>;
  highlights: string[];
  hostAttributes: string[];
  shadow: string[];
  styles: string[];
  computed: string[];
};

test('production build: a page polling every channel for 10 s, then while the user writes a flagged draft, learns nothing of the findings, rewrites or settings', async () => {
  test.setTimeout(90_000);
  const { context, worker } = await launchWithExtension(PRODUCTION_DIR);
  try {
    // The user's statement quotes her hours and personal phone: secrets the page must not see.
    await worker.evaluate(async (phone) => {
      await chrome.storage.local.set({
        settings: {
          version: 2, packs: {}, rules: {}, customRules: [], pausedUntil: 0,
          policy: { profession: 'general', workDays: [1, 2, 3, 4, 5], workStart: '07:45', workEnd: '16:15', timeZone: 'local', responseTime: 'within one business day', urgentChannel: `text me on ${phone}` },
          sites: { builtIn: { gmail: true, linkedin: true, outlook: true }, added: [] },
        },
      });
    }, SECRET_PHONE);
    const done = await routeGmail(context, withPage(NEW_MESSAGE, { script: POLL_ALL }));
    const page = await context.newPage();
    await gotoSite(page, INBOX);
    const poll = () => page.evaluate(() => (window as unknown as { __poll: Poll }).__poll);
    // 10 s with no user action.
    const t0 = Date.now();
    await expect.poll(async () => Date.now() - t0, { timeout: 15_000, intervals: [500] }).toBeGreaterThan(10_000);
    const idle = await poll();
    expect(idle.polls).toBeGreaterThan(10);
    // The user writes a draft with a flagged phrase and no boundary statement.
    await page.evaluate(() => ((window as unknown as { __poll: Poll }).__poll.phase = 'typed'));
    const composer = page.locator('[role="dialog"] [g_editable="true"]');
    await caretToStart(composer);
    // The pointer goes away: resting on flagged words opens their card, which the user then sees (and
    // the page can find where it is, like any box the user can click).
    await page.mouse.move(5, 5);
    // (Short first and last lines: our indicator sits at the composer's top right corner and the
    // statement's marker after the last word, both controls the user clicks, never over these words.)
    await page.keyboard.type('Hi Robin,\nthanks for the note. Call me anytime if anything comes up. I miss you, xoxo.\nBest, Sam');
    // Clearline did find things, and its findings hold the secrets (asked from its own isolated world).
    const tabId = await tabIdOf(worker, page);
    let findings: Array<{ text: string; message: string; suggestions: string[] }> = [];
    await expect
      .poll(async () => {
        const answer = await worker.evaluate((t) => chrome.tabs.sendMessage(t, { kind: 'getFindings' }), tabId);
        findings = answer.findings;
        return findings.some((f) => FLAGGED.test(f.text)) && findings.some((f) => f.suggestions.some((s) => s.includes(SECRET_PHONE)));
      }, { timeout: 10_000, message: 'findings holding the flagged words and the phone' })
      .toBe(true)
      .catch((e) => {
        console.log(JSON.stringify(findings, null, 1));
        throw e;
      });
    // The page keeps polling while the underlines are drawn (and the user rests).
    await page.evaluate(() => ((window as unknown as { __poll: Poll }).__poll.phase = 'analysed'));
    const typedAt = (await poll()).polls;
    const t1 = Date.now();
    await expect.poll(async () => Date.now() - t1, { timeout: 10_000, intervals: [500] }).toBeGreaterThan(5_000);
    expect((await poll()).polls - typedAt).toBeGreaterThan(3);
    await page.evaluate(() => ((window as unknown as { __poll: Poll }).__poll.phase = 'done'));
    const spy = await poll();
    expect.soft(spy.highlights, 'ranges in CSS.highlights').toEqual([]);
    expect.soft(spy.hostAttributes, 'attributes on our host').toEqual([]);
    expect.soft(spy.shadow, 'a shadow root the page can open').toEqual([]);
    expect.soft(spy.styles, 'our styles in the page').toEqual([]);
    expect.soft(spy.computed, 'computed style of the editor changed').toEqual([]);
    for (const n of spy.notes) {
      expect.soft(n, 'a note with a secret').not.toMatch(SECRETS);
      expect.soft(n, 'a note naming flagged words').not.toMatch(/anytime|miss you|xoxo/i);
    }
    // Nothing of ours is hit over the words: elementsFromPoint cannot find which words are underlined.
    // (Only once the draft is written: while the user types, the statement's "+" marker follows the
    // end of the text, where later words then go.)
    const flagged = await Promise.all(['Call me anytime', 'I miss you', 'xoxo'].map((p) => phraseBox(composer, p)));
    const over = spy.hits.filter((h) => h.phase === 'analysed' && flagged.some((b) => h.x >= b.x && h.x <= b.x + b.width && h.y >= b.y && h.y <= b.y + b.height));
    expect.soft(over, 'something of ours under the pointer over flagged words').toEqual([]);
    await done();
  } finally {
    await context.close();
  }
});

test('page-dispatched input and composition events neither hold analysis back nor block Apply', async ({ page, site }) => {
  await site.serve(SERVED, 'sites/gmail/new-message.html');
  await gotoSite(page, INBOX);
  const cl = new Clearline(page);
  await cl.ready();
  const composer = page.locator('[role="dialog"] [g_editable="true"]');
  await typeDraft(page, composer, 'Hi Robin, thanks for the note.');
  // From now on the page fires an input event at the draft every 20 ms, and starts a composition.
  await composer.evaluate((el) => {
    setInterval(() => el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true })), 20);
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
  });
  // The user goes on writing: the new words are still analysed after the usual pause.
  await page.keyboard.type(' Call me anytime if anything comes up.');
  const finding = await cl.waitForSpan(FLAGGED);
  const before = await composerText(composer);
  // And Apply is not refused as "finish the character you are typing".
  await cl.hover(composer, 'Call me anytime');
  await cl.applyButtons().first().click();
  await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
});

/**
 * A page script that hit-tests with document.elementsFromPoint: window.__probe(left, top, right,
 * bottom, step) lists the points where anything of ours (our host element) is hit.
 */
const PROBE = `
  window.__probe = (left, top, right, bottom, step) => {
    const out = [];
    for (let y = top; y <= bottom; y += step)
      for (let x = left; x <= right; x += step)
        if (document.elementsFromPoint(x, y).some((el) => el.tagName === 'CLEARLINE-ROOT')) out.push(x + ',' + y);
    return out;
  };
`;

test('production build: hit-testing the composer area tells the page nothing about the findings; the indicator is one box whatever it says', async () => {
  test.setTimeout(90_000);
  const { context, worker } = await launchWithExtension(PRODUCTION_DIR);
  try {
    const done = await routeGmail(context, withPage(NEW_MESSAGE, { script: PROBE }));
    const page = await context.newPage();
    await gotoSite(page, INBOX);
    const composer = page.locator('[role="dialog"] [g_editable="true"]');
    const tabId = await tabIdOf(worker, page);
    const findings = () => worker.evaluate((t) => chrome.tabs.sendMessage(t, { kind: 'getFindings' }), tabId) as Promise<{ composer: unknown; findings: Array<{ kind: string; text: string }> }>;
    await caretToStart(composer);
    await page.mouse.move(5, 5);
    await page.keyboard.type('Hi Robin,\nthanks for the note. Call me anytime if anything comes up. I miss you, xoxo.\nBest, Sam');
    // The composer and a margin round it (the indicator sits across its top edge).
    const area = async () => {
      const b = (await composer.boundingBox())!;
      return probe(Math.floor(b.x - 40), Math.floor(b.y - 40), Math.ceil(b.x + b.width + 40), Math.ceil(b.y + b.height + 40), 4);
    };
    const probe = (l: number, t: number, r: number, b: number, step: number) =>
      page.evaluate(([a, b2, c, d, s]) => (window as unknown as { __probe: (...n: number[]) => string[] }).__probe(a!, b2!, c!, d!, s!), [l, t, r, b, step]);
    // Where the indicator is, as a page can work out from the composer's box alone (the box as it is
    // now: the composer grows with its text); relative to that corner, so drafts compare.
    const viewport = page.viewportSize()!;
    const corner = async () => {
      const b = (await composer.boundingBox())!;
      return { x: Math.round(Math.min(b.x + b.width - 24 - 2, viewport.width - 24 - 4)), y: Math.round(Math.max(2, b.y - 12)) };
    };
    const aroundIndicator = async () => {
      const c = await corner();
      await page.mouse.move(5, 5);
      await page.mouse.move(c.x + 12, c.y + 12);
      const hits = await probe(c.x - 12, c.y - 12, c.x + 36, c.y + 36, 2);
      await page.mouse.move(5, 5);
      return hits.map((p) => p.split(',').map(Number)).map(([x, y]) => `${x! - c.x},${y! - c.y}`);
    };

    // A flagged draft with a missing statement: underlines, the "+" marker and a count.
    await expect.poll(async () => {
      const f = (await findings()).findings;
      return f.some((x) => FLAGGED.test(x.text)) && f.some((x) => x.kind === 'missing');
    }, { timeout: 10_000 }).toBe(true);
    // The pointer away: nothing of ours anywhere over or round the composer.
    expect(await area(), 'hit over the composer of a flagged draft').toEqual([]);
    // The pointer on the indicator: the indicator's own box, and nothing else.
    const flaggedBox = await aroundIndicator();
    expect(flaggedBox.length, 'the indicator under the pointer (a control the user is pointing at)').toBeGreaterThan(0);

    // The same composer with a clean draft.
    await composer.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Thanks Robin, see you on Tuesday.');
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await findings()).findings.length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.evaluate(() => (document.querySelector('[role="dialog"] [g_editable="true"]') as HTMLElement).innerText.trim())).toBe('Thanks Robin, see you on Tuesday.');
    expect(await area(), 'hit over the composer of a clean draft').toEqual([]);
    expect(await aroundIndicator(), 'the indicator of a clean draft is the same box').toEqual(flaggedBox);

    // Paused: the same box again.
    await worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), pausedUntil: Date.now() + 3_600_000 } });
    });
    await page.keyboard.type(' Bye');
    await expect.poll(async () => (await findings()).findings.length).toBe(0);
    expect(await aroundIndicator(), 'the indicator while paused is the same box').toEqual(flaggedBox);
    expect(await area(), 'hit over the composer while paused').toEqual([]);
    await done();
  } finally {
    await context.close();
  }
});

test('production build: with the shadow root closed, Tab walks the open card button by button and past its last one back to the draft', async () => {
  test.setTimeout(60_000);
  const { context, worker } = await launchWithExtension(PRODUCTION_DIR);
  try {
    const done = await routeGmail(context, NEW_MESSAGE);
    const page = await context.newPage();
    await gotoSite(page, INBOX);
    const composer = page.locator('[role="dialog"] [g_editable="true"]');
    const tabId = await tabIdOf(worker, page);
    await caretToStart(composer);
    await page.keyboard.type('Hi Robin,\nthanks for the note. Call me anytime if anything comes up.\nBest, Sam');
    await expect.poll(async () => {
      const { findings } = await worker.evaluate((t) => chrome.tabs.sendMessage(t, { kind: 'getFindings' }), tabId) as { findings: Array<{ text: string }> };
      return findings.some((f) => FLAGGED.test(f.text));
    }, { timeout: 10_000 }).toBe(true);
    await caretAfter(composer, 'Call me anytime');
    await page.keyboard.press('Alt+Enter');
    const focusIn = () => page.evaluate(() => (document.activeElement?.tagName === 'CLEARLINE-ROOT' ? 'card' : document.activeElement?.getAttribute('g_editable') ? 'draft' : document.activeElement?.tagName ?? 'none'));
    await page.keyboard.press('Tab');
    await expect.poll(focusIn).toBe('card');
    // Each further Tab moves to the card's next button; past the last, focus is back in the draft
    // (with the bug, every Tab went back to the first button and focus never left the card).
    let presses = 0;
    while ((await focusIn()) === 'card' && presses < 15) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focusIn()).toBe('draft');
    expect(presses, 'Tabs through the card\'s buttons').toBeGreaterThanOrEqual(2);
    await done();
  } finally {
    await context.close();
  }
});
