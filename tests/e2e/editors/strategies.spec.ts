// Each editor's replacement strategy on the real library, driven from an isolated world without the
// extension: the evidence behind the table in lib/composer/replace/index.ts.
import { chromium, type Worker } from '@playwright/test';
import { test as base, expect, CHROMIUM } from '../fixtures';
import { composerLocator, DRAFT, EDITORS, model, domText, openEditor } from './editor-page';
import { isolatedProbe } from './probe';

// Same routing and stray-request guard as every e2e test, but a browser without the extension,
// so only the strategy under test touches the editor.
const test = base.extend({
  ext: [
    async ({}, use) => {
      const context = await chromium.launchPersistentContext('', {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
      await use({ context, worker: undefined as unknown as Worker, extensionId: '' });
      await context.close();
    },
    { scope: 'worker' },
  ],
});

const SPAN1 = 'call me anytime'; // "anytime" is bold where the editor supports bold
const NEW1 = 'reach me during my working hours';
const SPAN2 = 'throw in the extra pages for free';
const NEW2 = 'quote the extra pages separately';
const AFTER1 = DRAFT.replace(SPAN1, NEW1);
const AFTER2 = AFTER1.replace(SPAN2, NEW2);

/**
 * Quill's History merges changes less than `delay` (1000 ms) apart into one undo step, typing and
 * accepts alike; a user accepting two rewrites within a second gets both undone by one Ctrl+Z.
 * Waiting out that window is the editor's documented behaviour, not a guess at timing.
 */
const MERGE_WINDOW_MS: Partial<Record<string, number>> = { quill1: 1000, 'quill1-light': 1000, quill2: 1000 };

async function pastMergeWindow(page: import('@playwright/test').Page, editor: string): Promise<void> {
  const ms = MERGE_WINDOW_MS[editor];
  if (!ms) return;
  const until = (await page.evaluate(() => performance.now())) + ms + 50;
  await page.waitForFunction((t) => performance.now() > t, until);
}

const EXPECTED_KIND: Record<string, string> = {
  contenteditable: 'contenteditable',
  quill1: 'quill1',
  'quill1-light': 'quill1',
  quill2: 'quill2',
  lexical: 'lexical',
  slate: 'slate',
  prosemirror: 'prosemirror',
  draft: 'draft',
  textarea: 'textarea',
};

for (const editor of EDITORS) {
  test.describe(`${editor} strategy`, () => {
    test.beforeEach(async ({ page, site }) => {
      await openEditor(page, site, editor);
      expect(await model(page)).toBe(DRAFT);
    });

    test('replaces a partly bold span after an emoji; model and DOM agree, text appears once', async ({ page }) => {
      const probe = await isolatedProbe(page);
      expect(await probe.isolated()).toBe(true);
      const result = await probe.replace(SPAN1, NEW1);
      expect(result).toMatchObject({ kind: EXPECTED_KIND[editor], ok: true });
      await expect.poll(() => model(page)).toBe(AFTER1);
      // The editor renders the model into the DOM a moment later (Slate re-renders asynchronously).
      await expect.poll(() => domText(page)).toBe(AFTER1);
    });

    test('replaces while the caret is in the editor (the usual case: the user was typing)', async ({ page }) => {
      await composerLocator(page, editor).click();
      await page.keyboard.press('Control+End');
      const probe = await isolatedProbe(page);
      expect(await probe.replace(SPAN2, NEW2)).toMatchObject({ ok: true });
      await expect.poll(() => model(page)).toBe(DRAFT.replace(SPAN2, NEW2));
      // The editor renders the model into the DOM a moment later (Slate re-renders asynchronously).
      await expect.poll(() => domText(page)).toBe(DRAFT.replace(SPAN2, NEW2));
      await page.keyboard.press('Control+z');
      await expect.poll(() => model(page)).toBe(DRAFT);
    });

    test('Ctrl+Z after the replace restores the original exactly', async ({ page }) => {
      // Known limitation, Quill 1.3.7 unpatched inside a shadow root: Quill's keyboard module ignores
      // keys there (hasFocus() compares document.activeElement, which is the shadow host), so Ctrl+Z
      // is the browser's native undo; after the span's <strong> was removed Quill merges the text
      // nodes around it, and native undo cannot re-insert the bold word ("call me , even").
      // Plain spans undo correctly (see the caret test); the light-DOM page passes this case.
      test.fail(editor === 'quill1', 'Quill 1 in a shadow root: native undo cannot restore a removed bold node');
      const probe = await isolatedProbe(page);
      await probe.replace(SPAN1, NEW1);
      await expect.poll(() => model(page)).toBe(AFTER1);
      await page.keyboard.press('Control+z');
      await expect.poll(() => model(page)).toBe(DRAFT);
      // The editor renders the model into the DOM a moment later (Slate re-renders asynchronously).
      await expect.poll(() => domText(page)).toBe(DRAFT);
    });

    test('two replaces, then two Ctrl+Z undo them in reverse order', async ({ page }) => {
      test.fail(editor === 'quill1', 'Quill 1 in a shadow root: native undo cannot restore a removed bold node');
      const probe = await isolatedProbe(page);
      await probe.replace(SPAN1, NEW1);
      await expect.poll(() => model(page)).toBe(AFTER1);
      await pastMergeWindow(page, editor);
      await probe.replace(SPAN2, NEW2);
      await expect.poll(() => model(page)).toBe(AFTER2);
      await page.keyboard.press('Control+z');
      await expect.poll(() => model(page)).toBe(AFTER1);
      await page.keyboard.press('Control+z');
      await expect.poll(() => model(page)).toBe(DRAFT);
      // The editor renders the model into the DOM a moment later (Slate re-renders asynchronously).
      await expect.poll(() => domText(page)).toBe(DRAFT);
    });

    test('a replace right after typing is its own undo step (composers.md §7 case 3)', async ({ page }) => {
      test.fail(!!MERGE_WINDOW_MS[editor], "Quill's History files edits less than 1 s apart as one undo step");
      await composerLocator(page, editor).click();
      await page.keyboard.press('Control+End');
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      await page.keyboard.type('!');
      const typed = `${DRAFT}!`;
      await expect.poll(() => model(page)).toBe(typed);
      const probe = await isolatedProbe(page);
      expect(await probe.replace(SPAN1, NEW1)).toMatchObject({ ok: true });
      await expect.poll(() => model(page)).toBe(typed.replace(SPAN1, NEW1));
      await page.keyboard.press('Control+z');
      await expect.poll(() => model(page)).toBe(typed);
    });

    test("the strategy's own undo rolls the replace back", async ({ page }) => {
      const probe = await isolatedProbe(page);
      await probe.replace(SPAN2, NEW2);
      await expect.poll(() => model(page)).toBe(DRAFT.replace(SPAN2, NEW2));
      expect(await probe.undo()).toMatchObject({ ok: true });
      await expect.poll(() => model(page)).toBe(DRAFT);
      // The editor renders the model into the DOM a moment later (Slate re-renders asynchronously).
      await expect.poll(() => domText(page)).toBe(DRAFT);
    });

    test('an empty replacement deletes the span', async ({ page }) => {
      const probe = await isolatedProbe(page);
      const result = await probe.replace(' even at midnight', '');
      expect(result.ok).toBe(true);
      const expected = DRAFT.replace(' even at midnight', '');
      await expect.poll(() => model(page)).toBe(expected);
      // The editor renders the model into the DOM a moment later (Slate re-renders asynchronously).
      await expect.poll(() => domText(page)).toBe(expected);
    });
  });
}
