// Finds composers: on focus (composedPath, so inside open shadow roots too) and as they appear
// (MutationObserver on the document and on every open shadow root met), coalesced per animation
// frame. Reports composers that appear and ones that go away (removed, emptied or hidden). A report
// is not a use: whether the user moved focus there is for ./user-use.ts to judge.
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

  private doc: Document | null = null;
  /** Removes every listener we added (document and shadow roots) on stop(). */
  private listening = new AbortController();
  private lastFocus: Event | null = null;

  /**
   * Watch `doc`. The first full scan waits for an idle moment so it is not part of the page's load
   * work, unless `immediate` (the UI starting because a composer is in use). Either way the composer
   * that already has focus is then reported as focused.
   */
  start(doc: Document = document, { immediate = false } = {}): void {
    this.doc = doc;
    this.observe(doc);
    const scanAll = () => {
      if (!this.doc || !doc.documentElement) return;
      this.scan(doc.documentElement);
      // A composer focused before we started watching: no focus event will tell us.
      this.reportFocused(doc);
    };
    if (immediate) return scanAll();
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(scanAll, { timeout: 300 });
    else setTimeout(scanAll, 0);
  }

  /** Stop watching: no more reports. */
  stop(): void {
    this.listening.abort();
    this.listening = new AbortController();
    this.doc = null;
    this.frame?.();
    this.frame = null;
    for (const mo of this.observers.values()) mo.disconnect();
    this.observers.clear();
    this.pending.clear();
    this.touched.clear();
  }

  /** The focused element, through open shadow roots: a composer there was focused before we watched. */
  private reportFocused(doc: Document): void {
    let el: Element | null = doc.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || isOurs(el)) return;
    const host = editingHost(el);
    if (host && this.adapter.isComposer(host)) this.events.found(host, 'focus');
  }

  /** The element focus moved to, looked up through open shadow roots. Synthetic focus events are ignored. */
  private onFocus(e: Event): void {
    if (!e.isTrusted) return;
    // Seen by the shadow root's listener and again by the document's as it crosses the boundary.
    if (e === this.lastFocus) return;
    this.lastFocus = e;
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
    // Focus moving inside one shadow root (subject field → message body) never reaches the document:
    // retargeted, target and relatedTarget are both the host, so the event stops at the root.
    scope.addEventListener('focusin', (e) => this.onFocus(e), { capture: true, signal: this.listening.signal });
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE) this.pending.add(n);
        if (r.removedNodes.length) this.sweep = true;
        // Attribute flips (contenteditable, hidden, class, style) can make or unmake a composer:
        // Gmail minimises a mole and LinkedIn collapses a bubble by a class on an ancestor.
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
      attributeFilter: ['contenteditable', 'hidden', 'aria-readonly', 'aria-hidden', 'disabled', 'readonly', 'class', 'style', 'inert'],
    });
    this.observers.set(scope, mo);
  }

  private scheduleFlush(): void {
    if (this.frame) return;
    this.frame = nextFrame(() => {
      this.frame = null;
      if (!this.doc) return;
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
    // Shadow roots: walk the subtree for hosts with an open root, on sites that use them.
    if (this.adapter.shadowRoots === 'none') return;
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
