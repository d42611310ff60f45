// Finds composers: on focus (composedPath, so inside open shadow roots too) and as they appear
// (MutationObserver on the document and on every open shadow root met), coalesced per animation
// frame. Reports composers that appear and ones that go away (removed, emptied or hidden).
import type { SiteAdapter } from './sites/types';
import { editingHost } from './sites/common';
import { isOurs } from './host';
import { nextFrame } from './next-frame';

export interface WatcherEvents {
  found(root: HTMLElement, reason: 'focus' | 'scan'): void;
  /** Called once per animation frame after DOM changes, so the owner can drop composers that went away. */
  swept(): void;
}

export class Watcher {
  private observers = new Map<Node, MutationObserver>();
  private pending = new Set<Node>();
  /** Elements whose own attributes changed: only they are re-checked (a deep scan per class flip is too costly). */
  private touched = new Set<Element>();
  private frame: (() => void) | null = null;
  private sweep = false;

  constructor(
    private adapter: SiteAdapter,
    private events: WatcherEvents,
  ) {}

  start(doc: Document = document): void {
    doc.addEventListener('focusin', (e) => this.onFocus(e), true);
    this.observe(doc);
    // The first full scan waits for an idle moment so it is not part of the page's load work;
    // focus and DOM changes are handled from now on regardless.
    const scanAll = () => {
      if (doc.documentElement) this.scan(doc.documentElement);
    };
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(scanAll, { timeout: 300 });
    else setTimeout(scanAll, 0);
  }

  /** The element the user focused, looked up through open shadow roots. */
  private onFocus(e: Event): void {
    const target = e.composedPath()[0];
    if (!(target instanceof Element) || isOurs(target)) return;
    // A focus inside a shadow root we have not seen yet: watch that root from now on.
    const rootNode = target.getRootNode();
    if (rootNode instanceof ShadowRoot && !this.observers.has(rootNode)) {
      this.observe(rootNode);
      this.scan(rootNode);
    }
    const host = editingHost(target);
    if (host && this.adapter.isComposer(host)) this.events.found(host, 'focus');
  }

  private observe(scope: Document | ShadowRoot): void {
    if (this.observers.has(scope)) return;
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) this.pending.add(n);
        if (r.removedNodes.length) this.sweep = true;
        // Attribute flips (contenteditable, hidden, class) can make or unmake a composer.
        if (r.type === 'attributes' && r.target.nodeType === Node.ELEMENT_NODE) {
          this.touched.add(r.target as Element);
          this.sweep = true;
        }
      }
      this.scheduleFlush();
    });
    mo.observe(scope, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['contenteditable', 'hidden', 'aria-readonly', 'aria-hidden', 'disabled', 'readonly'],
    });
    this.observers.set(scope, mo);
  }

  private scheduleFlush(): void {
    if (this.frame) return;
    this.frame = nextFrame(() => {
      this.frame = null;
      const nodes = [...this.pending];
      this.pending.clear();
      for (const n of nodes) if (n.isConnected) this.scan(n as Element);
      const touched = [...this.touched];
      this.touched.clear();
      for (const el of touched) {
        if (!el.isConnected || !el.matches(this.adapter.candidates)) continue;
        const host = editingHost(el);
        if (host === el && this.adapter.isComposer(host)) this.events.found(host, 'scan');
      }
      if (this.sweep || nodes.length) {
        this.sweep = false;
        this.events.swept();
      }
    });
  }

  /** Find composers in a subtree, and open shadow roots to watch. */
  private scan(start: Element | ShadowRoot): void {
    if (start instanceof Element && isOurs(start)) return;
    const candidates: Element[] = [];
    if (start instanceof Element && start.matches(this.adapter.candidates)) candidates.push(start);
    candidates.push(...start.querySelectorAll(this.adapter.candidates));
    for (const el of candidates) {
      const host = editingHost(el);
      if (host === el && this.adapter.isComposer(host)) this.events.found(host, 'scan');
    }
    // Shadow roots: walk the subtree for hosts with an open root.
    const walker = (start.ownerDocument ?? document).createTreeWalker(start, NodeFilter.SHOW_ELEMENT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      const sr = (n as Element).shadowRoot;
      if (sr && !isOurs(n) && !this.observers.has(sr)) {
        this.observe(sr);
        this.scan(sr);
      }
    }
  }
}
