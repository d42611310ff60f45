// happy-dom has no layout: every box measures 0×0. These helpers give elements the box their inline
// style asks for (left/top/width/height in px; 400×200 at 10,10 when unset), so the layout-based
// visibility checks can be exercised. Real layout is covered by the e2e suites.
import { afterAll, beforeAll } from 'vitest';

const DEFAULT = { left: 10, top: 10, width: 400, height: 200 };

function px(value: string, fallback: number): number {
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : fallback;
}

function boxOf(el: HTMLElement): DOMRect {
  const s = el.style;
  const left = px(s.left, DEFAULT.left);
  const top = px(s.top, DEFAULT.top);
  return new DOMRect(left, top, px(s.width, DEFAULT.width), px(s.height, DEFAULT.height));
}

/** Install inline-style layout for the tests of the calling file. */
export function useLayoutFromStyles(): void {
  const original = HTMLElement.prototype.getBoundingClientRect;
  beforeAll(() => {
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      return boxOf(this);
    };
  });
  afterAll(() => {
    HTMLElement.prototype.getBoundingClientRect = original;
  });
}
