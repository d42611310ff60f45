// Every underline, drawn as boxes in our own (closed, in production) shadow host, plus the
// missing-statement marker and the indicator. Nothing is ever drawn inside the editor, and nothing
// goes into page-visible registries (the CSS Custom Highlight registry is shared with the page's
// scripts, so it would tell them which words were flagged). Boxes take no pointer events, so
// document.elementsFromPoint cannot find them; hover is hit-tested by our own geometry. Markers (the
// "+" and the indicator) take none either, except the one the user's own pointer is over: a page
// probing elementsFromPoint finds nothing of ours unless the user is pointing at it.
import type { Severity } from '../engine/types';
import type { Host } from './host';
import { nextFrame } from './next-frame';

export interface OverlayBox {
  key: string;
  severity: Severity;
  rects: DOMRect[];
  active: boolean;
}

export interface OverlayMarker {
  key: string;
  x: number;
  y: number;
  label: string;
  active: boolean;
  onActivate(): void;
  /** Shown text and class (default: the "+" of the missing-statement marker). */
  text?: string;
  className?: string;
}

export interface OverlaySource {
  boxes(): OverlayBox[];
  markers(): OverlayMarker[];
  /**
   * A cheap description of where this source's boxes sit (its editor's box, the first word's box):
   * checked every frame while anything is drawn, so a layout change that fires no event (a banner
   * above the composer, a web font arriving) still moves the boxes.
   */
  layout?(): string;
}

/** Re-renders every registered source on the next animation frame (scroll, resize, new findings). */
export class Overlay {
  private sources = new Set<OverlaySource>();
  private frame: (() => void) | null = null;
  private watchFrame = 0;
  private lastLayout = '';
  private scopes = new WeakSet<Node>();

  constructor(
    private host: Host,
    /** Called after every render (the card re-places itself next to its words). */
    private afterRender: () => void = () => undefined,
  ) {
    // Capture: scrolls inside any scroller (the composer itself included) move our boxes too.
    this.watchScrolls(window);
    window.addEventListener('resize', () => this.schedule(), { passive: true });
    host.overlay.ownerDocument.fonts?.addEventListener?.('loadingdone', () => this.schedule());
  }

  /**
   * Scroll events do not leave a shadow root: listen in every shadow root `node` sits in, so a
   * scroller inside one (LinkedIn's overlay) moves our boxes too.
   */
  watch(node: Node): void {
    for (let n: Node | null = node; n; ) {
      const root = n.getRootNode();
      if (!(root instanceof ShadowRoot)) break;
      this.watchScrolls(root);
      n = root.host;
    }
  }

  private watchScrolls(target: EventTarget & Partial<Node>): void {
    if (target instanceof Node) {
      if (this.scopes.has(target)) return;
      this.scopes.add(target);
    }
    target.addEventListener('scroll', () => this.schedule(), { capture: true, passive: true });
  }

  add(source: OverlaySource): void {
    this.sources.add(source);
    this.schedule();
  }

  remove(source: OverlaySource): void {
    this.sources.delete(source);
    this.schedule();
  }

  schedule(): void {
    if (this.frame) return;
    this.frame = nextFrame(() => {
      this.frame = null;
      this.render();
    });
  }

  private layout(): string {
    let key = '';
    for (const source of this.sources) key += (source.layout?.() ?? '') + '|';
    return key;
  }

  /** While anything is drawn: once a frame, redraw when a source's layout moved. */
  private watchLayout(drawn: boolean): void {
    if (!drawn) {
      cancelAnimationFrame(this.watchFrame);
      this.watchFrame = 0;
      return;
    }
    if (this.watchFrame) return;
    const tick = () => {
      this.watchFrame = 0;
      if (this.layout() !== this.lastLayout) return this.schedule();
      this.watchFrame = requestAnimationFrame(tick);
    };
    this.watchFrame = requestAnimationFrame(tick);
  }

  /** Marker buttons by key: updated in place, so one that has keyboard focus keeps it across frames. */
  private markerEls = new Map<string, HTMLButtonElement>();
  private activators = new WeakMap<HTMLElement, () => void>();
  private layers: { boxes: HTMLElement; markers: HTMLElement } | null = null;

