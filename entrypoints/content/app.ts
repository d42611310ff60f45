// Wires the page side together: watcher → sessions → highlights/overlay → card, plus the keyboard
// path, hover/click hit-testing, answers to popup requests, the toolbar badge count and the test hook.
// Injected on first use of a composer (../composer-ui.ts); the page-load script is index.ts.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  accept,
  adapterFor,
  ensureHighlightStyle,
  getHost,
  isOurs,
  isVisible,
  Overlay,
  saveCaret,
  Session,
  Watcher,
  type Host,
  type TrackedFinding,
} from '@/lib/composer/index';
import { FINDING_GONE, type AnalyzeResponse, type ApplyResponse, type BackgroundRequest, type FindingView, type GetFindingsResponse } from '@/lib/messages';
import { CardController } from './card-controller';
import type { ComposerUi } from './ui-slot';

/** Start the UI in this frame (the page-load script saw a composer in use). */
export function startClearline(ctx: ContentScriptContext): ComposerUi {
  const signal = ctx.signal;
  const adapter = adapterFor(location.hostname);
  const host: Host = getHost();
  ensureHighlightStyle(document);
  const sessions = new Map<HTMLElement, Session>();
  /** The composer the user used last: the popup and the badge speak about it. */
  let active: Session | null = null;
  // Chrome clears a tab's badge when it navigates, so nothing needs saying until there is a count.
  let lastBadge = 0;

  const send = <T>(msg: BackgroundRequest) => browser.runtime.sendMessage(msg) as Promise<T>;

  const card = new CardController(host, {
    apply: (session, finding, index) => accept(session, finding, index),
    disableRule: async (finding) => {
      await send({ kind: 'disableRule', rule: `${finding.pack}/${finding.rule}` });
    },
    changed: () => publish(),
  });
  const overlay = new Overlay(host, () => card.reposition());

  // ---- sessions —

  function sessionFor(root: HTMLElement): Session {
    let s = sessions.get(root);
    if (s && !s.disposed) return s;
    s = new Session(root, adapter, {
      host,
      analyze: (text) => send<AnalyzeResponse>({ kind: 'analyze', text }),
      changed: (changed) => {
        card.sessionChanged(changed);
        publish();
      },
      redraw: () => overlay.schedule(),
      openMarker: (session, finding) => card.show(session, finding, 'marker'),
    });
    sessions.set(root, s);
    overlay.add(s);
    return s;
  }

  function drop(s: Session): void {
    sessions.delete(s.root);
    overlay.remove(s);
    s.dispose();
    card.sessionChanged(s);
    if (active === s) active = null;
    publish();
  }

  // A stopped service worker costs ~100 ms to start with its engine: wake it when the user
  // focuses a composer, so it is ready by the time the first pause in typing asks for analysis.
  let lastWarm = 0;
  function warmUp(): void {
    const now = Date.now();
    if (now - lastWarm < 20_000) return;
    lastWarm = now;
    send({ kind: 'warm' }).catch(() => undefined);
  }

  const watcher = new Watcher(adapter, {
    found(root, reason) {
      const s = sessionFor(root);
      // First sight or focus: analyse what is already there (a saved draft, a reply being continued).
      // A session whose text was analysed already only repaints.
      s.schedule(0);
      if (reason === 'focus') warmUp();
      if (reason === 'focus' && active !== s) {
        active = s;
        publish();
      }
    },
    swept() {
      // Gone: removed, emptied out with its container, or hidden (closed mole, minimised overlay).
      for (const s of [...sessions.values()]) if (!s.root.isConnected || !isVisible(s.root)) drop(s);
      overlay.schedule();
    },
  });

  // ---- pointer: hover and click on highlighted words —

  let pointerFrame = 0;
  let lastPointer: PointerEvent | null = null;
  const overCard = (e: Event) => !!card.element && e.composedPath().includes(card.element);

  /** The finding under the pointer; the open card's own finding wins when several overlap. */
  const hitTest = (x: number, y: number): [Session, TrackedFinding] | null => {
    for (const s of sessions.values()) {
      if (s.disposed || !s.findings.length) continue;
      const box = s.root.getBoundingClientRect();
      if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
      const hits = s.findingsAt(x, y);
      if (!hits.length) continue;
      const open = card.open;
      const keep = open && open.session === s ? hits.find((f) => f.key === open.finding.key) : undefined;
      return [s, keep ?? hits[0]!];
    }
    return null;
  };

  document.addEventListener(
    'pointermove',
    (e) => {
      lastPointer = e;
      if (pointerFrame) return;
      pointerFrame = requestAnimationFrame(() => {
        pointerFrame = 0;
        const ev = lastPointer;
        if (!ev) return;
        if (overCard(ev)) return card.cancelClose();
        const hit = hitTest(ev.clientX, ev.clientY);
        if (hit) card.show(hit[0], hit[1], 'hover');
        else card.closeSoon();
      });
    },
    { capture: true, passive: true, signal },
  );

  document.addEventListener(
    'pointerdown',
    (e) => {
      if (isOurs(e.composedPath()[0] as Node)) return;
      const hit = hitTest(e.clientX, e.clientY);
      if (hit) card.show(hit[0], hit[1], 'click');
      else card.close();
    },
    { capture: true, signal },
  );

  // ---- keyboard —

  const sessionOfEvent = (e: Event): Session | null => {
    const path = e.composedPath();
    for (const s of sessions.values()) if (path.includes(s.root)) return s;
    return null;
  };

  window.addEventListener(
    'keydown',
    (e) => {
      if (e.isComposing) return;
      const open = card.open;
      const s = sessionOfEvent(e);
      const swallow = () => {
        e.preventDefault();
        e.stopImmediatePropagation();
      };
      if (e.key === 'Enter' && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && s) {
        // Again while the card is open on several issues over the same words: the next one.
        if (open && open.session === s && card.siblings().length > 1) {
          swallow();
          card.step(1);
          return;
        }
        const f = findingNearCaret(s);
        if (f) {
          swallow();
          card.show(s, f, 'keyboard');
        }
        return;
      }
      if (!open) return;
      if (e.key === 'Escape') {
        swallow();
        card.close();
        return;
      }
      if (open.mode !== 'keyboard' || s !== open.session) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        swallow();
        card.move(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
        swallow();
        card.applyActive();
      } else if (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete') {
        // Typing again: the card steps aside.
        card.close();
      }
    },
    { capture: true, signal },
  );

  /** The span finding at or nearest before the caret; else the missing statement; else the first after. */
  function findingNearCaret(s: Session): TrackedFinding | null {
    const model = s.read();
    const caret = saveCaret(model);
    const at = caret ? caret.focus : model.text.length;
    const spans = s.findings.filter((f) => f.kind === 'span').sort((a, b) => a.start - b.start);
    let best: TrackedFinding | null = null;
    for (const f of spans) if (f.start <= at) best = f;
    if (best) return best;
    return s.findings.find((f) => f.kind === 'missing') ?? spans[0] ?? null;
  }

  // ---- settings and popup —

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('settings' in changes)) return;
    for (const s of sessions.values()) s.schedule(0, true);
  });

  function popupSession(): Session | null {
    if (active && !active.disposed) return active;
    for (const s of sessions.values()) if (s.findings.length) return s;
    return null;
  }

  function getFindings(): GetFindingsResponse {
    const s = popupSession();
    if (!s) return { composer: null, findings: [] };
    return { composer: { label: s.label, ...(s.error ? { error: s.error } : {}) }, findings: s.findings.map(toView) };
  }

  async function applyFromPopup(key: string, index: number): Promise<ApplyResponse> {
    for (const s of sessions.values()) {
      const f = s.find(key);
      if (!f) continue;
      const result = await accept(s, f, index);
      return result.ok ? { ok: true } : { ok: false, error: result.error };
    }
    return { ok: false, error: FINDING_GONE };
  }

  // ---- test hook and badge —

  let publishQueued = false;
  function publish(): void {
    if (publishQueued) return;
    publishQueued = true;
    queueMicrotask(() => {
      publishQueued = false;
      const composers = [...sessions.values()]
        .filter((s) => !s.disposed)
        .map((s) => ({
          id: s.id,
          site: adapter.id,
          label: s.label,
          active: s === active,
          paused: s.paused,
          error: s.error ?? undefined,
          // The whole draft only under automation (tests, npm start): no need to copy it for users.
          text: navigator.webdriver ? s.analysedText : undefined,
          findings: s.findings.map(toView),
        }));
      host.element.setAttribute('data-clearline-findings', JSON.stringify(composers));
      const open = card.open;
      host.element.setAttribute('data-clearline-card', open ? open.finding.key : '');
      const count = active && !active.disposed ? active.warningCount() : 0;
      if (count !== lastBadge) {
        lastBadge = count;
        send({ kind: 'setBadge', count }).catch(() => undefined);
      }
    });
  }

  ctx.onInvalidated(() => {
    card.close();
    for (const s of sessions.values()) s.dispose();
    sessions.clear();
    host.element.remove();
  });

  // Last: the first scan reports composers at once, and everything above must exist by then.
  watcher.start(document, { immediate: true });
  publish();

  // Popup requests arrive through the page-load script (it listens from the start).
  return {
    owns: (req) => (req.kind === 'getFindings' ? !!popupSession() : [...sessions.values()].some((s) => s.find(req.key))),
    answer: (req) => (req.kind === 'getFindings' ? Promise.resolve(getFindings()) : applyFromPopup(req.key, req.suggestion)),
  };
}

function toView(f: TrackedFinding): FindingView {
  return {
    key: f.key,
    rule: f.rule,
    intent: f.intent,
    detector: f.detector,
    pack: f.pack,
    severity: f.severity,
    kind: f.kind,
    start: f.start,
    end: f.end,
    message: f.message,
    why: f.why,
    suggestions: f.suggestions,
    text: f.text,
  };
}
