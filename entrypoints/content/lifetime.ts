// How long this content script may act: until the extension is reloaded, updated or removed, which
// shows as browser.runtime.id going away. Nothing the page does can end it. (WXT's own
// ContentScriptContext also ends on a page CustomEvent named after our extension id, which any page
// can fire, and it posts that id to the page; we do not use it.)
import { browser } from 'wxt/browser';

export class Lifetime {
  private controller = new AbortController();

  /** Aborted once the extension is gone: listeners added with it are removed. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Checks now; an orphaned script learns it is orphaned the next time any of its listeners runs. */
  get isInvalid(): boolean {
    if (!this.controller.signal.aborted && !runtimeAlive()) this.controller.abort();
    return this.controller.signal.aborted;
  }

  onInvalidated(cb: () => void): void {
    this.controller.signal.addEventListener('abort', cb, { once: true });
  }
}

function runtimeAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false; // Firefox: the API object of a removed extension throws on access
  }
}
