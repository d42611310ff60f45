// Behaviour suites every site composer must pass, called from tests/e2e/sites/<site>.spec.ts with
// (fixture address, composer locator). Each test reads like what a user does and sees.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Clearline, caretAfter, caretToStart, composerText, markedWords, underlineCounts, underlinedWords } from './pages/card';

// Callbacks passed to the extension's service worker run where `chrome` exists.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SiteCase {
  /** Shown in test titles, e.g. "Gmail new message". */
  name: string;
  /** Real address the fixture is served at. */
  url: string;
  /** Fixture path relative to tests/fixtures. */
  fixture: string;
  composer(page: Page): Locator;
  /** Selectors (inside the composer) whose HTML must stay byte-identical after any accept. */
  untouched?: string[];
  /** Page-specific wait after load (e.g. a late shadow root). */
  prepare?(page: Page): Promise<void>;
}

/**
 * Start each test from default settings: the browser is shared by every spec file in a worker, and
 * other files change settings (rule severities, packs, pause). Call as test.beforeEach(resetSettings).
 */
export async function resetSettings({ ext }: { ext: { worker: import('@playwright/test').Worker } }): Promise<void> {
  await ext.worker.evaluate(() => chrome.storage.local.remove('settings'));
}

/** Gmail's new-message window: the page most settings, popup and badge tests work in. */
export const GMAIL_NEW_MESSAGE: SiteCase = {
  name: 'Gmail new message',
  url: 'https://mail.google.com/mail/u/0/#inbox',
  fixture: 'sites/gmail/new-message.html',
  composer: (page) => page.locator('[role="dialog"] [g_editable="true"]'),
};

/** The draft most tests type: one availability giveaway in an otherwise ordinary reply. */
export const DRAFT = 'Hi Robin, thanks for the note. Call me anytime if anything comes up.';
export const FLAGGED = /call me any ?time/i;
const PHRASE = 'Call me anytime';

export async function openSite(page: Page, site: { serve(url: string, file: string): Promise<void> }, c: SiteCase): Promise<Clearline> {
  const url = new URL(c.url);
  await site.serve(url.origin + url.pathname + url.search, c.fixture);
  await gotoSite(page, c.url);
  const cl = new Clearline(page);
  await cl.ready();
  await c.prepare?.(page);
  return cl;
}

/**
 * page.goto, once more if the install-time options tab took over this still-blank tab (on a fresh
 * profile the background opens the options page on install and Chrome may use the blank test tab).
 */
export async function gotoSite(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url);
  } catch (e) {
    if (!/interrupted by another navigation to "chrome-extension:/.test(String(e))) throw e;
    await page.goto(url);
  }
}

/** Type the draft at the start of the composer, as a user would. */
export async function typeDraft(page: Page, composer: Locator, text = DRAFT): Promise<void> {
  await caretToStart(composer);
  await page.keyboard.type(text);
  await analysed(page, text);
}

/** Wait until the findings on the page were computed from a draft containing `text` (not a half-typed one). */
export async function analysed(page: Page, text: string): Promise<void> {
  const cl = new Clearline(page);
  await expect
    .poll(async () => (await cl.composers()).some((c) => c.text.replace(/\u00A0/g, ' ').includes(text)), {
      message: `analysis of a draft containing "${text}"`,
    })
    .toBe(true);
}

/** Insert text at the caret through the editor's input path without key events (autocorrect, a snippet tool). */
async function insertWithoutKeys(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => document.execCommand('insertText', false, t), text);
}

async function snapshot(composer: Locator, selectors: string[]): Promise<string[]> {
  return composer.evaluate(
    (root, sels) => sels.flatMap((s) => Array.from(root.querySelectorAll(s), (el) => el.outerHTML)),
    selectors,
  );
}

