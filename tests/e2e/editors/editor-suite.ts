// Behaviour suite every real-editor page must pass with the built extension: flag while typing,
// accept from the card, Ctrl+Z, two accepts and two undos, model = DOM, emoji and bold around the span.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { resetSettings } from '../suites';
import { Clearline, markedWords, phraseBox, type HookFinding } from '../pages/card';
import { composerLocator, DRAFT, domText, model, openEditor, type EditorPage } from './editor-page';

/** The availability phrase on line 2 of every page (after a skin-toned emoji; "anytime" bold). */
export const FLAGGED = /call me any ?time/i;
/** A second giveaway the user types on a new line (our own wording). */
export const TYPED = 'Text me whenever you like, my phone is always on.';

export interface EditorCase {
  editor: EditorPage;
  /** Milliseconds within which the editor's history merges two changes into one undo step. */
  mergeWindowMs?: number;
  /** Cases this editor is known to fail, with the reason (test.fail keeps them visible). */
  knownFailures?: Partial<Record<'undo' | 'twoUndos', string>>;
  /** Why the whole suite cannot run yet (test.fixme), e.g. the site adapter does not take this field. */
  pending?: string;
  /** Accept cases that cannot pass reliably yet, with the reason (test.fixme: skipped, listed). */
  acceptPending?: string;
}

async function open(page: Page, site: Parameters<typeof openEditor>[1], editor: EditorPage): Promise<Clearline> {
  await openEditor(page, site, editor);
  const cl = new Clearline(page);
  await cl.ready();
  return cl;
}

/**
 * Let the page handle what the browser queued: selectionchange is delivered as a task after a
 * caret move, and editors (Lexical, ProseMirror, Quill, Draft) sync their selection from it.
 * A person never types within the same millisecond as Ctrl+End; Playwright does.
 */
