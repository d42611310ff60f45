// Accessibility measurements as a user's tools would take them: axe-core on a page or our host,
// WCAG contrast ratios from computed styles, sideways scrolling, and pixels of what is painted.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

/** axe-core violations as "rule-id: target" lines (empty when clean). `include` limits the scan to one subtree. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.trim()));
}

export interface Contrast {
  /** What was measured: the text, or the control's accessible name or class. */
  what: string;
  ratio: number;
  /** WCAG 1.4.3 for text (4.5, or 3 for large text), 1.4.11 for controls (3). */
  needed: number;
}

/**
 * Contrast of every visible, enabled text run under `root` (shadow roots included) against the
 * background actually behind it (ancestors' backgrounds composited, opacity applied).
 */
export async function textContrasts(root: Locator): Promise<Contrast[]> {
  return root.evaluate((el) => {
    const w = window as unknown as { __clContrast?: ContrastKit };
    type ContrastKit = ReturnType<typeof kit>;
    function kit() {
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      const rgba = (css: string): [number, number, number, number] => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = '#000';
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        const d = ctx.getImageData(0, 0, 1, 1).data;
        return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
      };
      const over = (top: [number, number, number, number], under: [number, number, number]): [number, number, number] => [
        top[0] * top[3] + under[0] * (1 - top[3]),
        top[1] * top[3] + under[1] * (1 - top[3]),
        top[2] * top[3] + under[2] * (1 - top[3]),
      ];
      const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null);
      /** The colour behind `e` (its own background included) and the opacity applied to it. */
      const behind = (e: Element): { bg: [number, number, number]; opacity: number } => {
        const chain: Element[] = [];
        for (let n: Element | null = e; n; n = parentOf(n)) chain.push(n);
        const canvas = rgba(getComputedStyle(document.documentElement).getPropertyValue('background-color'));
        let bg: [number, number, number] = canvas[3] > 0 ? [canvas[0], canvas[1], canvas[2]] : matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18] : [255, 255, 255];
        let opacity = 1;
        for (const n of chain.reverse()) {
          const cs = getComputedStyle(n);
          bg = over(rgba(cs.backgroundColor), bg);
          opacity *= Number(cs.opacity);
        }
        return { bg, opacity };
      };
      const lum = ([r, g, b]: [number, number, number]) => {
        const f = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (a: [number, number, number], b: [number, number, number]) => {
        const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
        return (x + 0.05) / (y + 0.05);
      };
      return { rgba, over, behind, ratio, parentOf };
    }
    const k = (w.__clContrast ??= kit());
    const out: { what: string; ratio: number; needed: number }[] = [];
    const visit = (node: Element) => {
      const kids = node.shadowRoot ? [...node.shadowRoot.children] : [...node.children];
      const own = [...node.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()).map((c) => c.textContent!.trim()).join(' ');
      const cs = getComputedStyle(node);
      const shown = node.checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) ?? true;
      const disabled = (node as HTMLButtonElement).disabled || !!node.closest(':disabled');
      if (own && shown && !disabled && !node.closest('.visually-hidden, [aria-hidden="true"] .visually-hidden')) {
        const { bg, opacity } = k.behind(node);
        const fg0 = k.rgba(cs.color);
        const fg = k.over([fg0[0], fg0[1], fg0[2], fg0[3] * opacity], bg);
        const size = parseFloat(cs.fontSize);
        const bold = Number(cs.fontWeight) >= 700;
        const large = size >= 24 || (bold && size >= 18.66);
        out.push({ what: own.slice(0, 60), ratio: Math.round(k.ratio(fg, bg) * 100) / 100, needed: large ? 3 : 4.5 });
      }
      for (const c of kids) visit(c);
    };
    visit(el);
    return out;
  });
}

/** Contrast of a control's painted part (`property`: a background or border colour) against what surrounds the control. */
export async function controlContrast(control: Locator, property: 'background-color' | 'border-top-color'): Promise<number> {
  await textContrasts(control); // installs the kit in this frame
  return control.evaluate((el, prop) => {
    const k = (window as unknown as { __clContrast: any }).__clContrast;
    const own = k.rgba(getComputedStyle(el).getPropertyValue(prop)) as [number, number, number, number];
    const around = k.behind(k.parentOf(el)).bg as [number, number, number];
    const opacity = Number(getComputedStyle(el).opacity);
    const painted = k.over([own[0], own[1], own[2], own[3] * opacity], around);
    return Math.round(k.ratio(painted, around) * 100) / 100;
  }, property);
}

export function belowNeeded(list: Contrast[]): Contrast[] {
  return list.filter((c) => c.ratio < c.needed);
}

/**
 * Controls under `scope` (a selector whose shadow root is searched, or the whole document) whose
 * target is smaller than 24 × 24 px (WCAG 2.5.8). A checkbox or radio inside its label counts as the
 * label, which takes the same click. Links inside running text are exempt, as WCAG allows.
 */
export async function smallTargets(page: Page, scope?: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const root: Document | ShadowRoot = scope ? document.querySelector(scope)!.shadowRoot! : document;
    const small: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"], [role="switch"]')) {
      if (el.closest('p, li > span, .visually-hidden') && el.tagName === 'A') continue;
      const target = el instanceof HTMLInputElement && /^(checkbox|radio)$/.test(el.type) && el.closest('label') ? el.closest('label')! : el;
      const b = target.getBoundingClientRect();
      if (!b.width || !b.height || getComputedStyle(el).visibility === 'hidden' || el.classList.contains('visually-hidden')) continue;
      if (b.width < 24 || b.height < 24) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim().slice(0, 40);
        small.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${name}" ${Math.round(b.width)}×${Math.round(b.height)}`);
      }
    }
    return small;
  }, scope);
}

/** How far the page scrolls sideways (0 when it reflows). */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The RGBA pixels of a screenshot of `clip` (decoded by the browser: no image library needed). */
export async function pixels(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<{ width: number; height: number; data: number[] }> {
  const png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return { width: img.width, height: img.height, data: [...ctx.getImageData(0, 0, img.width, img.height).data] };
  }, png.toString('base64'));
}

/** The colours covering at least `share` of the pixels, as "r,g,b" quantised to steps of 32, sorted. */
export function mainColours(img: { data: number[] }, share = 0.04): string[] {
  const counts = new Map<string, number>();
  const n = img.data.length / 4;
  for (let i = 0; i < img.data.length; i += 4) {
    const key = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!].map((v) => Math.round(v / 32)).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, c]) => c / n >= share).map(([k]) => k).sort();
}
