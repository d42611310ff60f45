// Boxes drawn in our own shadow host for spans the Highlight API cannot paint (textareas, and
// browsers without it), plus the missing-statement marker. Nothing is ever drawn inside the editor.
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
}

/** Re-renders every registered source on the next animation frame (scroll, resize, new findings). */
export class Overlay {
  private sources = new Set<OverlaySource>();
  private frame: (() => void) | null = null;

  constructor(
    private host: Host,
    /** Called after every render (the card re-places itself next to its words). */
    private afterRender: () => void = () => undefined,
  ) {
    const schedule = () => this.schedule();
    // Capture: scrolls inside any scroller (the composer itself included) move our boxes too.
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule, { passive: true });
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

  private render(): void {
    const doc = this.host.overlay.ownerDocument;
    const nodes: HTMLElement[] = [];
    for (const source of this.sources) {
      for (const box of source.boxes()) {
        for (const r of box.rects) {
          const el = doc.createElement('div');
          el.className = 'box';
          el.dataset.severity = box.severity;
          el.dataset.key = box.key;
          if (box.active) el.dataset.active = 'true';
          el.style.left = `${r.left}px`;
          el.style.top = `${r.top}px`;
          el.style.width = `${r.width}px`;
          el.style.height = `${r.height}px`;
          nodes.push(el);
        }
      }
      for (const m of source.markers()) {
        const el = doc.createElement('button');
        el.type = 'button';
        el.className = m.className ?? 'marker';
        el.textContent = m.text ?? '+';
        el.title = m.label;
        el.setAttribute('aria-label', m.label);
        el.dataset.key = m.key;
        if (m.active) el.dataset.active = 'true';
        el.style.left = `${m.x}px`;
        el.style.top = `${m.y}px`;
        // Never take focus from the editor.
        el.addEventListener('mousedown', (e) => e.preventDefault());
        el.addEventListener('pointerdown', (e) => e.preventDefault());
        el.addEventListener('click', (e) => {
          e.preventDefault();
          if (e.isTrusted) m.onActivate(); // the user's click, not a page script's
        });
        nodes.push(el);
      }
    }
    this.host.overlay.replaceChildren(...nodes);
    this.afterRender();
  }
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
