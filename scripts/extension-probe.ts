// Reads what the production build shows in a tab the way the extension itself does, for npm start
// and the screenshots: the production build has no test hooks on the page (and the page must not
// be able to read findings), so we ask from the service worker — the same getFindings request the
// toolbar popup sends — and check that the page-load script runs with an isolated-world probe.
import type { Page, Worker } from '@playwright/test';

export interface ProbeFinding {
  key: string;
  pack: string;
  rule: string;
  severity: string;
  kind: 'span' | 'missing';
  start: number;
  /** The underlined trigger words, when narrower than the span. */
  focus?: { start: number; end: number };
  text: string;
  message: string;
  suggestions: string[];
}

// The extension API inside worker.evaluate (no @types/chrome in this project).
declare const chrome: any;

/** Wait until Clearline's page-load script runs in the tab showing `urlPattern` (e.g. 'https://mail.google.com/*'). */
export async function waitForContentScript(worker: Worker, urlPattern: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // A string, not a function: tsx would wrap a named function in a helper the worker lacks.
    const started = await worker.evaluate(`(async () => {
      const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(urlPattern)} });
      if (tab?.id === undefined) return false;
      const [r] = await chrome.scripting
        .executeScript({ target: { tabId: tab.id }, func: () => !!globalThis[Symbol.for('clearline.content.started')] })
        .catch(() => [{ result: false }]);
      return r?.result === true;
    })()`);
    if (started) return;
    if (Date.now() > until) throw new Error(`Clearline did not start in ${urlPattern}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Wait until the tab's active composer has findings, and return them (as the popup sees them). */
export async function waitForFindings(worker: Worker, urlPattern: string, timeoutMs = 20_000): Promise<ProbeFinding[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const findings = await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id === undefined) return [];
      const res = await chrome.tabs.sendMessage(tab.id, { kind: 'getFindings' }).catch(() => null);
      return (res?.findings ?? []) as unknown[];
    }, urlPattern);
    if (findings.length) return findings as ProbeFinding[];
    if (Date.now() > until) throw new Error(`no findings in ${urlPattern}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface DomNode {
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Wait until the suggestion card is open in `page`. The card sits in a closed shadow root, which
 * page scripts and Playwright's selectors cannot enter; the DevTools protocol's pierce option can.
 */
export async function waitForCard(page: Page, timeoutMs = 10_000): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const until = Date.now() + timeoutMs;
  const open = (n: DomNode): boolean => {
    const a = n.attributes ?? [];
    const label = a.indexOf('aria-label');
    if (label >= 0 && a[label + 1] === 'Clearline suggestion') return true;
    return [...(n.children ?? []), ...(n.shadowRoots ?? [])].some(open);
  };
  try {
    for (;;) {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
      if (open(root)) return;
      if (Date.now() > until) throw new Error('the suggestion card did not open');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await cdp.detach();
  }
}
