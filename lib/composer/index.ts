// Public door of the DOM layer: what the content script needs to find composers, read and paint
// them, and apply a rewrite. Nothing here loads the engine; analysis is asked of the background.
export { accept, saveCaret, rewriteBlocker, MESSAGES, type AcceptResult } from './accept';
export { getHost, isOurs, HOST_TAG, type Host } from './host';
export { Indicator } from './indicator';
export { Overlay } from './overlay';
export { marked, markedRanges, markedText, Session, type TrackedFinding } from './session';
export { isVisible } from './sites/common';
export { adapterFor, type SiteAdapter, type SiteId } from './sites/index';
export { readModel, type TextModel } from './text-model';
export { Watcher } from './watcher';