export function flagAndAcceptSuite(c: SiteCase): void {
  test(`${c.name}: flags "call me anytime" while the user types, and highlights it`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    expect(finding.suggestions.length).toBeGreaterThan(0);
    // Underlined where the words are, in the finding's severity style (boxes in our host, not in the editor).
    await expect.poll(async () => (await underlinedWords(composer)).filter((u) => u.severity === finding.severity).map((u) => u.text)).toContain(markedWords(finding));
    await cl.hover(composer, PHRASE);
    await expect(cl.card).toContainText(finding.message);
    await expect(cl.applyButtons().first()).toHaveAccessibleName(`Apply: ${finding.suggestions[0]}`);
    expect(await cl.applyButtons().count()).toBe(Math.min(3, finding.suggestions.length));
    // Nothing of ours went into the page's editor: underlines and card live in our host.
    expect(await composer.evaluate((el) => el.outerHTML)).not.toMatch(/clearline/i);
  });

  test(`${c.name}: Apply rewrites the words, Ctrl+Z brings them back exactly`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    const before = await composerText(composer);
    const kept = await snapshot(composer, c.untouched ?? []);
    await cl.hover(composer, PHRASE);
    await cl.applyButtons().first().click();
    await expect(cl.card).toBeHidden();
    await expect.poll(() => composerText(composer)).toContain(finding.suggestions[0]!);
    expect(await composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
    expect(await snapshot(composer, c.untouched ?? [])).toEqual(kept);
    expect(await composer.evaluate((el) => el.outerHTML)).not.toMatch(/clearline/i);
    await cl.expectNoSpan(FLAGGED);
    await composer.press('Control+z');
    await expect.poll(() => composerText(composer)).toBe(before);
    expect(await snapshot(composer, c.untouched ?? [])).toEqual(kept);
  });

  test(`${c.name}: Alt+Enter opens the card at the caret; Down, Enter applies the second rewrite`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    await page.keyboard.press('Alt+Enter');
    await expect(cl.card).toBeVisible();
    await expect(cl.card).toContainText(finding.message);
    const buttons = cl.applyButtons();
    await expect(buttons.first()).toHaveAttribute('data-active', 'true');
    const target = finding.suggestions.length > 1 ? 1 : 0;
    if (target === 1) {
      await page.keyboard.press('ArrowDown');
      await expect(buttons.nth(1)).toHaveAttribute('data-active', 'true');
    }
    await page.keyboard.press('Enter');
    await expect(cl.card).toBeHidden();
    await expect.poll(() => composerText(composer)).toContain(finding.suggestions[target]!);
    // The editor kept focus: typing goes on in the draft.
    await page.keyboard.type(' Thanks!');
    await expect.poll(() => composerText(composer)).toContain('Thanks!');
  });

  test(`${c.name}: Esc closes the card and the user keeps typing`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    await cl.waitForSpan(FLAGGED);
    await page.keyboard.press('Alt+Enter');
    await expect(cl.card).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(cl.card).toBeHidden();
    await page.keyboard.type(' Bye');
    await expect.poll(() => composerText(composer)).toContain('comes up. Bye');
  });
}

/** Decoys on the page (recipient boxes, subject, chat boxes, read-only text) are never analysed. */
export function decoysSuite(c: SiteCase, decoys: (page: Page) => Locator[]): void {
  test(`${c.name}: decoys are never flagged`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    for (const decoy of decoys(page)) {
      // Hidden decoys (Quill's clipboard) cannot be clicked; the others take focus as a user's click would.
      await decoy.click({ force: true, timeout: 2_000 }).catch(() => undefined);
      await page.keyboard.type(' call me anytime');
    }
    // A real composer next to them is flagged, which proves the script is watching.
    await typeDraft(page, c.composer(page));
    await cl.waitForSpan(FLAGGED);
    const composers = await cl.composers();
    expect(composers).toHaveLength(1);
    expect(composers[0]!.text.startsWith(DRAFT)).toBe(true);
  });
}

