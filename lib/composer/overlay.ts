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
    }
    this.afterRender();
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
