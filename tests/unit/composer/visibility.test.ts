// @vitest-environment happy-dom
// Whether a composer is a writable surface is judged from layout, not from ARIA on its ancestors:
// an aria-hidden app root (Outlook while a Fluent layer is open) keeps its composer; invisible boxes
// (transparent, pushed off the page, a pixel or less, clipped to a pixel, no pointer input) never count.
// Inherited pointer-events is left to the e2e suite: happy-dom does not inherit it.
import { describe, expect, test } from 'vitest';
import { isVisible, isWritableSurface } from '../../../lib/composer/sites/common';
import { gmail, linkedin, outlook } from '../../../lib/composer/sites/index';
import { useLayoutFromStyles } from './layout';

useLayoutFromStyles();

function pick(html: string, selector = '#c'): HTMLElement {
  document.body.className = '';
  document.body.innerHTML = html;
  return document.querySelector<HTMLElement>(selector)!;
}

const BODY = (attrs = '') => `<div id="c" role="textbox" aria-multiline="true" contenteditable="true" ${attrs}>Hi</div>`;

describe('accepted although ARIA on an ancestor hides it from assistive technology', () => {
  test('Outlook composer under #app[aria-hidden="true"]', () => {
    const el = pick(`<div id="app" aria-hidden="true"><div role="main"><div id="editorParent_1">${BODY()}</div></div></div>`);
    expect(isWritableSurface(el)).toBe(true);
    expect(outlook.isComposer(el)).toBe(true);
  });
  test('Gmail body in a mole whose ancestor is aria-hidden', () => {
    const el = pick(`<div aria-hidden="true"><div role="dialog"><div class="M9"><div id="c" g_editable="true" contenteditable="true">Hi</div></div></div></div>`);
    expect(gmail.isComposer(el)).toBe(true);
  });
  test('a pane without inert next to an inert one', () => {
    const el = pick(`<div inert><div contenteditable="true">behind the layer</div></div><section>${BODY()}</section>`);
    expect(isWritableSurface(el)).toBe(true);
  });
});

describe('refused: the user cannot type there', () => {
  test('inside an inert pane', () => {
    expect(isWritableSurface(pick(`<div inert>${BODY()}</div>`))).toBe(false);
  });
  test('contenteditable="false" and read-only', () => {
    expect(isWritableSurface(pick('<div id="c" contenteditable="false">x</div>'))).toBe(false);
    expect(isWritableSurface(pick(BODY('aria-readonly="true"')))).toBe(false);
    expect(isWritableSurface(pick('<textarea id="c" readonly></textarea>'))).toBe(false);
  });
});

describe('refused: invisible to the user', () => {
  test.each([
    ['opacity 0 on itself', BODY('style="opacity: 0"')],
    ['opacity 0 on an ancestor', `<div style="opacity: 0"><div>${BODY()}</div></div>`],
    ['display:none ancestor (a minimised mole)', `<div style="display: none">${BODY()}</div>`],
    ['visibility:hidden', BODY('style="visibility: hidden"')],
    ['1×1', BODY('style="width: 1px; height: 1px"')],
    ['0 high', BODY('style="height: 0px"')],
    ['a pixel wide', BODY('style="width: 1px"')],
    ['pushed off the page to the left', BODY('style="position: absolute; left: -10000px; width: 300px"')],
    ['pushed off the page above', BODY('style="position: absolute; top: -5000px; height: 100px"')],
    ['pointer-events none on itself', BODY('style="pointer-events: none"')],
    ['clipped by a visually-hidden wrapper', `<div style="width: 1px; height: 1px; overflow: hidden">${BODY()}</div>`],
    ['absolute, inside the positioned pixel-sized wrapper that clips it', `<div style="position: relative; width: 1px; height: 1px; overflow: hidden">${BODY('style="position: absolute"')}</div>`],
    ['pushed above the origin of its scroll container', `<div style="overflow: auto">${BODY('style="top: -5000px"')}</div>`],
  ])('%s', (_n, html) => {
    const el = pick(html);
    expect(isVisible(el)).toBe(false);
    expect(isWritableSurface(el)).toBe(false);
  });

  test('an invisible look-alike in a real compose root is not a Gmail composer', () => {
    const el = pick(`<div role="dialog"><div class="M9"><div id="c" g_editable="true" contenteditable="true" style="opacity: 0">Hi</div></div></div>`);
    expect(gmail.isComposer(el)).toBe(false);
  });

  test('a detached element', () => {
    const el = pick(BODY());
    el.remove();
    expect(isVisible(el)).toBe(false);
  });
});

describe('accepted: visible boxes', () => {
  test('an ordinary composer', () => {
    expect(isVisible(pick(BODY()))).toBe(true);
  });
  test('pointer-events none on an ancestor but auto on the composer', () => {
    expect(isVisible(pick(`<div style="pointer-events: none">${BODY('style="pointer-events: auto"')}</div>`))).toBe(true);
  });
  test('a small but real box (two lines of a comment field)', () => {
    expect(isVisible(pick(BODY('style="width: 200px; height: 18px"')))).toBe(true);
  });
  test('a reply scrolled out of view inside the thread\'s scroll container (above its visible part)', () => {
    const el = pick(`<div id="thread" style="top: 0px; height: 500px; overflow: auto">${BODY('style="top: -2400px"')}</div>`);
    const thread = document.getElementById('thread')!;
    thread.scrollTop = 2500;
    Object.defineProperties(thread, { scrollHeight: { value: 3000 }, scrollWidth: { value: 400 } });
    expect(isVisible(el)).toBe(true);
  });
  test('an absolutely positioned box escapes a zero-height wrapper that is not its containing block', () => {
    const el = pick(`<div style="height: 0px; overflow: hidden">${BODY('style="position: absolute"')}</div>`);
    expect(isVisible(el)).toBe(true);
  });
  test('a fixed dialog painted from a zero-height host (LinkedIn #interop-outlet)', () => {
    const el = pick(
      `<div id="interop-outlet" style="height: 0px; overflow: hidden"><div style="position: fixed; right: 0px; bottom: 0px; width: 400px; height: 300px"><div id="c" class="msg-form__contenteditable" role="textbox" contenteditable="true">Hi</div></div></div>`,
    );
    expect(linkedin.isComposer(el)).toBe(true);
  });
});
