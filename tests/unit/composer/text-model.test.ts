// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readModel, OBJECT_CHAR } from '../../../lib/composer/text-model';
import { gmail } from '../../../lib/composer/sites/gmail';
import { outlook } from '../../../lib/composer/sites/outlook';

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<div contenteditable="true" id="ed">${html}</div>`;
  return document.getElementById('ed')!;
}

describe('text model', () => {
  test.each([
    ['bare text', 'Hello there', 'Hello there'],
    ['Gmail lines with an empty line', 'Hi Ann,<div><br></div><div>Thanks</div>', 'Hi Ann,\n\nThanks'],
    ['paragraphs', '<p>Hi</p><p><br></p><p>Ok</p>', 'Hi\n\nOk'],
    ['br inside a block', '<div>one<br>two</div>', 'one\ntwo'],
    ['trailing br draws nothing', '<div>one<br></div><div>two</div>', 'one\ntwo'],
    ['empty first line', '<p><br></p><p>Hello</p>', '\nHello'],
    ['ProseMirror trailing break', '<p>Hi</p><p><br class="ProseMirror-trailingBreak"></p>', 'Hi\n'],
    ['emoji image is one object char', 'Thanks <img alt="x"> see', `Thanks ${OBJECT_CHAR} see`],
    ['NBSP kept as one unit', 'a\u00A0 b', 'a  b'],
    ['bold inside a line', 'I <b>just</b> need', 'I just need'],
    ['indentation between blocks', '\n  <div>a</div>\n  <div>b</div>\n', 'a\nb'],
  ])('%s', (_name, html, expected) => {
    expect(readModel(editor(html)).text).toBe(expected);
  });

  test('skips the Gmail signature and quote', () => {
    const root = editor(
      'Hi<div>call me<br clear="all"><div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature">Sam 24/7</div></div></div><div class="gmail_quote"><blockquote>old</blockquote></div>',
    );
    const model = readModel(root, gmail);
    expect(model.text).not.toContain('24/7');
    expect(model.text).not.toContain('old');
    expect(model.text.startsWith('Hi\ncall me')).toBe(true);
    expect(model.excluded.length).toBeGreaterThan(0);
  });

  test('skips Outlook history from #appendonsend on', () => {
    const root = editor('<div>Hello</div><div id="Signature">Sig</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg">From</div><div>older text</div>');
    expect(readModel(root, outlook).text).toBe('Hello');
  });

  test('rangeFor covers exactly the span across inline formatting', () => {
    const root = editor('<div>Sorry, I <b>just</b> need it</div>');
    const model = readModel(root);
    const start = model.text.indexOf('just need');
    const range = model.rangeFor(start, start + 'just need'.length)!;
    expect(range.toString()).toBe('just need');
  });

  test('rangeFor after an emoji image and a surrogate pair', () => {
    const root = editor('<div>👍🏽 ok <img alt="e"> call me anytime</div>');
    const model = readModel(root);
    const start = model.text.indexOf('call me');
    expect(model.rangeFor(start, start + 7)!.toString()).toBe('call me');
  });

  test('offsetOf maps a caret back', () => {
    const root = editor('Hi<div>there you</div>');
    const model = readModel(root);
    const text = root.querySelector('div')!.firstChild!;
    expect(model.offsetOf(text, 5)).toBe(model.text.indexOf('there') + 5);
  });

  test('textarea model is its value', () => {
    document.body.innerHTML = '<textarea id="t">a\nb</textarea>';
    const ta = document.getElementById('t') as HTMLTextAreaElement;
    const model = readModel(ta);
    expect(model.text).toBe('a\nb');
    expect(model.rangeFor(0, 1)).toBeNull();
  });
});