/** Typing before the span between opening the card and Apply: the rewrite lands on the right words. */
export function concurrencySuite(c: SiteCase): void {
  test(`${c.name}: text typed before the span while the card is open does not shift the rewrite`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    await cl.hover(composer, PHRASE);
    await expect(cl.card).toContainText(finding.message);
    // Words appear near the start while the card is still up (typing closes the card, so the text
    // changes the way an editor's autocorrect or a pasted snippet would: through the editor's input path).
    await caretAfter(composer, 'Hi Robin,');
    await insertWithoutKeys(page, ' and hello again');
    const typed = await composerText(composer);
    expect(typed).toContain('Hi Robin, and hello again thanks');
    await cl.applyButtons().first().click();
    await expect(cl.card).toBeHidden();
    await expect.poll(() => composerText(composer)).toBe(typed.replace(finding.text, finding.suggestions[0]!));
  });

  test(`${c.name}: after Apply the caret is where the user left it (before or after the words)`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer, `${DRAFT} See you.`);
    const finding = await cl.waitForSpan(FLAGGED);
    // Caret after the span: it moves with the text that follows it.
    await cl.hover(composer, PHRASE);
    await cl.applyButtons().first().click();
    await expect.poll(() => composerText(composer)).toContain(finding.suggestions[0]!);
    await page.keyboard.type('!');
    await expect.poll(() => composerText(composer)).toContain(`${finding.suggestions[0]} See you.!`);
    // Ctrl+Z twice takes back the "!" and then the rewrite, one step each.
    const original = `${DRAFT} See you.`;
    await page.keyboard.press('Control+z');
    await expect.poll(() => composerText(composer)).toContain(`${finding.suggestions[0]} See you.`);
    expect(await composerText(composer)).not.toContain('See you.!');
    await page.keyboard.press('Control+z');
    await expect.poll(() => composerText(composer)).toContain(original);
    // Caret before the span: it does not move.
    await caretAfter(composer, 'Hi Robin');
    await analysed(page, finding.text);
    await cl.hover(composer, PHRASE);
    await cl.applyButtons().first().click();
    await expect.poll(() => composerText(composer)).toContain(finding.suggestions[0]!);
    await page.keyboard.type('?');
    await expect.poll(() => composerText(composer)).toContain('Hi Robin?, thanks');
  });

  test(`${c.name}: editing inside the flagged words, then Apply, changes nothing and says why`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    await cl.waitForSpan(FLAGGED);
    await cl.hover(composer, PHRASE);
    const apply = cl.applyButtons().first();
    // "Call me anytime" becomes "Call me any time" while the card is up (not by keys: typing closes it).
    await caretAfter(composer, 'Call me any');
    await insertWithoutKeys(page, ' ');
    const edited = await composerText(composer);
    await apply.click();
    await expect(cl.card.getByRole('status')).toContainText('edited');
    expect(await composerText(composer)).toBe(edited);
    // Re-analysed: the finding now follows the edited words (or is gone), never the old offsets.
    await expect.poll(async () => (await cl.composers())[0]?.text.includes('Call me any time')).toBe(true);
  });
}