  private render(): void {
    const doc = this.host.overlay.ownerDocument;
    if (!this.layers || !this.layers.boxes.isConnected) {
      this.layers = { boxes: doc.createElement('div'), markers: doc.createElement('div') };
      this.host.overlay.replaceChildren(this.layers.boxes, this.layers.markers);
      this.markerEls.clear();
    }
    const boxes: HTMLElement[] = [];
    const seen = new Set<string>();
    this.lastLayout = this.layout();
    for (const source of this.sources) {
      for (const box of source.boxes()) {
        for (const r of box.rects) {
          const el = doc.createElement('div');
          el.className = 'box';
          el.dataset.severity = box.severity;
          // The key names the flagged words: only test builds carry it (their shadow root is open).
          if (__CLEARLINE_TEST_HOOKS__) el.dataset.key = box.key;
          if (box.active) el.dataset.active = 'true';
          el.style.left = `${r.left}px`;
          el.style.top = `${r.top}px`;
          el.style.width = `${r.width}px`;
          el.style.height = `${r.height}px`;
          boxes.push(el);
        }
      }
      for (const m of source.markers()) {
        seen.add(m.key);
        const el = this.markerEls.get(m.key) ?? this.newMarker(m.key);
        el.className = m.className ?? 'marker';
        el.textContent = m.text ?? '+';
        el.title = m.label;
        el.setAttribute('aria-label', m.label);
        if (m.active) el.dataset.active = 'true';
        else delete el.dataset.active;
        el.style.left = `${m.x}px`;
        el.style.top = `${m.y}px`;
        this.activators.set(el, m.onActivate);
      }
    }
    this.layers.boxes.replaceChildren(...boxes);
    for (const [key, el] of this.markerEls) {
      if (seen.has(key)) continue;
      el.remove();
      this.markerEls.delete(key);
      if (el === this.hotEl) this.hotEl = null;
    }
    this.watchLayout(boxes.length > 0 || this.markerEls.size > 0);
    this.afterRender();
  }

  /** The marker the user's pointer is over (the only one that takes pointer events), if any. */
  private hotEl: HTMLButtonElement | null = null;

