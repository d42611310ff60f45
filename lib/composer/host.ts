// Our own element on the page: <clearline-root> appended to <html>, with a closed shadow root that
// holds the overlay layer and the card, so the page cannot read the card. Test builds open it (for
// Playwright) and put their hooks (data-clearline-*) on the element, never on the page's nodes.

export const HOST_TAG = 'clearline-root';

export interface Host {
  element: HTMLElement;
  shadow: ShadowRoot;
  /** Fixed, full-viewport, pointer-events:none layer for underline boxes and markers. */
  overlay: HTMLElement;
  /** Where the card mounts (lazily). */
  cardSlot: HTMLElement;
}

const HOST_CSS = `
:host { all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; }
.overlay { position: fixed; inset: 0; pointer-events: none; overflow: hidden; }
.box { position: fixed; pointer-events: none; box-sizing: border-box; }
/* The underlines: colours legible on white and on near-black (mid lightness, high chroma), a tinted
   background for warnings and alerts, and a different line per severity, so colour is never the only
   cue: suggestion dotted, warning wavy (a zigzag drawn by two gradients), alert solid. */
.box[data-severity="suggestion"] { border-bottom: 2px dotted #3b82f6; }
.box[data-severity="warning"] { background: rgba(217, 119, 6, 0.10); }
.box[data-severity="warning"]::after { content: ""; position: absolute; left: 0; right: 0; bottom: -2px; height: 4px;
  background: linear-gradient(135deg, transparent 35%, #d97706 35% 65%, transparent 65%) 0 0 / 4px 4px repeat-x,
    linear-gradient(45deg, transparent 35%, #d97706 35% 65%, transparent 65%) 2px 0 / 4px 4px repeat-x; }
.box[data-severity="alert"] { border-bottom: 2px solid #e11d48; background: rgba(225, 29, 72, 0.12); }
.box[data-active="true"] { background: rgba(99, 102, 241, 0.28); }
@media (prefers-color-scheme: dark) {
  .box[data-severity="suggestion"] { border-bottom-color: #60a5fa; }
  .box[data-severity="alert"] { border-bottom-color: #fb7185; background: rgba(251, 113, 133, 0.16); }
  .box[data-active="true"] { background: rgba(129, 140, 248, 0.32); }
}
/* Markers and the indicator take pointer events only while the user's pointer is over them
   (data-hot, set from our own geometry): to the page's hit-testing they are not there. */
.marker, .indicator { pointer-events: none; }
.marker[data-hot="true"], .indicator[data-hot="true"] { pointer-events: auto; }
.marker { position: fixed; width: 24px; height: 24px; padding: 0; border-radius: 12px;
  border: 1.5px solid #b45309; background: #fffbeb; color: #92400e; font: 700 14px/21px system-ui, sans-serif;
  cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.marker:hover, .marker[data-active="true"] { background: #fde68a; }
@media (prefers-color-scheme: dark) { .marker { background: #3b2a06; color: #fcd34d; border-color: #f59e0b; } }
/* Forced colours: system colours, a different underline per severity, drawn just below the words
   and with no fill, so they never look like selected text. */
@media (forced-colors: active) {
  .box, .marker { forced-color-adjust: none; }
  /* As specific as the colour rules above, so the fills and the amber zigzag really go. Lines are
     drawn in colours the palette pairs with Canvas (LinkText, CanvasText): Mark is only guaranteed
     against MarkText, and is yellow on white in a light palette. */
  .box, .box[data-severity] { box-sizing: content-box; padding-bottom: 1px; background: none; }
  .box::after, .box[data-severity]::after { content: none; background: none; }
  .box[data-severity="suggestion"] { border-bottom: 2px dotted LinkText; }
  .box[data-severity="warning"] { border-bottom: 3px dashed CanvasText; }
  .box[data-severity="alert"] { border-bottom: 5px double CanvasText; }
  .box[data-severity][data-active="true"] { background: none; outline: 2px solid Highlight; }
  .marker { background: ButtonFace; color: ButtonText; border-color: ButtonText; }
  .marker:hover, .marker[data-active="true"] { background: Highlight; color: HighlightText; }
}
/* One size whatever it says (a count, a check, paused): its box tells nothing about the draft. */
.indicator { position: fixed; width: 24px; height: 24px; padding: 0; border-radius: 12px; overflow: hidden;
  box-sizing: border-box; border: 1.5px solid #b45309; background: #ffffff; color: #92400e; font: 700 11px/21px system-ui, sans-serif;
  text-align: center; white-space: nowrap; cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.indicator.paused, .indicator.clear { border-color: #59636e; color: #3d444d; }
@media (prefers-color-scheme: dark) { .indicator { background: #1f2329; color: #fcd34d; border-color: #f59e0b; } .indicator.paused, .indicator.clear { color: #c9d1d9; border-color: #9aa4af; } }
@media (forced-colors: active) { .indicator { forced-color-adjust: none; background: ButtonFace; color: ButtonText; border-color: ButtonText; } }
.mirror { position: fixed; visibility: hidden; pointer-events: none; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word; }
`;

// The page-load script and the UI script are separate bundles in one isolated world: they share
// the host through global slots rather than module variables (each bundle has its own modules).
const ELEMENT = Symbol.for('clearline.host.element');
const HOST = Symbol.for('clearline.host');
const slot = globalThis as unknown as { [ELEMENT]?: HTMLElement; [HOST]?: Host };

/**
 * Our element, bare: what the page-load script needs (the test build's ready hook). Attaching the
 * shadow root and its styles waits for getHost(), when a composer is in use.
 */
export function hostElement(doc: Document = document): HTMLElement {
  const existing = slot[ELEMENT];
  if (existing && existing.isConnected) return existing;
  const element = doc.createElement(HOST_TAG);
  doc.documentElement.append(element);
  slot[ELEMENT] = element;
  return element;
}

/** Create (once) and return our host with its shadow root, overlay layer and card slot. */
export function getHost(doc: Document = document): Host {
  const existing = slot[HOST];
  if (existing && existing.element.isConnected) return existing;
  const element = hostElement(doc);
  const shadow = element.attachShadow({ mode: __CLEARLINE_TEST_HOOKS__ ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  const overlay = doc.createElement('div');
  overlay.className = 'overlay';
  const cardSlot = doc.createElement('div');
  cardSlot.className = 'card-slot';
  shadow.replaceChildren(style, overlay, cardSlot);
  const host = { element, shadow, overlay, cardSlot };
  slot[HOST] = host;
  return host;
}

/** Take our element off the page (the extension went away before the UI started). */
export function removeHost(): void {
  slot[ELEMENT]?.remove();
}

/** Is `node` part of our own UI (so events from it are ours, not the page's)? */
export function isOurs(node: EventTarget | null | undefined): boolean {
  const element = slot[ELEMENT];
  if (!element || !(node instanceof Node)) return false;
  const shadow = slot[HOST]?.element === element ? slot[HOST].shadow : null;
  return node === element || (!!shadow && shadow.contains(node));
}
