// Opens, places, updates and closes the card (created on first use), and runs its actions.
// The card never takes focus by itself: pointer presses inside it are cancelled so the editor keeps its
// selection. Keyboard focus enters only by Tab from the editor and goes back there, caret kept.
import { render } from 'preact';
import type { Host } from '@/lib/composer/host';
import { rewriteBlocker } from '@/lib/composer/accept';
import { deepActiveElement } from '@/lib/composer/accept';
import { keepCaret, type KeptCaret } from '@/lib/composer/kept-caret';
import { markedText, type Session, type TrackedFinding } from '@/lib/composer/session';
import { ruleNotTurnedOff } from '@/lib/messages';
import { Card, CARD_ACTIONS, UndoCard, type CardAction, type CardModel } from './Card';
import { caretLine } from './caret-line';
import cardCss from './card.css?inline';

export type OpenMode = 'hover' | 'click' | 'keyboard' | 'marker';

export interface CardActions {
  apply(session: Session, finding: TrackedFinding, index: number): Promise<{ ok: boolean; error?: string; undoable?: boolean }>;
  /** Store the rule as off; `ok: false` (or a rejection) with why when it was not; `wasEnabled` for Undo. */
  disableRule(finding: TrackedFinding): Promise<{ ok: boolean; error?: string; wasEnabled?: boolean | null }>;
  /** Undo of disableRule: put the rule's switch back as it was. */
  restoreRule?(finding: TrackedFinding, wasEnabled: boolean | null): Promise<{ ok: boolean; error?: string }>;
  /** The open card changed (for the test hook). */
  changed(): void;
  /** Say something in the live region (`fromCard`: a description of the open card). */
  announce(text: string, fromCard?: boolean): void;
  /** The card closed: its description, if the live region still holds it, goes. */
  cardClosed?(): void;
}

interface OpenCard {
  session: Session;
  finding: TrackedFinding;
  mode: OpenMode;
  activeIndex: number;
  busy: boolean;
  status: CardModel['status'];
  /** Opened from the indicator: the pager walks every finding of the draft. */
  all?: boolean;
}

/** What the card says after Ignore or "Turn off this rule", with the Undo that takes it back. */
export interface UndoNotice {
  session: Session;
  finding: TrackedFinding;
  text: string;
  /** Runs the Undo; resolves to what to announce, or throws with why it failed. */
  run(): Promise<string>;
  busy: boolean;
  error: string | null;
}

export class CardController {
  private popover: HTMLElement | null = null;
  private state: OpenCard | null = null;
  /** Shown in the card's place after Ignore or Turn off, until the user types, clicks elsewhere or closes it. */
  private note: UndoNotice | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private lastAnnounced = '';
  /** The card's button that has keyboard focus (the hint then speaks about that button). */
  private focusedAction: CardAction | null = null;
  /** Where the caret was in the editor when Tab brought focus into the card. */
  private caret: KeptCaret | null = null;

  constructor(
    private host: Host,
    private actions: CardActions,
  ) {}

  get open(): OpenCard | null {
    return this.state;
  }

  /** The Undo notice in the card's place, if one is up. */
  get notice(): UndoNotice | null {
    return this.note;
  }

  /** Our popover element (for "is the pointer over the card"). */
  get element(): HTMLElement | null {
    return this.popover;
  }

  show(session: Session, finding: TrackedFinding, mode: OpenMode): void {
    this.cancelClose();
    this.note = null;
    const same = this.state && this.state.finding.key === finding.key && this.state.session === session;
    if (same && this.state) {
      // Still hovering the same words: nothing to redraw (this runs on every pointer frame).
      if (mode === 'hover' || mode === this.state.mode) return;
      // Hovering again must not downgrade a card opened by click or keyboard; clicking upgrades it.
      this.state.mode = mode;
    } else {
      this.state?.session.setActive(null);
      this.state = { session, finding, mode, activeIndex: usable(finding)[0] ?? 0, busy: false, status: null };
    }
    session.setActive(finding.key);
    this.render();
    this.actions.changed();
  }

  /** The indicator by the composer: every finding of the draft, one at a time, first in reading order. */
  showList(session: Session): void {
    const first = [...session.findings].sort((a, b) => a.start - b.start)[0];
    if (!first) return;
    this.show(session, first, 'marker');
    if (this.state) {
      this.state.all = true;
      this.render();
    }
  }