/** Ignore, Turn off this rule, the popup's requests and the toolbar badge. */
export function cardActionsSuite(c: SiteCase): void {
  test(`${c.name}: Ignore hides this occurrence for the draft and keeps the user typing`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    await cl.hover(composer, PHRASE);
    await cl.card.getByRole('button', { name: 'Ignore' }).click();
    await expect(cl.card).toBeHidden();
    await cl.expectNoSpan(FLAGGED);
    // Still ignored after more typing re-analyses the draft; the editor kept focus.
    await page.keyboard.type(' More soon.');
    await expect.poll(async () => (await cl.composers())[0]?.text.includes('comes up. More soon.')).toBe(true);
    expect((await cl.findings()).some((f) => f.key === finding.key)).toBe(false);
  });

  test(`${c.name}: Turn off this rule stops it everywhere until turned back on`, async ({ page, site, ext }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    await cl.hover(composer, PHRASE);
    await cl.card.getByRole('button', { name: 'Turn off this rule' }).click();
    await expect(cl.card).toBeHidden();
    await expect.poll(async () => (await cl.findings()).some((f) => f.rule === finding.rule && f.pack === finding.pack)).toBe(false);
    const stored = await ext.worker.evaluate(async (id) => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings: { rules: Record<string, { enabled?: boolean }> } };
      return settings.rules[id];
    }, `${finding.pack}/${finding.rule}`);
    expect(stored?.enabled).toBe(false);
    // Put it back so later tests in this browser see the default rules.
    await ext.worker.evaluate(async (id) => {
      const { settings } = (await chrome.storage.local.get('settings')) as { settings: { rules: Record<string, unknown> } };
      delete settings.rules[id];
      await chrome.storage.local.set({ settings });
    }, `${finding.pack}/${finding.rule}`);
    await cl.waitForSpan(FLAGGED);
  });

  test(`${c.name}: the popup lists the focused draft's findings and applies one; the badge counts warnings`, async ({ page, site, ext }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    const finding = await cl.waitForSpan(FLAGGED);
    const url = page.url();
    const ask = (msg: object) =>
      ext.worker.evaluate(
        async ([u, m]) => {
          const [tab] = await chrome.tabs.query({ url: (u as string).split('#')[0] + '*' });
          return chrome.tabs.sendMessage(tab!.id!, m);
        },
        [url, msg] as const,
      );
    const badge = () =>
      ext.worker.evaluate(async (u) => {
        const [tab] = await chrome.tabs.query({ url: u.split('#')[0] + '*' });
        return chrome.action.getBadgeText({ tabId: tab!.id! });
      }, url);
    const warnings = async () => (await cl.findings()).filter((f) => f.severity !== 'suggestion').length;
    await expect.poll(badge).toBe(String(await warnings()));
    const listed = (await ask({ kind: 'getFindings' })) as { composer: { label: string } | null; findings: Array<{ key: string; text: string }> };
    expect(listed.composer).not.toBeNull();
    const view = listed.findings.find((f) => f.key === finding.key);
    expect(view?.text).toBe(finding.text);
    const before = await composerText(composer);
    const applied = (await ask({ kind: 'applySuggestion', key: finding.key, suggestion: 0 })) as { ok: boolean; error?: string };
    expect(applied).toEqual({ ok: true });
    await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
    await expect.poll(badge).toBe(String(await warnings() || ''));
    const stale = (await ask({ kind: 'applySuggestion', key: finding.key, suggestion: 0 })) as { ok: boolean; error?: string };
    expect(stale.ok).toBe(false);
    expect(stale.error).toBeTruthy();
  });
}

/** Pausing hides every underline and the card at once; resuming brings them back. */
export function pauseSuite(c: SiteCase): void {
  test(`${c.name}: pausing Clearline hides underlines and the card; resuming shows them again`, async ({ page, site, ext }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer);
    await cl.waitForSpan(FLAGGED);
    await cl.hover(composer, PHRASE);
    const setPause = (until: number) =>
      ext.worker.evaluate(async (u) => {
        // Missing sections fall back to their defaults when the settings are read.
        const { settings } = (await chrome.storage.local.get('settings')) as { settings?: { pausedUntil: number } };
        await chrome.storage.local.set({ settings: { ...(settings ?? {}), pausedUntil: u } });
      }, until);
    await setPause(Date.now() + 60 * 60 * 1000);
    await expect(cl.card).toBeHidden();
    await expect.poll(async () => (await cl.composers())[0]?.paused).toBe(true);
    expect(await cl.findings()).toEqual([]);
    await expect.poll(async () => Object.values(await underlineCounts(page)).reduce((a, b) => a + b, 0)).toBe(0);
    await setPause(0);
    await cl.waitForSpan(FLAGGED);
  });
}

