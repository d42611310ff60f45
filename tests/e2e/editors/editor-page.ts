// Opens a real-editor fixture page at its LinkedIn address (where the content script runs) and
// reads the editor library's own model through the page globals the fixture exposes.
import type { Page } from '@playwright/test';
import type { Site } from '../fixtures';

export const EDITORS = ['contenteditable', 'quill1', 'quill1-light', 'quill2', 'lexical', 'slate', 'prosemirror', 'draft', 'textarea'] as const;
export type EditorPage = (typeof EDITORS)[number];

export const FIXTURE_BASE = 'https://www.linkedin.com/clearline-fixtures/editors/';

/** The draft every page starts with (mirror of tests/fixtures/editors/src/_shared.ts). */
export const DRAFT_LINES = [
  'Hi Morgan \u{1F44B}\u{1F3FD},',
  // Skin tone, a ZWJ family and a flag before the span: offsets must survive multi-unit graphemes.
  'Sure thing \u{1F44D}\u{1F3FD} \u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u{1F1EB}\u{1F1F7}! Feel free to call me anytime, even at midnight.',
  "I'll throw in the extra pages for free.",
] as const;
export const DRAFT = DRAFT_LINES.join('\n');

export function editorUrl(editor: EditorPage): string {
  return `${FIXTURE_BASE}${editor}.html`;
}

export async function openEditor(page: Page, site: Site, editor: EditorPage): Promise<void> {
  await site.serve(editorUrl(editor), `editors/${editor}.html`);
  await site.serve(`${FIXTURE_BASE}dist/${editor}.js`, `editors/dist/${editor}.js`);
  await page.goto(editorUrl(editor));
  await page.waitForFunction(() => window.__ready === true);
}

/** The editor library's own text (blocks joined by "\n"). */
export function model(page: Page): Promise<string> {
  return page.evaluate(() => window.__model!());
}

/** The editable's DOM text with the same block convention. */
export function domText(page: Page): Promise<string> {
  return page.evaluate(() => window.__dom!());
}

/** The composer element, through open shadow roots (Playwright's CSS engine pierces them). */
export function composerLocator(page: Page, editor: EditorPage) {
  return editor === 'textarea'
    ? page.locator('textarea')
    : page.locator('[contenteditable="true"][role="textbox"]:not(.ql-clipboard)');
}