  /** The marker whose box holds (x, y), by our own geometry. */
  private markerAt(x: number, y: number): HTMLButtonElement | null {
    for (const el of this.markerEls.values()) {
      if (!el.isConnected) continue;
      const r = el.getBoundingClientRect();
      if (r.width && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return el;
    }
    return null;
  }

  /**
   * The user's (trusted) pointer is at (x, y), or left the page (null): the marker under it takes
   * pointer events (cursor, hover, click) and every other stays transparent to hit-testing.
   */
  pointerAt(x: number | null, y = 0): void {
    const hit = x === null ? null : this.markerAt(x, y);
    if (hit === this.hotEl) return;
    if (this.hotEl) delete this.hotEl.dataset.hot;
    if (hit) hit.dataset.hot = 'true';
    this.hotEl = hit;
  }

  /**
   * A press at (x, y) on a marker that was not yet taking pointer events (a touch, or a click
   * faster than the pointer's first move there): activate it ourselves. True when one was there.
   */
  pressAt(x: number, y: number): boolean {
    const el = this.markerAt(x, y);
    if (!el || el === this.hotEl) return false;
    this.pointerAt(x, y);
    this.activators.get(el)?.();
    return true;
  }

  private newMarker(key: string): HTMLButtonElement {
    const el = this.host.overlay.ownerDocument.createElement('button');
    el.type = 'button';
    el.dataset.key = key;
    // A pointer press never takes focus from the editor (a keyboard user can still Tab here).
    el.addEventListener('mousedown', (e) => e.preventDefault());
    el.addEventListener('pointerdown', (e) => e.preventDefault());
    el.addEventListener('click', (e) => {
      e.preventDefault();
      if (e.isTrusted) this.activators.get(el)?.(); // the user's click or key, not a page script's
    });
    this.markerEls.set(key, el);
    this.layers!.markers.append(el);
    return el;
  }
}

/**
 * The part of `el` the user can see: its box cut by every ancestor that clips its overflow (a
 * scrolled message pane, a dialog) and by the viewport. Follows containing blocks, so an ancestor
 * a fixed or absolute box escapes does not cut it. Null when nothing of it shows.
 */
export function visibleBox(el: Element): DOMRect | null {
  const view = el.ownerDocument.defaultView;
  if (!view) return null;
  const r = el.getBoundingClientRect();
  let left = r.left;
  let top = r.top;
  let right = r.right;
  let bottom = r.bottom;
  let position = view.getComputedStyle(el).position || 'static';
  for (let a = parentOf(el); a && a !== el.ownerDocument.documentElement; a = parentOf(a)) {
    const cs = view.getComputedStyle(a);
    const own = cs.position || 'static';
    const set = (v: string) => !!v && v !== 'none';
    const contains = set(cs.transform) || set(cs.filter) || /paint|layout|strict|content/.test(cs.contain);
    // A fixed box is cut only by a transformed (or contained) ancestor; an absolute one skips static ancestors.
    const skipped = (position === 'fixed' && !contains) || (position === 'absolute' && own === 'static' && !contains);
    if (!skipped) {
      const clipsX = clips(cs.overflowX || cs.overflow);
      const clipsY = clips(cs.overflowY || cs.overflow);
      if ((clipsX || clipsY) && !propagatesToViewport(a)) {
        const b = a.getBoundingClientRect();
        // The padding box: borders and scroll bars do not show content.
        const cl = b.left + a.clientLeft;
        const ct = b.top + a.clientTop;
        if (clipsX) {
          left = Math.max(left, cl);
          right = Math.min(right, a.clientWidth ? cl + a.clientWidth : b.right);
        }
        if (clipsY) {
          top = Math.max(top, ct);
          bottom = Math.min(bottom, a.clientHeight ? ct + a.clientHeight : b.bottom);
        }
      }
      position = own;
    }
    if (right <= left || bottom <= top) return null;
  }
  left = Math.max(left, 0);
  top = Math.max(top, 0);
  right = Math.min(right, view.innerWidth);
  bottom = Math.min(bottom, view.innerHeight);
  return right > left && bottom > top ? new DOMRect(left, top, right - left, bottom - top) : null;
}

/** The body's overflow applies to the viewport, not to the body, while the root's is visible. */
function propagatesToViewport(a: Element): boolean {
  const doc = a.ownerDocument;
  if (a !== doc.body) return false;
  const root = doc.defaultView!.getComputedStyle(doc.documentElement);
  return !clips(root.overflowX || root.overflow) && !clips(root.overflowY || root.overflow);
}

const clips = (overflow: string) => !!overflow && overflow !== 'visible';

/** The parent in the flat tree: across shadow roots to their host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Client rects of [start, end) inside a text field, measured on a mirror of it laid exactly over it. */
export function fieldRects(host: Host, field: HTMLTextAreaElement | HTMLInputElement, start: number, end: number): DOMRect[] {
  const doc = field.ownerDocument;
  const view = doc.defaultView!;
  const cs = view.getComputedStyle(field);
  const mirror = doc.createElement('div');
  mirror.className = 'mirror';
  for (const prop of MIRRORED) mirror.style.setProperty(prop, cs.getPropertyValue(prop));
  if (field instanceof HTMLInputElement) mirror.style.whiteSpace = 'pre';
  const box = field.getBoundingClientRect();
  mirror.style.left = `${box.left}px`;
  mirror.style.top = `${box.top}px`;
  mirror.style.width = `${box.width}px`;
  mirror.style.height = `${box.height}px`;
  const value = field.value;
  const beforeNode = doc.createTextNode(value.slice(0, start));
  const spanNode = doc.createTextNode(value.slice(start, end));
  const afterNode = doc.createTextNode(value.slice(end) + ' ');
  mirror.append(beforeNode, spanNode, afterNode);
  host.shadow.append(mirror);
  mirror.scrollTop = field.scrollTop;
  mirror.scrollLeft = field.scrollLeft;
  const range = doc.createRange();
  range.setStart(spanNode, 0);
  range.setEnd(spanNode, spanNode.length);
  const rects = clipRects(Array.from(range.getClientRects()), box);
  mirror.remove();
  return rects;
}

/** Keep only the parts of `rects` inside `clip` (a scrolled composer hides the rest). */
export function clipRects(rects: DOMRect[], clip: DOMRect): DOMRect[] {
  const out: DOMRect[] = [];
  for (const r of rects) {
    const left = Math.max(r.left, clip.left);
    const right = Math.min(r.right, clip.right);
    const top = Math.max(r.top, clip.top);
    const bottom = Math.min(r.bottom, clip.bottom);
    if (right > left && bottom > top) out.push(new DOMRect(left, top, right - left, bottom - top));
  }
  return out;
}

export function pointInRects(x: number, y: number, rects: Iterable<DOMRect>): boolean {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

const MIRRORED = [
  'direction', 'box-sizing', 'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-style', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'font-style', 'font-variant',
  'font-weight', 'font-stretch', 'font-size', 'font-size-adjust', 'line-height', 'font-family', 'text-align',
  'text-transform', 'text-indent', 'text-decoration', 'letter-spacing', 'word-spacing', 'tab-size', 'white-space',
  'overflow-wrap', 'word-break',
];
