// @vitest-environment happy-dom
// editorKind reads only DOM markers the libraries write; the table picks exactly one strategy per kind.
import { describe, expect, test } from 'vitest';
import { editorKind, getDraftRoot, getQuillRoot, isQuill1 } from '../../../lib/composer/editors';
import { STRATEGIES, strategyFor } from '../../../lib/composer/replace/index';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.querySelector<HTMLElement>('[data-root]')!;
}

describe('editorKind', () => {
  test.each([
    ['a textarea', '<textarea data-root></textarea>', 'textarea'],
    ['a text input', '<input data-root type="text">', 'textarea'],
    ['a Lexical root', '<div data-root contenteditable="true" data-lexical-editor="true"><p></p></div>', 'lexical'],
    ['a Slate root', '<div data-root contenteditable="true" data-slate-editor="true"></div>', 'slate'],
    [
      'Quill 1 (container holds div.ql-clipboard)',
      '<div class="ql-container"><div class="ql-editor" data-root contenteditable="true"><p>x</p></div><div class="ql-clipboard" contenteditable="true" tabindex="-1"></div></div>',
      'quill1',
    ],
    [
      'Quill 2 (no clipboard element)',
      '<div class="ql-container"><div class="ql-editor" data-root contenteditable="true"><p>x</p></div></div>',
      'quill2',
    ],
    ['ProseMirror', '<div class="ProseMirror" data-root contenteditable="true"><p>x</p></div>', 'prosemirror'],
    ['TipTap (tiptap ProseMirror)', '<div class="tiptap ProseMirror" data-root contenteditable="true"></div>', 'prosemirror'],
    [
      'Draft.js',
      '<div class="DraftEditor-root"><div class="DraftEditor-editorContainer"><div class="notranslate public-DraftEditor-content" data-root contenteditable="true" role="textbox"></div></div></div>',
      'draft',
    ],
    ['Gmail-like plain contenteditable', '<div data-root contenteditable="true" g_editable="true" role="textbox">Hi</div>', 'contenteditable'],
    ['a .ql-editor outside a .ql-container', '<div class="ql-editor" data-root contenteditable="true"></div>', 'contenteditable'],
  ])('%s → %s', (_name, html, kind) => {
    expect(editorKind(mount(html))).toBe(kind);
  });

  test('works for a composer inside an open shadow root', () => {
    document.body.innerHTML = '<div id="interop-outlet"></div>';
    const shadow = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<div class="ql-container"><div class="ql-editor" contenteditable="true" role="textbox"><p>x</p></div><div class="ql-clipboard" contenteditable="true"></div></div>';
    expect(editorKind(shadow.querySelector<HTMLElement>('.ql-editor')!)).toBe('quill1');
  });

  test('predicates return the root from an element inside it', () => {
    const root = mount(
      '<div class="ql-container"><div class="ql-editor" data-root contenteditable="true"><p><strong id="in">x</strong></p></div></div>',
    );
    expect(getQuillRoot(document.getElementById('in')!)).toBe(root);
    expect(isQuill1(root)).toBe(false);
    expect(getDraftRoot(root)).toBeNull();
  });
});

describe('strategyFor', () => {
  test.each([
    ['<textarea data-root></textarea>', 'textarea execCommand insertText'],
    ['<div data-root contenteditable="true">x</div>', 'execCommand insertText'],
    ['<div data-root contenteditable="true" data-lexical-editor="true"></div>', 'beforeinput insertReplacementText'],
    [
      '<div class="DraftEditor-root"><div class="public-DraftEditor-content" data-root contenteditable="true"></div></div>',
      'Draft.js textInput',
    ],
  ])('%s uses "%s"', (html, name) => {
    expect(strategyFor(mount(html)).name).toBe(name);
  });

  test('every editor kind has a strategy, and every strategy says whether Ctrl+Z restores', () => {
    for (const strategy of Object.values(STRATEGIES)) {
      expect(typeof strategy.replace).toBe('function');
      expect(typeof strategy.undoable).toBe('boolean');
    }
  });
});