  close(): void {
    this.cancelClose();
    const note = this.note;
    if (note && !this.state) {
      // The Undo notice goes; focus on its button goes back to the draft, caret kept.
      const hadFocus = this.focused;
      this.note = null;
      this.render();
      this.focusedAction = null;
      if (hadFocus) this.backToDraft(note.session);
      this.caret = null;
      return;
    }
    this.note = null;
    const st = this.state;
    if (!st) return;
    // Focus in the card goes back to the draft, never to the page's body (whose next Tab stop is Send).
    const hadFocus = this.focused;
    st.session.setActive(null);
    this.state = null;
    this.lastAnnounced = '';
    this.actions.cardClosed?.();
    this.render();
    this.focusedAction = null;
    if (hadFocus) this.backToDraft(st.session);
    this.caret = null;
    this.actions.changed();
  }

  private get focused(): boolean {
    return this.focusedAction !== null;
  }

  /** Focus the composer again, the caret where the user left it (unless an edit of ours placed it since). */
  private backToDraft(session: Session): void {
    if (!session.root.isConnected) return;
    if (this.caret) this.caret.restore();
    else session.root.focus({ preventScroll: true });
    this.caret = null;
    // The hint now speaks about the editor (Tab to the card again).
    if (this.state?.session === session) this.render();
  }

