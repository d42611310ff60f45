// Content script for Gmail, LinkedIn and Outlook (and sites the user adds). This is the part every
// page load pays for, so it only watches for composers: the UI (sessions, highlights, card, accept)
// is asked of the background and injected into this frame once the user uses a composer (presses a
// key or the pointer in it, or moves focus into it by hand). A composer that merely holds text, or
// that the page focuses by script, is left alone. Analysis runs in the background.
//
// Declared in the manifest by wxt.config.ts rather than as a WXT content script: WXT's wrapper
// would build a ContentScriptContext, which posts our extension id to the page and stops on a
// page-fired event (see ./content/lifetime.ts).
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { hostElement, removeHost } from '@/lib/composer/host';
import { editingHost } from '@/lib/composer/sites/common';
import { adapterFor } from '@/lib/composer/sites/index';
import { userUse, watchPresses } from '@/lib/composer/user-use';
import { Watcher } from '@/lib/composer/watcher';
import { FINDING_GONE, FINDING_REQUESTS, type BackgroundRequest, type ContentRequest, type LoadUiResponse } from '@/lib/messages';
import { isFromExtensionPage } from '@/lib/sender';
import { Lifetime } from './content/lifetime';
import { openUiSlot, type ComposerUi } from './content/ui-slot';

export default defineUnlistedScript(() => {
  // The background may inject us again into a tab that already runs us (user-added sites).
  const flag = Symbol.for('clearline.content.started');
  const g = globalThis as Record<symbol, unknown>;
  if (g[flag]) return;
  g[flag] = true;
  watchForUse(new Lifetime());
});

function watchForUse(life: Lifetime): void {
  const adapter = adapterFor(location.hostname);
  const slot = openUiSlot(life);
  const use = userUse();
  let loading: Promise<ComposerUi | undefined> | null = null;
  /** After a failed start, wait before asking again: typing must not send a request per keystroke. */
  let retryAt = 0;

  /** Ask the background for the UI in this frame; one request at a time. */
  function load(): void {
    if (life.isInvalid || loading || slot.ui || Date.now() < retryAt) return;
    const request = browser.runtime.sendMessage({ kind: 'loadUi' } satisfies BackgroundRequest) as Promise<LoadUiResponse>;
    loading = request
      .then((res) => {
        if (!res?.ok || !slot.ui) throw new Error(res?.error ?? slot.error ?? 'the UI script did not start');
        watcher.stop(); // the UI runs its own watcher from here on
        return slot.ui;
      })
      .catch((e: unknown) => {
        // Try again on a later use (the service worker may have been restarting).
        loading = null;
        retryAt = Date.now() + 5000;
        if (!life.isInvalid) console.warn('Clearline could not start on this composer:', e instanceof Error ? e.message : e);
        return undefined;
      });
  }

  const composerOf = (e: Event): HTMLElement | null => {
    if (life.isInvalid) return null;
    const el = editingHost(e.composedPath()[0] as Element);
    return el && adapter.isComposer(el) ? el : null;
  };
  watchPresses(use, composerOf, life.signal);
  use.onUse(() => load(), life.signal);

  const watcher = new Watcher(adapter, {
    found(root, reason) {
      if (reason === 'focus') use.use(root, 'focus');
    },
    swept() {},
  });
  watcher.start(document);

  // The popup's tabs.sendMessage reaches every frame (all_frames) and the first answer wins, so a
  // frame answers only about composers it owns; the top frame says "none" a moment later.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const req = message as ContentRequest;
    if (req?.kind !== 'getFindings' && !FINDING_REQUESTS.has(req?.kind)) return undefined;
    if (life.isInvalid || !isFromExtensionPage(sender)) return undefined;
    if (slot.ui?.owns(req)) return slot.ui.answer(req);
    if (window !== window.top) return undefined;
    return new Promise((resolve) =>
      setTimeout(() => {
        if (slot.ui) resolve(slot.ui.answer(req));
        else resolve(req.kind === 'getFindings' ? { composer: null, findings: [] } : { ok: false, error: FINDING_GONE });
      }, req.kind === 'getFindings' ? 150 : 300),
    );
  });

  life.onInvalidated(() => {
    watcher.stop();
    if (!slot.ui) removeHost(); // else the UI removes it with its own parts
  });
  if (__CLEARLINE_TEST_HOOKS__) {
    // Listeners are in place: tests may start typing. (Test builds only; production pages see nothing.)
    hostElement().setAttribute('data-clearline-ready', 'true');
  }
}
