// Wires the page side together: watcher → sessions → underline overlay → card, plus the keyboard
// path, hover/click hit-testing, answers to popup requests, the toolbar badge count and (test builds
// only) the test hook. Injected on first use of a composer (../composer-ui.ts); the page-load script
// is ../composer-watch.ts. Every listener ignores synthetic events: only the user drives Clearline.
import { browser } from 'wxt/browser';
import {
  accept,
  adapterFor,
  getHost,
  Indicator,
  isOurs,
  isVisible,
  marked,
  Overlay,
  readModel,
  saveCaret,
  Session,
  Watcher,
  type Host,
  type TrackedFinding,
} from '@/lib/composer/index';
import { reveal } from '@/lib/composer/reveal';
import { userUse } from '@/lib/composer/user-use';
import { FINDING_GONE, UI_PORT, type AnalyzeResponse, type ApplyResponse, type BackgroundRequest, type ContentRequest, type DisableRuleResponse, type FindingView, type GetFindingsResponse, type SiteResponse } from '@/lib/messages';
import { CardController } from './card-controller';
import type { Lifetime } from './lifetime';
import { Announcer } from './announcer';
import { HoverIntent } from './hover-intent';
import type { ComposerUi } from './ui-slot';

/** Keys that move the caret: a keyboard card steps aside, so the next Enter is a new line again. */
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** Start the UI in this frame (the user used a composer here). */
export function startClearline(life: Lifetime): ComposerUi {
  const signal = life.signal;
  const adapter = adapterFor(location.hostname);
  const host: Host = getHost();
  /** Sessions exist only for composers the user used (user-use.ts), never for ones that merely hold text. */
  const sessions = new Map<HTMLElement, Session>();
  const use = userUse();
  /** The session of the composer the user last pressed a key or the pointer in: the popup and badge speak about it. */
  const activeSession = (): Session | null => {
    const s = use.last ? sessions.get(use.last) : undefined;
    return s && !s.disposed ? s : null;
  };
  let lastActive: Session | null = null;
  /**
   * Texts of used composers that went away: an editor that re-renders the same draft into a new
   * element (LinkedIn reopening a conversation) is still the composer the user was using.
   */
  const goneTexts = new Set<string>();
  const indicators = new Map<Session, Indicator>();
  // Chrome clears a tab's badge when it navigates, so nothing needs saying until there is a count.
  let lastBadge = '0:on';

  const send = <T>(msg: BackgroundRequest) => {
    connect();
    return browser.runtime.sendMessage(msg) as Promise<T>;
  };

  // The port closes when the extension goes away (then runtime.id is gone too: tear down now, not
  // at the next event) and also when an idle service worker stops (the next request reopens it).
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  function connect(): void {
    if (port || life.isInvalid) return;
    try {
      port = browser.runtime.connect({ name: UI_PORT });
      port.onDisconnect.addListener(() => {
        port = null;
        // Chrome clears runtime.id a moment after the port of a reloaded extension closes.
        if (!life.isInvalid) setTimeout(() => void life.isInvalid, 500);
      });
    } catch {
      void life.isInvalid;
    }
  }

  const announcer = new Announcer(host);
  /** The session whose last change was ours (Apply/Insert): its next Ctrl+Z is announced as Undo. */
  let lastAccepted: Session | null = null;
  const card = new CardController(host, {
    apply: async (session, finding, index) => {
      const result = await accept(session, finding, index);
      if (result.ok) lastAccepted = session;
      return result;
    },
    announce: (text, fromCard) => announcer.say(text, fromCard),
    cardClosed: () => announcer.cardClosed(),
    // The background answers { ok, error? }; no answer at all is a failure too.
    disableRule: async (finding) => {
      const res = await send<DisableRuleResponse | undefined>({ kind: 'disableRule', rule: `${finding.pack}/${finding.rule}` });
      return res && typeof res.ok === 'boolean' ? res : { ok: false };
    },
    restoreRule: async (finding, wasEnabled) => {
      const res = await send<SiteResponse | undefined>({ kind: 'restoreRule', rule: `${finding.pack}/${finding.rule}`, wasEnabled });
      return res && typeof res.ok === 'boolean' ? res : { ok: false };
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
      watch: (root) => overlay.watch(root),
      openMarker: (session, finding) => card.show(session, finding, 'marker'),
    });
    sessions.set(root, s);
    overlay.add(s);
    const badge = new Indicator(s, (session) => {
      if (session.paused) announcer.say('Clearline is paused.');
      else if (session.findings.length) card.showList(session);
      else announcer.say(session.error ? `Clearline could not check this draft: ${session.error}` : 'No issues in this draft.');
    });
    indicators.set(s, badge);
    overlay.add(badge);
    return s;
  }

  function drop(s: Session): void {
    sessions.delete(s.root);
    if (s.analysedText.trim()) rememberGone(s.analysedText);
    overlay.remove(s);
    const badge = indicators.get(s);
    if (badge) overlay.remove(badge);
    indicators.delete(s);
    s.dispose();
    card.sessionChanged(s);
    publish();
  }

  /** A new element holding exactly the draft of a used composer that went (or is going) away. */
  function isRerender(root: HTMLElement): boolean {
    const orphans = [...sessions.values()].filter((s) => !s.root.isConnected);
    if (!goneTexts.size && !orphans.length) return false;
    const text = readModel(root, adapter).text;
    if (!text.trim()) return false;
    const hit = goneTexts.delete(text) || orphans.some((s) => s.analysedText === text);
    return hit;
  }

  function rememberGone(text: string): void {
    goneTexts.add(text);
    if (goneTexts.size > 8) goneTexts.delete(goneTexts.values().next().value!);
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

  // The user used a composer: analyse what is already there (a saved draft, a reply being continued)
  // on first use and on focus; a session whose text was analysed already only repaints. A key press
  // in a known session only makes it the active one (the keystroke's own input schedules analysis).
  use.onUse((root, kind) => {
    if (life.isInvalid || !root.isConnected) return;
    const known = sessions.get(root);
    if (known && !known.disposed && kind === 'press') return setActive();
    if (!adapter.isComposer(root)) return;
    sessionFor(root).schedule(0);
    warmUp();
    setActive();
  }, signal);

  function setActive(): void {
    const s = activeSession();
    if (s === lastActive) return;
    lastActive = s;
    publish();
  }

  const watcher = new Watcher(adapter, {
    found(root, reason) {
      if (reason === 'focus') {
        use.use(root, 'focus');
        return;
      }
      if (use.has(root)) sessionFor(root).schedule(0);
      else if (isRerender(root)) use.use(root, 'press');
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
  // Our shadow root is closed in production, so the page's listeners and ours see our host as the
  // target; a pointer over the host is over the card or a marker.
  const overCard = (e: Event) => !!card.element && e.composedPath().includes(host.element);

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
      if (!e.isTrusted) return;
      lastPointer = e;
      // The marker under the user's own pointer, and only that one, takes pointer events (at once,
      // so a click right after arriving lands on it).
      overlay.pointerAt(e.clientX, e.clientY);
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
      if (!e.isTrusted || life.isInvalid || isOurs(e.composedPath()[0] as Node)) return;
      // A touch (or a click faster than the pointer's move) on a marker that was not yet taking
      // pointer events: it is still the user pressing the marker, not the words under it.
      if (overlay.pressAt(e.clientX, e.clientY)) {
        e.preventDefault();
        return;
      }
      // A click in the draft is the user editing: close any card, and open none where they clicked.
      intent.quiet(e.clientX, e.clientY);
      card.close();
    },
    { capture: true, signal },
  );

  // The pointer left the page: no marker stays open to hit-testing.
  document.addEventListener(
    'pointerout',
    (e) => {
      if (e.isTrusted && !e.relatedTarget) overlay.pointerAt(null);
    },
    { capture: true, passive: true, signal },
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
      if (!e.isTrusted || e.isComposing || life.isInvalid) return;
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
      const note = card.notice;
      if (!open && note) {
        // The Undo notice after Ignore or Turn off: Alt+U undoes, Tab reaches its button, Esc or typing closes it.
        const inNote = overCard(e);
        if (e.code === 'KeyU' && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (inNote || s === note.session)) {
          swallow();
          void card.undo();
          return;
        }
        if (e.key === 'Escape' && (inNote || s === note.session || !s)) {
          swallow();
          card.escape();
          return;
        }
        if (inNote) return;
        if (s === note.session && e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
          if (card.focusCard()) swallow();
          return;
        }
        if (s && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete' || e.key === 'Enter')) card.close();
        return;
      }
      if (!open) return;
      const inCard = overCard(e);
      // In production the shadow root is closed: from window the path stops at our host, so the
      // shadow root's own focus says whether the key comes from inside the card.
      const inPopover = inCard && (e.composedPath().includes(card.element!) || card.element!.contains(host.shadow.activeElement));
      if (inCard && !inPopover && e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
        // From the indicator (or the + marker) that opened the card: into the card's first action.
        if (card.focusCard()) swallow();
        return;
      }
      if (e.key === 'Escape' && (inCard || s === open.session || !s)) {
        swallow();
        if (inCard) card.escape(); // back to the draft, the caret where it was
        else card.close();
        return;
      }
      // Alt+I / Alt+O act on the open card from the draft and from any of the card's own buttons
      // (which announce those shortcuts).
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyI' || e.code === 'KeyO') && (inPopover || (!inCard && s === open.session))) {
        swallow();
        if (e.code === 'KeyI') card.ignore();
        else void card.disableRule();
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
      const plain = !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey;
      if (CARET_KEYS.has(e.key) || ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !plain)) {
        // The caret moves (the key goes on to the editor): the card steps aside.
        card.close();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        swallow();
        card.move(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Enter' && plain && !card.canApply()) {
        // Nothing the editor can take: Enter is the user's new line.
        card.close();
      } else if (e.key === 'Enter' && plain) {
        swallow();
        card.applyActive();
      } else if (e.key.length === 1 || e.key === 'Backspace' || e.key === 'Delete') {
        // Typing again: the card steps aside.
        card.close();
      }
    },
    { capture: true, signal },
  );

  /** The span finding whose flagged words are at or nearest before the caret; else the missing statement; else the first after. */
  function findingNearCaret(s: Session): TrackedFinding | null {
    const model = s.read();
    const caret = saveCaret(model);
    const at = caret ? caret.focus : model.text.length;
    // A sentence's card starts at the sentence, but the user points at the words it underlines.
    const spans = s.findings.filter((f) => f.kind === 'span').sort((a, b) => marked(a).start - marked(b).start);
    let best: TrackedFinding | null = null;
    for (const f of spans) if (marked(f).start <= at) best = f;
    if (best) return spans.find((f) => isCustom(f) && f.start < best!.end && best!.start < f.end && f.start <= at) ?? best;
    return s.findings.find((f) => f.kind === 'missing') ?? spans[0] ?? null;
  }

  // ---- settings and popup —

  browser.storage.onChanged.addListener((changes, area) => {
    if (life.isInvalid || area !== 'local' || !('settings' in changes)) return;
    for (const s of sessions.values()) s.schedule(0, true);
  });

  function popupSession(): Session | null {
    const active = activeSession();
    if (active) return active;
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

  /** Only into the composer the popup showed: the one the user last used. */
  async function applyFromPopup(key: string, index: number): Promise<ApplyResponse> {
    const s = popupSession();
    const f = s?.find(key);
    if (!s || !f) return { ok: false, error: FINDING_GONE };
    const result = await accept(s, f, index);
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  }

  // ---- badge and (test builds only) the test hook —

  let publishQueued = false;
  let typedSince = false;
  let lastTotal = 0;
  function publish(): void {
    if (publishQueued) return;
    publishQueued = true;
    queueMicrotask(() => {
      publishQueued = false;
      const active = activeSession();
      // After the user typed: say how many issues the draft has now, once per change (not after our own Apply).
      const total = active ? active.findings.length : 0;
      if (typedSince && total !== lastTotal) {
        typedSince = false;
        announcer.say(total ? `Clearline: ${total} ${total === 1 ? 'issue' : 'issues'} in this draft.` : 'Clearline: no issues left in this draft.');
      }
      lastTotal = total;
      const count = active ? active.warningCount() : 0;
      // Resend on a pause or resume too: the background clears the pause mark on resume, and the
      // count may be the same as before the pause.
      const badgeState = `${count}:${active?.paused ? 'paused' : 'on'}`;
      if (badgeState !== lastBadge) {
        lastBadge = badgeState;
        send({ kind: 'setBadge', count }).catch(() => undefined);
      }
      if (!__CLEARLINE_TEST_HOOKS__) return;
      const composers = [...sessions.values()]
        .filter((s) => !s.disposed)
        .map((s) => ({
          id: s.id,
          site: adapter.id,
          label: s.label,
          active: s === active,
          paused: s.paused,
          error: s.error ?? undefined,
          text: s.analysedText,
          findings: s.findings.map(toView),
        }));
      host.element.setAttribute('data-clearline-findings', JSON.stringify(composers));
      const open = card.open;
      host.element.setAttribute('data-clearline-card', open ? open.finding.key : '');
    });
  }

  life.onInvalidated(() => {
    port = null;
    card.close();
    for (const s of sessions.values()) s.dispose();
    sessions.clear();
    host.element.remove();
  });

  connect();
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
    ...(f.focus ? { focus: f.focus } : {}),
    ...(f.marks ? { marks: f.marks } : {}),
    ...(f.also ? { also: f.also } : {}),
  };
}
