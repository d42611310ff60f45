// @vitest-environment happy-dom
// Underlines are cut to the part of the editor the user sees: every ancestor that clips its
// overflow cuts it, except those a fixed or absolute box escapes; off screen, nothing shows.
import { afterEach, describe, expect, test } from 'vitest';
import { visibleBox } from '@/lib/composer/overlay';
import { useLayoutFromStyles } from './layout';

useLayoutFromStyles();

afterEach(() => document.body.replaceChildren());

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.getElementById('editor')!;
}

const box = (r: DOMRect | null) => r && { left: r.left, top: r.top, width: r.width, height: r.height };

describe('visibleBox', () => {
  test('a scrolled pane cuts the editor to its own box', () => {
    const editor = page(`<div style="overflow:auto;left:0;top:50px;width:300px;height:100px"><div id="editor" style="left:20px;top:20px;width:400px;height:400px"></div></div>`);
    expect(box(visibleBox(editor))).toEqual({ left: 20, top: 50, width: 280, height: 100 });
  });

  test('ancestors that show their overflow do not cut it; the viewport does', () => {
    const editor = page(`<div style="left:0;top:0;width:10px;height:10px"><div id="editor" style="left:900px;top:700px;width:400px;height:400px"></div></div>`);
    expect(box(visibleBox(editor))).toEqual({ left: 900, top: 700, width: innerWidth - 900, height: innerHeight - 700 });
  });

  test('a fixed dialog escapes a small clipping ancestor, unless that ancestor is transformed', () => {
    const html = (t: string) =>
      `<div style="overflow:hidden;left:0;top:0;width:50px;height:50px;${t}"><div style="position:fixed;left:100px;top:100px;width:400px;height:300px"><div id="editor" style="left:100px;top:100px;width:400px;height:300px"></div></div></div>`;
    expect(box(visibleBox(page(html(''))))).toEqual({ left: 100, top: 100, width: 400, height: 300 });
    expect(visibleBox(page(html('transform:translateX(0)')))).toBeNull();
  });

  test('an absolute box skips static clipping ancestors up to its containing block, which cuts it', () => {
    const editor = page(
      `<div style="position:relative;overflow:hidden;left:0;top:0;width:300px;height:300px"><div style="overflow:hidden;left:0;top:0;width:20px;height:20px"><div id="editor" style="position:absolute;left:100px;top:100px;width:400px;height:100px"></div></div></div>`,
    );
    expect(box(visibleBox(editor))).toEqual({ left: 100, top: 100, width: 200, height: 100 });
  });

  test('scrolled out of its pane or off the screen: nothing shows', () => {
    expect(visibleBox(page(`<div style="overflow:auto;left:0;top:0;width:300px;height:100px"><div id="editor" style="left:0;top:150px;width:300px;height:100px"></div></div>`))).toBeNull();
    expect(visibleBox(page(`<div id="editor" style="position:fixed;left:-500px;top:0;width:400px;height:100px"></div>`))).toBeNull();
  });
});