async function eventsDelivered(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Put the caret at the end of the draft, as a user clicking into it would, and type. */
async function typeAtEnd(page: Page, composer: Locator, text: string): Promise<void> {
  await composer.click();
  await page.keyboard.press('Control+End');
  await eventsDelivered(page);
  await page.keyboard.type(text);
}

/**
 * Open the card on the flagged words: hover them, or (keyboard, and always in a textarea, whose
 * text has no DOM nodes to hover) put the caret inside them and press Alt+Enter.
 */
async function openCardOn(
  page: Page,
  cl: Clearline,
  composer: Locator,
  editor: EditorPage,
  phrase: string,
  how: 'hover' | 'keyboard' = 'hover',
): Promise<void> {
  if (how === 'keyboard' && editor !== 'textarea') {
    const box = await phraseBox(composer, phrase);
    await page.mouse.click(box.x + 4, box.y + box.height / 2);
    await eventsDelivered(page);
    await page.keyboard.press('Alt+Enter');
    await expect(cl.card).toBeVisible();
    return;
  }
  if (editor === 'textarea') {
    await composer.evaluate((el, p) => {
      const ta = el as HTMLTextAreaElement;
      ta.focus();
      const at = ta.value.indexOf(p) + 2;
      ta.setSelectionRange(at, at);
    }, phrase);
    await page.keyboard.press('Alt+Enter');
    await expect(cl.card).toBeVisible();
    return;
  }
  await cl.hover(composer, phrase);
}

async function applyFirst(page: Page, cl: Clearline, composer: Locator, editor: EditorPage, finding: HookFinding): Promise<void> {
  await openCardOn(page, cl, composer, editor, markedWords(finding));
  await expect(cl.applyButtons().first()).toHaveAccessibleName(`Apply: ${finding.suggestions[0]}`);
  if (editor === 'textarea') await page.keyboard.press('Enter');
  else await cl.applyButtons().first().click();
  await expect(cl.card).toBeHidden();
}

/** The editor's own model and its DOM both read `expected`, the replacement appearing once. */
async function expectText(page: Page, expected: string): Promise<void> {
  await expect.poll(() => model(page), { message: "the editor library's own model" }).toBe(expected);
  expect(await domText(page), 'the DOM text').toBe(expected);
}

async function pastMergeWindow(page: Page, ms: number | undefined): Promise<void> {
  if (!ms) return;
  // The editor's documented history merge window, not a guess at timing (see strategies.spec.ts).
  const until = (await page.evaluate(() => performance.now())) + ms + 50;
  await page.waitForFunction((t) => performance.now() > t, until);
}

/** The bold word "anytime" is still a separate bold run inside the flagged sentence. */
async function expectBoldInSpan(composer: Locator): Promise<void> {
  const bold = await composer.evaluate((root) =>
    Array.from(root.querySelectorAll('strong, b, [style*="font-weight"]'), (el) => el.textContent),
  );
  expect(bold).toContain('anytime');
}

export function editorSuite(c: EditorCase): void {
  const { editor } = c;
  test.beforeEach(() => {
    test.fixme(!!c.pending, c.pending);
  });
  // The browser is shared with other spec files (badge, options) that change settings.
  test.beforeEach(resetSettings);

  test(`${editor}: flags a giveaway as the user types it, and nothing in the decoys`, async ({ page, site }) => {
    const cl = await open(page, site, editor);
    const composer = composerLocator(page, editor);
    await typeAtEnd(page, composer, `\n${TYPED}`);
    const finding = await cl.waitForSpan(/text me whenever/i);
    expect(finding.suggestions.length).toBeGreaterThan(0);
    // Only the editor is a composer: not the search box, the post text, the read-only box, .ql-clipboard.
    await expect.poll(async () => (await cl.composers()).map((x) => x.text.replace(/\n+/g, '\n'))).toEqual([`${DRAFT}\n${TYPED}`]);
  });

  test(`${editor}: Apply rewrites the span after an emoji (partly bold where the editor has bold); the model matches; Ctrl+Z restores exactly`, async ({ page, site }) => {
    test.fixme(!!c.acceptPending, c.acceptPending);
    if (c.knownFailures?.undo) test.fail(true, c.knownFailures.undo);
    const cl = await open(page, site, editor);
    const composer = composerLocator(page, editor);
    await composer.click();
    const finding = await cl.waitForSpan(FLAGGED);
    const suggestion = finding.suggestions[0]!;
    if (editor !== 'textarea') await expectBoldInSpan(composer);
    await applyFirst(page, cl, composer, editor, finding);
    const after = DRAFT.replace(finding.text, suggestion);
    await expectText(page, after);
    expect(after.split(suggestion)).toHaveLength(2);
    await cl.expectNoSpan(FLAGGED);
    await page.keyboard.press('Control+z');
    await expectText(page, DRAFT);
  });

  test(`${editor}: two accepts, then two Ctrl+Z undo them in reverse order`, async ({ page, site }) => {
    test.fixme(!!c.acceptPending, c.acceptPending);
    if (c.knownFailures?.twoUndos) test.fail(true, c.knownFailures.twoUndos);
    const cl = await open(page, site, editor);
    const composer = composerLocator(page, editor);
    // A second giveaway typed by the user on a new line.
    await typeAtEnd(page, composer, `\n${TYPED}`);
    const typed = await domText(page);
    const first = await cl.waitForSpan(FLAGGED);
    // Otherwise Quill files the accept in the same undo step as the typing just before it.
    await pastMergeWindow(page, c.mergeWindowMs);
    await applyFirst(page, cl, composer, editor, first);
    const afterFirst = typed.replace(first.text, first.suggestions[0]!);
    await expectText(page, afterFirst);
    await pastMergeWindow(page, c.mergeWindowMs);
    const second = await cl.waitForSpan(/text me whenever/i);
    await applyFirst(page, cl, composer, editor, second);
    const afterSecond = afterFirst.replace(second.text, second.suggestions[0]!);
    await expectText(page, afterSecond);
    await page.keyboard.press('Control+z');
    await expectText(page, afterFirst);
    await page.keyboard.press('Control+z');
    await expectText(page, typed);
  });

  test(`${editor}: Alt+Enter at the caret, Enter applies; the user types on right after the rewrite`, async ({ page, site }) => {
    test.fixme(!!c.acceptPending, c.acceptPending);
    const cl = await open(page, site, editor);
    const composer = composerLocator(page, editor);
    await composer.click();
    const finding = await cl.waitForSpan(FLAGGED);
    // Put the caret inside the flagged words (a click there; in a textarea, the field's selection).
    await openCardOn(page, cl, composer, editor, markedWords(finding), 'keyboard');
    await page.keyboard.press('Enter');
    await expect(cl.card).toBeHidden();
    const rewritten = DRAFT.replace(finding.text, finding.suggestions[0]!);
    await expectText(page, rewritten);
    // The caret was inside the replaced words, so it sits at the end of the rewrite; the editor
    // (its model too: Draft, Lexical, Slate) keeps taking keys there.
    await eventsDelivered(page);
    await page.keyboard.type(' Thanks');
    await expectText(page, DRAFT.replace(finding.text, `${finding.suggestions[0]!} Thanks`));
  });

  test(`${editor}: words typed on an earlier line while the card is open do not shift the rewrite`, async ({ page, site }) => {
    test.fixme(!!c.acceptPending, c.acceptPending);
    const cl = await open(page, site, editor);
    const composer = composerLocator(page, editor);
    await composer.click();
    const finding = await cl.waitForSpan(FLAGGED);
    await openCardOn(page, cl, composer, editor, markedWords(finding));
    // The user goes back to the greeting line and adds words, then returns to the card.
    if (editor === 'textarea') {
      await composer.evaluate((el) => {
        const ta = el as HTMLTextAreaElement;
        const at = ta.value.indexOf('\n');
        ta.setSelectionRange(at, at);
      });
    } else {
      const box = await phraseBox(composer, 'Hi Morgan');
      await page.mouse.click(box.x + 4, box.y + box.height / 2);
      await page.keyboard.press('End');
    }
    await eventsDelivered(page);
    await page.keyboard.type(' and team');
    const [greeting] = DRAFT.split('\n');
    const typed = DRAFT.replace(greeting!, `${greeting} and team`);
    await expect.poll(() => model(page)).toBe(typed);
    await pastMergeWindow(page, c.mergeWindowMs);
    await applyFirst(page, cl, composer, editor, finding);
    await expectText(page, typed.replace(finding.text, finding.suggestions[0]!));
  });
}