/** A reply that grants weekend work without stating hours: the marker offers the user's statement. */
export function missingStatementSuite(c: SiteCase): void {
  test(`${c.name}: a reply granting weekend work without hours gets "Insert boundary statement"; Ctrl+Z takes it out`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer, 'Of course, I can look at the files over the weekend and send them Sunday night.');
    const missing = await cl.waitForMissing();
    const kept = await snapshot(composer, c.untouched ?? []);
    await cl.openMarker();
    const insert = cl.card.getByRole('button', { name: 'Insert boundary statement' });
    await expect(cl.card).toContainText(missing.suggestions[0]!);
    await insert.click();
    await expect(cl.card).toBeHidden();
    await expect.poll(() => composerText(composer)).toContain(missing.suggestions[0]!);
    expect(await composerText(composer)).toContain('Sunday night.');
    expect(await snapshot(composer, c.untouched ?? [])).toEqual(kept);
    await expect.poll(async () => (await cl.findings()).some((f) => f.key === missing.key)).toBe(false);
    await composer.press('Control+z');
    await expect.poll(() => composerText(composer)).not.toContain(missing.suggestions[0]!);
    expect(await snapshot(composer, c.untouched ?? [])).toEqual(kept);
  });
}

/** Two rewrites, then two Ctrl+Z: undone one at a time, newest first. */
export function undoOrderSuite(c: SiteCase): void {
  test(`${c.name}: two accepts, then two Ctrl+Z undo them in reverse order`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer, 'Call me anytime this week. Next week, call me anytime too.');
    const original = await composerText(composer);
    await expect.poll(async () => (await cl.findings()).filter((f) => FLAGGED.test(f.text)).length).toBe(2);
    const [first] = (await cl.findings()).filter((f) => FLAGGED.test(f.text)).sort((a, b) => a.start - b.start);
    await cl.hover(composer, 'Call me anytime');
    await cl.applyButtons().first().click();
    await expect.poll(() => composerText(composer)).toBe(original.replace(first!.text, first!.suggestions[0]!));
    const afterOne = await composerText(composer);
    const second = await cl.waitForSpan(/call me anytime/);
    await cl.hover(composer, 'call me anytime');
    await cl.applyButtons().first().click();
    await expect.poll(() => composerText(composer)).toBe(afterOne.replace(second.text, second.suggestions[0]!));
    await composer.press('Control+z');
    await expect.poll(() => composerText(composer)).toBe(afterOne);
    await composer.press('Control+z');
    await expect.poll(() => composerText(composer)).toBe(original);
  });
}

/** Surrogate pairs, skin tones, ZWJ sequences and a bold run around the span keep offsets exact. */
export function emojiAndBoldSuite(c: SiteCase): void {
  test(`${c.name}: emoji before the span and bold inside it; the rewrite lands exactly`, async ({ page, site }) => {
    const cl = await openSite(page, site, c);
    const composer = c.composer(page);
    await typeDraft(page, composer, 'Great news 👍🏽 😀 👨‍👩‍👧 🇫🇷. Sure, ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('call me');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' anytime if anything comes up.');
    await analysed(page, 'Sure, call me anytime if anything comes up.');
    await expect(composer.locator('b, strong, [style*="bold"]').first()).toHaveText('call me');
    const finding = await cl.waitForSpan(FLAGGED);
    expect(finding.text).toBe('Sure, call me anytime if anything comes up.');
    const before = await composerText(composer);
    await cl.hover(composer, 'anytime');
    await cl.applyButtons().first().click();
    await expect.poll(() => composerText(composer)).toBe(before.replace(finding.text, finding.suggestions[0]!));
    expect((await composerText(composer)).startsWith('Great news 👍🏽 😀 👨‍👩‍👧 🇫🇷. ')).toBe(true);
    await composer.press('Control+z');
    await expect.poll(() => composerText(composer)).toBe(before);
  });
}
