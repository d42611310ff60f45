// Paints flagged spans with the CSS Custom Highlight API: one `clearline-<severity>` highlight per
// severity plus `clearline-active` for the finding whose card is open. Never touches other names.
import type { Severity } from '../engine/types';

export const HIGHLIGHT_NAMES = {
  suggestion: 'clearline-suggestion',
  warning: 'clearline-warning',
  alert: 'clearline-alert',
  active: 'clearline-active',
} as const;

type Slot = Severity | 'active';

/**
 * Underline colours chosen to stay legible on white and on near-black backgrounds (mid lightness,
 * high chroma); the tinted background helps on both. Alert is solid, warning wavy, suggestion dotted,
 * so colour is never the only cue.
 *
 * Scoped to contenteditable hosts and their descendants (every composer we paint has the attribute):
 * an unscoped `::highlight()` rule matches every element, so inserting it dirties the whole page's
 * style, and the next style read (checkVisibility while looking for composers) recalculates all of it:
 * ~30 ms on an 8,500-element page against ~1.5 ms scoped (tests/bench/browser.bench.ts).
 */
const scoped = (name: string) => `[contenteditable]::highlight(${name}), [contenteditable] *::highlight(${name})`;
export const HIGHLIGHT_CSS = `
${scoped('clearline-suggestion')} { text-decoration: underline dotted #3b82f6; text-decoration-thickness: 2px; text-underline-offset: 3px; }
${scoped('clearline-warning')} { text-decoration: underline wavy #d97706; text-decoration-thickness: 1.5px; text-underline-offset: 3px; background-color: rgba(217, 119, 6, 0.10); }
${scoped('clearline-alert')} { text-decoration: underline solid #e11d48; text-decoration-thickness: 2px; text-underline-offset: 3px; background-color: rgba(225, 29, 72, 0.12); }
${scoped('clearline-active')} { background-color: rgba(99, 102, 241, 0.28); }
`;

const STYLE_ID = 'clearline-highlight-style';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Puts the ::highlight rules where they apply: the document (light-DOM text) and a composer's shadow root. */
export function ensureHighlightStyle(scope: Document | ShadowRoot): void {
  if (scope instanceof Document) {
    if (scope.getElementById(STYLE_ID)) return;
    const style = scope.createElement('style');
    style.id = STYLE_ID;
    style.textContent = HIGHLIGHT_CSS;
    (scope.head ?? scope.documentElement).append(style);
    return;
  }
  if (scope.querySelector(`style#${STYLE_ID}`)) return;
  const style = scope.ownerDocument.createElement('style');
  style.id = STYLE_ID;
  style.textContent = HIGHLIGHT_CSS;
  scope.append(style);
}

/** Each owner (a composer session) has its own ranges; the shared Highlight objects hold the union. */
const owned = new Map<object, Map<Slot, Range[]>>();

function highlightFor(slot: Slot): Highlight {
  const name = HIGHLIGHT_NAMES[slot];
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    // Active sits above the severity underlines.
    h.priority = slot === 'active' ? 2 : slot === 'alert' ? 1 : 0;
    CSS.highlights.set(name, h);
  }
  return h;
}

/** Replace everything `owner` painted in `slot` with `ranges`. */
export function paint(owner: object, slot: Slot, ranges: Range[]): void {
  if (!highlightsSupported()) return;
  const mine = owned.get(owner) ?? new Map<Slot, Range[]>();
  owned.set(owner, mine);
  const h = highlightFor(slot);
  for (const r of mine.get(slot) ?? []) h.delete(r);
  for (const r of ranges) h.add(r);
  mine.set(slot, ranges);
}

/** Remove everything `owner` painted. */
export function clearOwner(owner: object): void {
  const mine = owned.get(owner);
  if (!mine || !highlightsSupported()) return;
  for (const [slot, ranges] of mine) {
    const h = CSS.highlights.get(HIGHLIGHT_NAMES[slot]);
    if (h) for (const r of ranges) h.delete(r);
  }
  owned.delete(owner);
}
