// Our own element on the page: <clearline-root> appended to <html>, with an open shadow root that
// holds the overlay layer and the card. Test hooks (data-clearline-*) live on it, never on the page's nodes.

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
.box { position: fixed; pointer-events: none; border-bottom: 2px solid; box-sizing: border-box; }
.box[data-severity="suggestion"] { border-bottom-style: dotted; border-color: #3b82f6; }
.box[data-severity="warning"] { border-color: #d97706; background: rgba(217, 119, 6, 0.10); }
.box[data-severity="alert"] { border-color: #e11d48; background: rgba(225, 29, 72, 0.12); }
.box[data-active="true"] { background: rgba(99, 102, 241, 0.28); }
.marker { position: fixed; pointer-events: auto; width: 20px; height: 20px; padding: 0; border-radius: 10px;
  border: 1.5px solid #d97706; background: #fffbeb; color: #92400e; font: 700 13px/17px system-ui, sans-serif;
  cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.marker:hover, .marker[data-active="true"] { background: #fde68a; }
@media (prefers-color-scheme: dark) { .marker { background: #3b2a06; color: #fcd34d; border-color: #f59e0b; } }
.mirror { position: fixed; visibility: hidden; pointer-events: none; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word; }
`;

let host: Host | null = null;

/** Create (once) and return our host. */
export function getHost(doc: Document = document): Host {
  if (host && host.element.isConnected) return host;
  const element = doc.createElement(HOST_TAG);
  const shadow = element.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = HOST_CSS;
  const overlay = doc.createElement('div');
  overlay.className = 'overlay';
  const cardSlot = doc.createElement('div');
  cardSlot.className = 'card-slot';
  shadow.append(style, overlay, cardSlot);
  doc.documentElement.append(element);
  host = { element, shadow, overlay, cardSlot };
  return host;
}

/** Is `node` part of our own UI (so events from it are ours, not the page's)? */
export function isOurs(node: EventTarget | null | undefined): boolean {
  if (!host || !(node instanceof Node)) return false;
  return node === host.element || host.shadow.contains(node);
}