  /** Hover cards close a moment after the pointer leaves both the words and the card. */
  closeSoon(): void {
    if (!this.state || this.state.mode !== 'hover' || this.state.busy || this.closeTimer) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = null;
      if (this.state?.mode === 'hover' && !this.state.busy) this.close();
    }, 300);
  }

  cancelClose(): void {
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  /** A session was re-analysed or went away: follow the finding, or close. */
  sessionChanged(session: Session): void {
    if (this.note?.session === session && !this.state && session.disposed) return this.close();
    const st = this.state;
    if (!st || st.session !== session) return;
    if (session.disposed || session.paused) return this.close();
    // Keep the card on the finding as last analysed; if it vanished (the words were edited), Apply
    // will refuse with a clear message rather than rewrite something else.
    const current = session.find(st.finding.key);
    if (current) st.finding = current;
    session.setActive(current ? current.key : null);
    this.render();
  }

  /** Span findings of the open card's session that overlap its words (several rules on one sentence). */
  siblings(): TrackedFinding[] {
    const st = this.state;
    if (!st) return [];
    const f = st.finding;
    if (st.all) {
      const all = [...st.session.findings].sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
      return all.some((g) => g.key === f.key) ? all : [f, ...all];
    }
    // Missing statements all sit at the end of the draft: page through them together.
    if (f.kind === 'missing') {
      const missing = st.session.findings.filter((g) => g.kind === 'missing');
      return missing.some((g) => g.key === f.key) ? missing : [f, ...missing];
    }
    const overlapping = st.session.findings.filter((g) => g.kind === 'span' && g.start < f.end && f.start < g.end);
    if (!overlapping.some((g) => g.key === f.key)) overlapping.push(f);
    // The user's own phrases first: their message is what they asked to see there.
    const own = (g: TrackedFinding) => (g.rule.startsWith('custom-') ? 0 : 1);
    return overlapping.sort((a, b) => own(a) - own(b) || a.start - b.start || a.key.localeCompare(b.key));
  }

  /** Show the next (or previous) issue on the same words. */
  step(delta: number): void {
    const st = this.state;
    if (!st) return;
    const list = this.siblings();
    if (list.length < 2) return;
    const i = list.findIndex((g) => g.key === st.finding.key);
    const next = list[(i + delta + list.length) % list.length]!;
    const mode = st.mode === 'hover' ? 'click' : st.mode; // navigating means the user wants it to stay
    this.state = { ...st, finding: next, mode, activeIndex: usable(next)[0] ?? 0, status: null };
    st.session.setActive(next.key);
    this.render();
    this.actions.changed();
  }

  move(delta: number): void {
    const st = this.state;
    if (!st) return;
    // Only among the rewrites the editor can take (a blocked one cannot be chosen with Enter).
    const ok = usable(st.finding);
    if (ok.length) {
      const at = ok.indexOf(st.activeIndex);
      st.activeIndex = ok[(Math.max(0, at) + (at < 0 ? 0 : delta) + ok.length) % ok.length]!;
    }
    st.mode = 'keyboard';
    this.render();
  }

  /** Enter in the draft has something to apply (else it is a new line, and the card steps aside). */
  canApply(): boolean {
    return !!this.state && usable(this.state.finding).length > 0;
  }

  applyActive(): void {
    if (this.state) void this.apply(this.state.activeIndex);
  }

  async apply(index: number): Promise<void> {
    const st = this.state;
    if (!st || st.busy) return;
    st.busy = true;
    st.status = null;
    this.render();
    const result = await this.actions.apply(st.session, st.finding, index);
    if (this.state !== st) return; // closed meanwhile (composer removed)
    st.busy = false;
    if (result.ok) {
      // The rewrite put the caret after itself: focus goes back there, not to the caret before it.
      this.caret = null;
      this.close();
      this.announce(st.finding.kind === 'missing' ? 'Boundary statement inserted. Ctrl+Z takes it out.' : 'Rewrite applied. Ctrl+Z undoes it.');
    } else {
      st.status = { tone: 'error', text: result.error ?? 'Nothing was changed.' };
      // Keep the explanation up until the user dismisses it, even if the pointer wanders off.
      if (st.mode === 'hover') st.mode = 'click';
      this.render();
    }
  }

  ignore(): void {
    const st = this.state;
    if (!st || st.busy) return;
    const f = st.finding;
    const quote = f.kind === 'span' ? markedText(f) : '';
    st.session.ignore(f);
    this.showNotice(st, {
      text: quote ? `Ignored “${quote}” in this draft.` : `Ignored in this draft: ${f.message}`,
      run: async () => {
        if (!st.session.unignore(f.key)) throw new Error('It is no longer in this draft.');
        return 'Shown again.';
      },
    });
    this.announce('Ignored in this draft. Alt+U undoes it.');
  }

  /** Replace the card by the Undo notice; keyboard focus in the card moves to its Undo button. */
  private showNotice(st: OpenCard, n: Pick<UndoNotice, 'text' | 'run'>): void {
    const hadFocus = this.focused;
    st.session.setActive(null);
    this.state = null;
    this.lastAnnounced = '';
    this.note = { session: st.session, finding: st.finding, ...n, busy: false, error: null };
    this.render();
    this.actions.changed();
    if (hadFocus) this.noticeButton()?.focus();
  }

  private noticeButton(): HTMLElement | null {
    return this.popover?.querySelector<HTMLElement>('button[data-action="undo"]:not([disabled])') ?? null;
  }

  /** Undo the Ignore or the Turn off the notice speaks about (its button, or Alt+U). */
  async undo(): Promise<void> {
    const note = this.note;
    if (!note || note.busy || this.state) return;
    // Disabling the busy button blurs it (in some Chromium versions before the undo returns): decide
    // now whether focus goes back to the draft afterwards.
    const hadFocus = this.focused;
    note.busy = true;
    note.error = null;
    this.render();
    let said: string;
    try {
      said = await note.run();
    } catch (e) {
      if (this.note !== note) return;
      note.busy = false;
      note.error = `Could not undo: ${(e instanceof Error && e.message.trim().replace(/[.\s]+$/, '')) || 'Clearline’s background did not answer'}.`;
      this.render();
      this.announce(note.error);
      return;
    }
    if (this.note === note) {
      if (hadFocus) this.focusedAction = 'undo';
      this.close();
    }
    this.announce(said);
  }

  /** Tab from the editor: into the card's first action, before anything of the page (such as Send). */
  focusCard(): boolean {
    if (this.note && !this.state) {
      const undo = this.noticeButton();
      if (!undo) return false;
      this.caret = keepCaret(this.note.session.root);
      undo.focus();
      return true;
    }
    // The rewrite chosen with ↑ ↓ from the editor, else the first action: Tab then Enter applies
    // what the card shows as chosen.
    const order = this.tabOrder();
    const first = order.find((b) => b.classList.contains('suggestion') && b.dataset.active === 'true' && !b.hasAttribute('disabled')) ?? order[0];
    if (!first || !this.state) return false;
    if (this.state.mode === 'hover') this.state.mode = 'click'; // keep it open while the pointer is away
    this.caret = keepCaret(this.state.session.root);
    first.focus();
    return true;
  }

  /** Escape in the card: close it and write on where the caret was. */
  escape(): void {
    const session = this.state?.session ?? this.note?.session;
    if (!session) return;
    const hadFocus = this.focused;
    this.close();
    if (!hadFocus) this.backToDraft(session);
  }

  /** The card's enabled buttons in the order Tab walks them: the actions first, the pager and Close last. */
  private tabOrder(): HTMLElement[] {
    const el = this.popover;
    if (!el || !this.state) return [];
    const buttons = [...el.querySelectorAll<HTMLElement>('button[data-action]:not([disabled])')];
    const rank = (b: HTMLElement) => CARD_ACTIONS.indexOf(b.dataset.action as CardAction);
    return buttons.sort((a, b) => rank(a) - rank(b));
  }

  async disableRule(): Promise<void> {
    const st = this.state;
    if (!st || st.busy) return;
    st.busy = true;
    st.status = null;
    this.render();
    let result: { ok: boolean; error?: string; wasEnabled?: boolean | null };
    try {
      result = await this.actions.disableRule(st.finding);
    } catch (e) {
      result = { ok: false, error: e instanceof Error ? e.message : undefined };
    }
    if (result?.ok === true) {
      const f = st.finding;
      const wasEnabled = result.wasEnabled ?? null;
      const restore = this.actions.restoreRule;
      if (this.state === st && restore) {
        st.busy = false;
        this.showNotice(st, {
          text: `Turned off everywhere: ${f.message}`,
          run: async () => {
            const back = await restore(f, wasEnabled);
            if (!back?.ok) throw new Error(back?.error ?? '');
            return 'Rule turned on again.';
          },
        });
        this.announce('Rule turned off. Alt+U turns it back on; so does Settings.');
        return;
      }
      const back = this.focused;
      if (this.state === st) this.close();
      this.announce('Rule turned off. You can turn it back on in Settings.');
      if (back) st.session.root.focus();
      return;
    }
    if (this.state !== st) return;
    // Not turned off: say so and why; the finding stays where it is.
    st.busy = false;
    st.status = { tone: 'error', text: ruleNotTurnedOff(result?.error) };
    if (st.mode === 'hover') st.mode = 'click';
    this.render();
  }

  /** Keys while a card button has focus: arrows walk the rewrites, Tab past either end returns to the draft. */
  private cardKey(e: KeyboardEvent): void {
    const el = this.popover;
    const note = this.note;
    if (note && !this.state && el && e.isTrusted && e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // One button: Tab either way goes back to the draft at the caret.
      e.preventDefault();
      this.focusedAction = null;
      this.backToDraft(note.session);
      this.render();
      return;
    }
    const st = this.state;
    if (!st || !el || !e.isTrusted) return;
    if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // Our own order (the actions first); past either end, back to the draft at the caret.
      e.preventDefault();
      const order = this.tabOrder();
      const at = order.indexOf(e.target as HTMLElement);
      const next = order[at + (e.shiftKey ? -1 : 1)];
      if (at >= 0 && next) next.focus();
      else {
        this.focusedAction = null;
        this.backToDraft(st.session);
      }
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const rewrites = [...el.querySelectorAll<HTMLElement>('.suggestion:not([disabled])')];
      const i = rewrites.indexOf(e.target as HTMLElement);
      if (i < 0) return;
      e.preventDefault();
      rewrites[(i + (e.key === 'ArrowDown' ? 1 : rewrites.length - 1)) % rewrites.length]!.focus();
    }
  }

  /** Re-place the card under its words (scroll, resize, re-analysis), flipping above when short of room. */
  reposition(): void {
    if (!this.state || !this.popover) return;
    const rects = this.state.session.rectsOf(this.state.finding);
    // No rects: the words scrolled out of the composer or are being retyped; keep the last place.
    if (!rects.length) return;
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    const top0 = Math.min(...rects.map((r) => r.top));
    // Measure the card at its natural height (a cap set by an earlier placement comes off first).
    const inner = this.popover.querySelector<HTMLElement>('.card') ?? this.popover;
    inner.style.maxHeight = '';
    inner.style.overflowY = '';
    const card = this.popover.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    // A one-line span: align with its start. A wrapped one: with the start of its last line.
    const anchorLeft = rects.length === 1 ? first.left : last.left;
    const left = Math.max(8, Math.min(anchorLeft, vw - card.width - 8));
    // Below the words, else above them, else below the caret's line: never over the line being typed.
    const caret = caretLine(this.state.session.root);
    const fits = (t: number) => t >= 8 && t + card.height <= vh - 8;
    const clear = (t: number) => !caret || t >= caret.bottom + 2 || t + card.height <= caret.top - 2;
    const candidates = [last.bottom + 6, top0 - card.height - 6, ...(caret ? [caret.bottom + 6, caret.top - card.height - 6] : [])];
    let top = candidates.find((t) => fits(t) && clear(t));
    let height = card.height;
    if (top === undefined) {
      // Too tall for any place clear of the typing line (a laptop screen, 200 % zoom): the card takes
      // the larger free side of that line, or the whole window when there is no caret line, and
      // scrolls inside, so it neither covers what is being typed nor runs off the window.
      // The line kept clear: the caret's, else the words the card is about.
      const line = caret ?? { top: top0, bottom: last.bottom };
      const below = { top: line.bottom + 6, room: vh - 8 - (line.bottom + 6) };
      const above = { top: 8, room: line.top - 6 - 8 };
      const side = below.room >= above.room ? below : above;
      if (side.room >= 96) {
        height = Math.min(card.height, side.room);
        top = side === below ? below.top : line.top - 6 - height;
        inner.style.maxHeight = `${Math.floor(height)}px`;
        inner.style.overflowY = 'auto';
      } else top = candidates.find(fits) ?? last.bottom + 6;
    }
    top = Math.max(8, Math.min(top, vh - height - 8));
    this.popover.style.left = `${Math.round(left)}px`;
    this.popover.style.top = `${Math.round(top)}px`;
  }

  private ensurePopover(): HTMLElement {
    if (this.popover) return this.popover;
    const doc = this.host.shadow.ownerDocument;
    const style = doc.createElement('style');
    style.textContent = cardCss;
    const el = doc.createElement('div');
    el.className = 'popover';
    el.setAttribute('popover', 'manual');
    // Keep the editor focused and its selection intact while the user clicks in the card.
    const keep = (e: Event) => e.preventDefault();
    el.addEventListener('mousedown', keep);
    el.addEventListener('pointerdown', keep);
    el.addEventListener('focusin', (e) => {
      const action = (e.target as HTMLElement).dataset?.action as CardAction | undefined;
      this.focusedAction = action ?? 'close';
      if (this.state || this.note) this.render();
    });
    el.addEventListener('focusout', (e) => {
      if (el.contains((e as FocusEvent).relatedTarget as Node | null)) return;
      this.focusedAction = null;
      if (this.state || this.note) this.render();
    });
    el.addEventListener('keydown', (e) => this.cardKey(e));
    el.addEventListener('pointerenter', () => this.cancelClose());
    el.addEventListener('pointerleave', () => this.closeSoon());
    this.host.cardSlot.append(style, el);
    this.popover = el;
    return el;
  }

  /** Screen readers hear what the card says while focus stays in the editor. */
  private announce(text: string): void {
    this.actions.announce(text);
  }

  /** The open card's own description in the live region (it goes when the card closes). */
  private describe(text: string): void {
    this.actions.announce(text, true);
  }

  private announceState(): void {
    const st = this.state;
    if (!st) return;
    const f = st.finding;
    const key = `${f.key}|${st.mode}|${st.activeIndex}`;
    if (key === this.lastAnnounced) return;
    this.lastAnnounced = key;
    if (st.mode === 'hover' || st.mode === 'click') {
      this.describe(`Clearline ${f.severity}: ${f.message} Alt+Enter opens it from the keyboard.`);
      return;
    }
    if (st.mode === 'marker') {
      // Opened by the indicator or the + marker: Enter in the draft is a new line here, not Apply.
      this.describe(`Clearline ${f.severity}: ${f.message} Tab reaches its buttons. Escape closes.`);
      return;
    }
    const n = Math.min(3, f.suggestions.length);
    const chosen = f.suggestions[st.activeIndex] ?? '';
    const choice =
      f.kind === 'missing'
        ? 'Enter inserts your boundary statement.'
        : !usable(f).length
          ? (rewriteBlocker(f, 0) ?? 'No rewrite to offer; edit it by hand.')
          : `Rewrite ${st.activeIndex + 1} of ${n}: ${chosen.trim() ? chosen : 'take it out.'} Enter applies it.`;
    this.describe(`Clearline: ${f.message} ${choice} Escape closes.`);
  }

  private rendering = false;
  private renderAgain = false;

  /**
   * Draw the card (or the Undo notice) from the state. A render can take away the focused button,
   * whose focusout asks for another render: that one runs after, never inside Preact's diff.
   */
  private render(): void {
    if (this.rendering) {
      this.renderAgain = true;
      return;
    }
    this.rendering = true;
    try {
      do {
        this.renderAgain = false;
        this.draw();
      } while (this.renderAgain);
    } finally {
      this.rendering = false;
    }
  }

  private draw(): void {
    const st = this.state;
    const note = this.note;
    if (!st && note) {
      const el = this.ensurePopover();
      render(
        <UndoCard
          text={note.text}
          busy={note.busy}
          error={note.error}
          focused={this.focusedAction === 'undo'}
          editorFocused={editorHasFocus(note.session.root)}
          onUndo={() => void this.undo()}
          onClose={() => this.close()}
        />,
        el,
      );
      if (!el.matches(':popover-open')) el.showPopover();
      return;
    }
    if (!st) {
      if (this.popover) {
        render(null, this.popover);
        if (this.popover.matches(':popover-open')) this.popover.hidePopover();
      }
      return;
    }
    const el = this.ensurePopover();
    const f = st.finding;
    const siblings = this.siblings();
    // Each rewrite the editor cannot take in one piece: say so before the user tries (all of them blocked).
    const blocked = f.suggestions.slice(0, 3).map((_, i) => !!rewriteBlocker(f, i));
    const model: CardModel = {
      key: f.key,
      kind: f.kind,
      severity: f.severity,
      pack: f.pack,
      message: f.message,
      why: f.why,
      text: f.text,
      quote: f.kind === 'span' ? markedText(f) : '',
      also: (f.also ?? []).map((a) => ({ message: a.message, quote: (a.marks?.length ? a.marks : [a.focus]).map((m) => f.source.slice(m.start, m.end)).join(' … ') })),
      suggestions: f.suggestions,
      activeIndex: st.activeIndex,
      keyboard: st.mode === 'keyboard',
      focus: null,
      editorFocused: editorHasFocus(st.session.root),
      busy: st.busy,
      // A span the editor cannot take in one piece: say so before the user tries.
      status: st.status ?? (blocked.length && blocked.every(Boolean) ? { tone: 'info', text: rewriteBlocker(f)! } : null),
      blocked,
      position: siblings.length > 1 ? { index: siblings.findIndex((g) => g.key === f.key) + 1, count: siblings.length } : null,
    };
    if (this.focusedAction) {
      const order = this.tabOrder();
      const active = this.host.shadow.activeElement as HTMLElement | null;
      model.focus = { action: this.focusedAction, last: !!active && order.indexOf(active) === order.length - 1 };
    }
    render(
      <Card
        model={model}
        onApply={(i) => void this.apply(i)}
        onIgnore={() => this.ignore()}
        onDisableRule={() => void this.disableRule()}
        onClose={() => this.close()}
        onStep={(d) => this.step(d)}
      />,
      el,
    );
    if (!el.matches(':popover-open')) el.showPopover();
    this.reposition();
    this.announceState();
  }
}

/** The rewrites (of the three shown) the editor can take in one piece. */
function usable(f: TrackedFinding): number[] {
  if (f.kind !== 'span') return [0];
  return f.suggestions
    .slice(0, 3)
    .map((_, i) => i)
    .filter((i) => !rewriteBlocker(f, i));
}

/** Keyboard focus is on the composer or inside it (through open shadow roots). */
function editorHasFocus(root: HTMLElement): boolean {
  const active = deepActiveElement(root.ownerDocument);
  return !!active && (active === root || root.contains(active));
}
