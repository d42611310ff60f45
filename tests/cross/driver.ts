// What a cross-browser flow needs from a browser: open a fixture at its real address, act as the
// user does (click, type, keys), read the page, and reach the extension's own pages. Playwright
// (Chromium) and puppeteer-core over WebDriver BiDi (Firefox) each implement it, so one flow source
// runs in both. Findings and the open card are read from the same test hook tests/e2e/pages/card.ts
// reads (attributes on <clearline-root>).

/** Keys the flows press, written as Playwright writes them. */
export type Key = 'Alt+Enter' | 'Enter' | 'ArrowDown' | 'Escape' | 'Control+z' | 'Control+Home' | 'End';

export interface ExtensionPage {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Click the element matching `selector` (light DOM of the extension page), as a user would. */
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly browserName: 'chromium' | 'firefox';
  /** Serve `fixture` (relative to tests/fixtures) at `url`, load it, and wait for the content script. */
  open(url: string, fixture: string): Promise<void>;
  /** Run `fn(arg)` in the page's main world. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  click(x: number, y: number): Promise<void>;
  type(text: string): Promise<void>;
  press(key: Key): Promise<void>;
  /** The options page in a new tab, loaded. */
  options(): Promise<ExtensionPage>;
  /** The toolbar popup opened as a page aimed at the fixture's tab, loaded. */
  popup(): Promise<ExtensionPage>;
  /** Back to default settings (the browser is shared by every flow). */
  resetSettings(): Promise<void>;
}

/** Poll `read` until `ok` holds for its value; throw with `what` after `timeout` ms. */
export async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 5_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
      error = undefined;
    } catch (e) {
      error = e;
    }
    if (Date.now() > end) {
      const seen = error ? `error ${String(error)}` : JSON.stringify(last)?.slice(0, 400);
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
