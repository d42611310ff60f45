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
  Indicator,
  isOurs,
  isVisible,
  onForcedColoursChange,
  Overlay,
  saveCaret,
  Session,
  Watcher,
  type Host,
  type TrackedFinding,
} from '@/lib/composer/index';
import { reveal } from '@/lib/composer/reveal';
import { FINDING_GONE, type AnalyzeResponse, type ApplyResponse, type BackgroundRequest, type ContentRequest, type FindingView, type GetFindingsResponse } from '@/lib/messages';
import { CardController } from './card-controller';
import { Announcer } from './announcer';
import { HoverIntent } from './hover-intent';
import type { ComposerUi } from './ui-slot';

/** Start the UI in this frame (the page-load script saw a composer in use). */
export function startClearline(ctx: ContentScriptContext): ComposerUi {
  const signal = ctx.signal;
  const adapter = adapterFor(location.hostname);
  const host: Host = getHost();
  ensureHighlightStyle(document);
  const sessions = new Map<HTMLElement, Session>();
  const indicators = new Map<Session, Indicator>();
  /** The composer the user used last: the popup and the badge speak about it. */
  let active: Session | null = null;
  // Chrome clears a tab's badge when it navigates, so nothing needs saying until there is a count.
  let lastBadge = 0;

  const send = <T>(msg: BackgroundRequest) => browser.runtime.sendMessage(msg) as Promise<T>;

  const announcer = new Announcer(host);
  /** The session whose last change was ours (Apply/Insert): its next Ctrl+Z is announced as Undo. */
  let lastAccepted: Session | null = null;
  const card = new CardController(host, {
    apply: async (session, finding, index) => {
      const result = await accept(session, finding, index);
      if (result.ok) lastAccepted = session;
      return result;
    },
    announce: (text) => announcer.say(text),
    disableRule: async (finding) => {
      await send({ kind: 'disableRule', rule: `${finding.pack}/${finding.rule}` });
    },
    changed: () => publish(),
  });
  const overlay = new Overlay(host, () => card.reposition());
  // Highlights or overlay boxes: which one paints depends on forced colours.
  onForcedColoursChange(() => {
    for (const s of sessions.values()) s.paint();
  }, signal);

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
    const badge = new Indicator(s, (session) => card.showList(session));
    indicators.set(s, badge);
    overlay.add(badge);
    return s;
  }

  function drop(s: Session): void {
    sessions.delete(s.root);
    overlay.remove(s);
    const badge = indicators.get(s);
    if (badge) overlay.remove(badge);
    indicators.delete(s);
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
      // The user's own phrase speaks first where it is (their message, not the built-in one).
      return [s, keep ?? hits.find(isCustom) ?? hits[0]!];
    }
    return null;
  };

  type Hit = { key: string; session: Session; finding: TrackedFinding };
  const intent = new HoverIntent<Hit>((hit) => {
    // Still on the same words after the pointer rested: open.
    const now = lastPointer && hitTest(lastPointer.clientX, lastPointer.clientY);
    if (now && now[1].key === hit.key) card.show(now[0], now[1], 'hover');
  });

  document.addEventListener(
    'pointermove',
    (e) => {
      lastPointer = e;
      if (pointerFrame) return;
      pointerFrame = requestAnimationFrame(() => {
        pointerFrame = 0;
        const ev = lastPointer;
        if (!ev) return;
        if (overCard(ev)) {
          intent.cancel();
          return card.cancelClose();
        }
        const hit = hitTest(ev.clientX, ev.clientY);
        const open = card.open;
        if (hit && open && open.finding.key === hit[1].key) return card.cancelClose();
        intent.move(ev.clientX, ev.clientY, hit ? { key: hit[1].key, session: hit[0], finding: hit[1] } : null);
        card.closeSoon();
      });
    },
    { capture: true, passive: true, signal },
  );

  document.addEventListener(
    'pointerdown',
    (e) => {
      if (isOurs(e.composedPath()[0] as Node)) return;
      // A click in the draft is the user editing: close any card, and open none where they clicked.
      intent.quiet(e.clientX, e.clientY);
      card.close();
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
        swallow();
        const f = findingNearCaret(s);
        if (f) card.show(s, f, 'keyboard');
        else announcer.say(s.paused ? 'Clearline is paused.' : 'No issues in this draft.');
        return;
      }
      if (s && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && lastAccepted === s) {
        lastAccepted = null;
        requestAnimationFrame(() => announcer.say('Undone: your words are back.'));
      }
      // Keys that edit the draft (not Enter choosing a rewrite in a keyboard card).
      const choosing = open && open.mode === 'keyboard' && open.session === s && e.key === 'Enter';
      if (s && !choosing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete' || e.key === 'Enter')) typedSince = true;
      if (!open) return;
      const inCard = overCard(e);
      if (e.key === 'Escape' && (inCard || s === open.session || !s)) {
        swallow();
        card.close();
        if (inCard) open.session.root.focus();
        return;
      }
      if (inCard) return; // the card's own keys (cardKey) and native button keys
      if (s !== open.session) {
        if (s && typedSince) card.close(); // typing in another composer
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyI' || e.code === 'KeyO')) {
        swallow();
        if (e.code === 'KeyI') card.ignore();
        else void card.disableRule();
        return;
      }
      if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
        // The card comes before the page's next stop (Gmail's Send): Enter must never send by surprise.
        if (card.focusCard()) swallow();
        return;
      }
      const typing = !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete');
      if (open.mode !== 'keyboard' || s !== open.session) {
        // Typing in a composer closes any card: it must never sit over the words being written.
        if (s && (typing || e.key === 'Enter')) card.close();
        return;
      }
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
    if (best) return spans.find((f) => isCustom(f) && f.start < best!.end && best!.start < f.end && f.start <= at) ?? best;
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

  /** Ignore, Undo ignore and Show in draft, asked by the popup. */
  function findingAction(req: Exclude<ContentRequest, { kind: 'getFindings' | 'applySuggestion' }>): ApplyResponse {
    for (const s of sessions.values()) {
      if (req.kind === 'unignoreFinding') {
        if (req.key.startsWith(`${s.id}:`) && s.unignore(req.key)) return { ok: true };
        continue;
      }
      const f = s.find(req.key);
      if (!f) continue;
      if (req.kind === 'revealFinding') return reveal(s, f);
      if (card.open?.finding.key === f.key) card.close();
      s.ignore(f);
      return { ok: true };
    }
    return { ok: false, error: FINDING_GONE };
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
  let typedSince = false;
  let lastTotal = 0;
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
      // After the user typed: say how many issues the draft has now, once per change (not after our own Apply).
      const total = active && !active.disposed ? active.findings.length : 0;
      if (typedSince && total !== lastTotal) {
        typedSince = false;
        announcer.say(total ? `Clearline: ${total} ${total === 1 ? 'issue' : 'issues'} in this draft.` : 'Clearline: no issues left in this draft.');
      }
      lastTotal = total;
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
    owns: (req) =>
      req.kind === 'getFindings'
        ? !!popupSession()
        : [...sessions.values()].some((s) => (req.kind === 'unignoreFinding' ? req.key.startsWith(`${s.id}:`) : s.find(req.key))),
    answer: (req) => {
      if (req.kind === 'getFindings') return Promise.resolve(getFindings());
      if (req.kind === 'applySuggestion') return applyFromPopup(req.key, req.suggestion);
      return Promise.resolve(findingAction(req));
    },
  };
}

/** A finding from the user's own custom phrases (options page). */
const isCustom = (f: { rule: string }) => f.rule.startsWith('custom-');

function toView(f: TrackedFinding): FindingView {
  return {
    key: f.key,
    rule: f.rule,
    pack: f.pack,
    severity: f.severity,
    kind: f.kind,
    start: f.start,
    end: f.end,
    message: f.message,
    why: f.why,
    suggestions: f.suggestions,
    text: f.text,
    ...(f.focus ? { focus: f.focus } : {}),
  };
}
