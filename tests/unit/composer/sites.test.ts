// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { adapterFor, generic, gmail, linkedin, outlook } from '../../../lib/composer/sites/index';
import { editingHost } from '../../../lib/composer/sites/common';
import type { SiteAdapter } from '../../../lib/composer/sites/types';
import { useLayoutFromStyles } from './layout';

useLayoutFromStyles();

function pick(html: string, selector: string): HTMLElement {
  document.body.className = '';
  document.body.innerHTML = html;
  return document.querySelector<HTMLElement>(selector)!;
}

const GMAIL_BODY = '<div id="b" g_editable="true" role="textbox" contenteditable="true">Hi</div>';

describe('adapterFor picks by hostname', () => {
  test.each([
    ['mail.google.com', gmail],
    ['www.linkedin.com', linkedin],
    ['outlook.office.com', outlook],
    ['outlook.live.com', outlook],
    ['outlook.office365.com', outlook],
    ['app.example.com', generic],
    ['mail.google.com.evil.example', generic],
  ] as Array<[string, SiteAdapter]>)('%s', (host, adapter) => {
    expect(adapterFor(host)).toBe(adapter);
  });
});

describe('Gmail', () => {
  describe('is a composer', () => {
    test.each([
      ['new-message mole', `<div role="dialog"><div class="M9">${GMAIL_BODY}</div></div>`],
      ['inline reply', `<div class="AO"><div class="M9">${GMAIL_BODY}</div></div>`],
      ['full screen', `<div class="aSs"><div class="aSt">${GMAIL_BODY}</div></div>`],
      ['localised label', `<div role="dialog"><div id="b" g_editable="true" aria-label="Cuerpo del mensaje" contenteditable="true">Hola</div></div>`],
    ])('%s', (_n, html) => {
      expect(gmail.isComposer(pick(html, '#b'))).toBe(true);
    });
    test('pop-out window', () => {
      const el = pick(`<div role="main">${GMAIL_BODY}</div>`, '#b');
      document.body.className = 'xE xp';
      expect(gmail.isComposer(el)).toBe(true);
    });
  });
  describe('is not a composer', () => {
    test.each([
      ['Google-Chat g_editable box', GMAIL_BODY],
      ['read-only', `<div role="dialog"><div id="b" g_editable="true" aria-readonly="true" contenteditable="true">x</div></div>`],
      ['no g_editable', `<div role="dialog"><div id="b" contenteditable="true">x</div></div>`],
    ])('%s', (_n, html) => {
      expect(gmail.isComposer(pick(html, '#b'))).toBe(false);
    });
  });
  test.each(['gmail_signature', 'gmail_quote', 'gmail_quote_container', 'gmail_signature_prefix'])('excludes .%s', (cls) => {
    expect(gmail.isExcluded(pick(`<div class="${cls}" id="x"></div>`, '#x'))).toBe(true);
  });
  test('excludes blockquote and the data-smartmail signature', () => {
    expect(gmail.isExcluded(pick('<blockquote id="x"></blockquote>', '#x'))).toBe(true);
    expect(gmail.isExcluded(pick('<div data-smartmail="gmail_signature" id="x"></div>', '#x'))).toBe(true);
    expect(gmail.isExcluded(pick('<div id="x"></div>', '#x'))).toBe(false);
  });
});

describe('Outlook', () => {
  test('the body is a composer, the To well is not', () => {
    expect(outlook.isComposer(pick('<div id="b" role="textbox" aria-multiline="true" contenteditable="true">x</div>', '#b'))).toBe(true);
    expect(outlook.isComposer(pick('<div id="b" role="textbox" aria-label="To" contenteditable="true">x</div>', '#b'))).toBe(false);
  });
  test('excludes the signature, the reply header, and everything from #appendonsend on', () => {
    expect(outlook.isExcluded(pick('<div id="Signature"></div>', '#Signature'))).toBe(true);
    expect(outlook.isExcluded(pick('<div id="Signature_1"></div>', '#Signature_1'))).toBe(true);
    expect(outlook.isExcluded(pick('<div id="divRplyFwdMsg"></div>', '#divRplyFwdMsg'))).toBe(true);
    expect(outlook.excludesRest!(pick('<div id="appendonsend"></div>', '#appendonsend'))).toBe(true);
  });
});

describe('LinkedIn', () => {
  test.each([
    ['messaging', '<div id="b" class="msg-form__contenteditable" contenteditable="true" role="textbox"><p>x</p></div>'],
    ['Quill post', '<div class="ql-container"><div id="b" class="ql-editor" contenteditable="true"><p>x</p></div></div>'],
    ['ProseMirror comment', '<div id="b" class="tiptap ProseMirror" contenteditable="true" role="textbox"><p>x</p></div>'],
  ])('%s is a composer', (_n, html) => {
    expect(linkedin.isComposer(pick(html, '#b'))).toBe(true);
  });
  test('Quill clipboard is not', () => {
    expect(linkedin.isComposer(pick('<div id="b" class="ql-clipboard" contenteditable="true" role="textbox">x</div>', '#b'))).toBe(false);
  });
});

describe('generic', () => {
  test('textarea and contenteditable are composers; disabled, read-only and comboboxes are not', () => {
    expect(generic.isComposer(pick('<textarea id="b"></textarea>', '#b'))).toBe(true);
    expect(generic.isComposer(pick('<div id="b" contenteditable="true">x</div>', '#b'))).toBe(true);
    expect(generic.isComposer(pick('<textarea id="b" disabled></textarea>', '#b'))).toBe(false);
    expect(generic.isComposer(pick('<textarea id="b" readonly></textarea>', '#b'))).toBe(false);
    expect(generic.isComposer(pick('<div id="b" contenteditable="true" role="combobox">x</div>', '#b'))).toBe(false);
  });
  test('editingHost climbs to the outermost contenteditable and skips inputs', () => {
    const inner = pick('<div id="host" contenteditable="true"><p><b id="b">x</b></p></div>', '#b');
    expect(editingHost(inner)?.id).toBe('host');
    expect(editingHost(pick('<input id="b">', '#b'))).toBeNull();
  });
});
