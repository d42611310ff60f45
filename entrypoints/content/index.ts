// Content script for Gmail, LinkedIn and Outlook (and sites the user adds). This is the part every
// page load pays for, so it only watches for composers: the UI (sessions, highlights, card, accept)
// is asked of the background and injected into this frame once a composer is in use — focused, or
// already holding a draft. Analysis runs in the background; the engine is never loaded here.
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { holdsDraft } from '@/lib/composer/holds-draft';
import { hostElement } from '@/lib/composer/host';
import { editingHost } from '@/lib/composer/sites/common';
import { adapterFor } from '@/lib/composer/sites/index';
import { Watcher } from '@/lib/composer/watcher';
import { FINDING_GONE, FINDING_REQUESTS, type BackgroundRequest, type ContentRequest, type LoadUiResponse } from '@/lib/messages';
import { openUiSlot, type ComposerUi } from './ui-slot';

export default defineContentScript({
  // Keep in step with lib/composer/sites/matches.ts and SITE_MATCHES in wxt.config.ts.
  matches: [
    'https://mail.google.com/*',
    'https://www.linkedin.com/*',
    'https://outlook.office.com/*',
    'https://outlook.live.com/*',
    'https://outlook.office365.com/*',
  ],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // The background may inject us again into a tab that already runs us (user-added sites).
    const flag = Symbol.for('clearline.content.started');
    const g = globalThis as Record<symbol, unknown>;
    if (g[flag]) return;
    g[flag] = true;
    watchForUse(ctx);
  },
});

function watchForUse(ctx: ContentScriptContext): void {
  const adapter = adapterFor(location.hostname);
  const host = hostElement();
  const slot = openUiSlot(ctx);
  let loading: Promise<ComposerUi | undefined> | null = null;
  /** After a failed start, wait before asking again: typing must not send a request per keystroke. */
  let retryAt = 0;

  /** Ask the background for the UI in this frame; one request at a time. */
  function load(): void {
    if (loading || slot.ui || Date.now() < retryAt) return;
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
        if (!ctx.isInvalid) console.warn('Clearline could not start on this composer:', e instanceof Error ? e.message : e);
        return undefined;
      });
  }

  const watcher = new Watcher(adapter, {
    found(root, reason) {
      if (reason === 'focus' || holdsDraft(root, adapter)) load();
    },
    swept() {},
  });
  watcher.start(document);
  // Typing into a composer that had focus before this script ran (no focus event to see).
  document.addEventListener(
    'input',
    (e) => {
      if (slot.ui || loading) return;
      const el = editingHost(e.composedPath()[0] as Element);
      if (el && adapter.isComposer(el)) load();
    },
    { capture: true, signal: ctx.signal },
  );

  // The popup's tabs.sendMessage reaches every frame (all_frames) and the first answer wins, so a
  // frame answers only about composers it owns; the top frame says "none" a moment later.
  browser.runtime.onMessage.addListener((message: unknown) => {
    const req = message as ContentRequest;
    if (req?.kind !== 'getFindings' && !FINDING_REQUESTS.has(req?.kind)) return undefined;
    if (slot.ui?.owns(req)) return slot.ui.answer(req);
    if (window !== window.top) return undefined;
    return new Promise((resolve) =>
      setTimeout(() => {
        if (slot.ui) resolve(slot.ui.answer(req));
        else resolve(req.kind === 'getFindings' ? { composer: null, findings: [] } : { ok: false, error: FINDING_GONE });
      }, req.kind === 'getFindings' ? 150 : 300),
    );
  });

  ctx.onInvalidated(() => {
    watcher.stop();
    if (!slot.ui) host.remove(); // else the UI removes it with its own parts
  });
  // Listeners are in place: tests may start typing.
  host.setAttribute('data-clearline-ready', 'true');
}
