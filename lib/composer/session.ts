// One live composer: read the text → (debounced) analyse in the background → keep findings and
// their ranges → paint them (boxes in our own host, overlay.ts). Stale results are dropped by a
// version counter bumped on every edit.
import type { AnalyzeResponse } from '../messages';
import type { Finding, Severity } from '../engine/types';
import type { SiteAdapter } from './sites/types';
import { readModel, isTextField, type TextModel } from './text-model';
import { clipRects, fieldRects, visibleBox, type OverlayBox, type OverlayMarker, type OverlaySource } from './overlay';
import type { Host } from './host';
import { nextFrame } from './next-frame';
import { markedRanges } from '../engine/marked';

export { markedRanges, marked } from '../engine/marked';

/** A finding as the page keeps it: with a stable key and the context needed to find it again. */
export interface TrackedFinding extends Finding {
  /** `<session>:<pack>/<rule>:<kind>:<text>:<n>`: survives typing elsewhere in the draft. */
  key: string;
  /** The flagged text when analysed ('' for missing statements). */
  text: string;
  /** Up to 16 characters before and after the span when analysed, to re-anchor it. */
  prefix: string;
  suffix: string;
  /** The whole text this finding's offsets refer to. */
  source: string;
}

export const CONTEXT_CHARS = 16;

/** The underlined words as analysed (several phrases joined by an ellipsis, as the card quotes them). */
export function markedText(f: TrackedFinding): string {
  return markedRanges(f)
    .map((m) => f.source.slice(m.start, m.end))
    .join(' … ');
}

export const DEBOUNCE_MS = 100;
/**
 * A long or hostile draft comes back partial (the engine stops at its work budget and caches what it
 * finished): ask again shortly, so the rest appears without another keystroke. Each pass finishes at
 * least one more piece; the cap only guards against a background that never completes.
 */
export const PARTIAL_RETRY_MS = 30;
export const MAX_PARTIAL_PASSES = 400;

const SEVERITY_RANK: Record<Severity, number> = { suggestion: 0, warning: 1, alert: 2 };

export interface SessionDeps {
  host: Host;
  analyze(text: string): Promise<AnalyzeResponse>;
  /** Findings, pause state or the active finding changed. */
  changed(session: Session): void;
  /** Overlay must redraw (underline boxes, markers). */
  redraw(): void;
  /** Scrolls inside the shadow roots `root` sits in must redraw too. */
  watch?(root: HTMLElement): void;
  /** The user activated a missing-statement marker. */
  openMarker(session: Session, finding: TrackedFinding): void;
}

let nextId = 1;

/** The missing-statement marker's side: a 24 px target (WCAG 2.5.8). */
const MARKER_SIZE = 24;

export class Session implements OverlaySource {
  readonly id = nextId++;
  readonly isField: boolean;
  findings: TrackedFinding[] = [];
  /** The text the current findings' offsets refer to. */
  analysedText = '';
  paused = false;
  /** An analysis has answered for this composer (until then its count is not known). */
  checked = false;
  /** Why the background could not analyse the draft (e.g. too long); findings are empty then. */
  error: string | null = null;
  /** The finding whose card is open, if it belongs here. */
  activeKey: string | null = null;
  composing = false;
  disposed = false;

  private version = 0;
  private lastSent: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Each span finding's underlined phrases, as live ranges in the editor. */
  private ranges = new Map<string, Range[]>();
  private ignored = new Set<string>();
  private listeners: Array<[EventTarget, string, EventListener]> = [];

  constructor(
    readonly root: HTMLElement,
    readonly adapter: SiteAdapter,
    private deps: SessionDeps,
  ) {
    this.isField = isTextField(root);
    // Synthetic events from page scripts change nothing: an input event with the text as last sent
    // would hold analysis back for ever (each one restarts the pause), and a composition start would
    // make Apply wait for a character that is never typed. A page's own edit (new text) still counts,
    // unless an analysis is already due (it reads the text when it runs).
    const onInput = (e: Event) => {
      if (!e.isTrusted && (this.timer || this.read().text === this.lastSent)) return;
      this.edited();
    };
    this.listen(root, 'input', onInput);
    this.listen(root, 'compositionstart', (e) => {
      if (e.isTrusted) this.composing = true;
    });
    this.listen(root, 'compositionend', (e) => {
      if (!e.isTrusted) return;
      this.composing = false;
      this.edited();
    });
    deps.watch?.(root);
    // The editor grows or shrinks (a new line, a resized window): its words move.
    if (typeof ResizeObserver === 'function') {
      this.resizer = new ResizeObserver(() => this.deps.redraw());
      this.resizer.observe(root);
    }
    if (!this.isField) {
      // Editors re-create text nodes without an input event (undo, re-render), which collapses our
      // ranges: check them once per frame after DOM changes, and rebuild when the text is the same.
      this.observer = new MutationObserver(() => {
        this.cached = null;
        if (this.checkFrame || this.timer) return;
        this.checkFrame = nextFrame(() => {
          this.checkFrame = null;
          this.checkRanges();
        });
      });
      this.observer.observe(root, { childList: true, characterData: true, subtree: true });
    }
  }

  private observer: MutationObserver | null = null;
  private resizer: ResizeObserver | null = null;
  /** Last model read for drawing (marker position on every scroll frame); dropped on any change. */
  private cached: TextModel | null = null;
  /** Passes asked in a row for a draft whose answers came back partial. */
  private partialPasses = 0;
  private checkFrame: (() => void) | null = null;

  /** Rebuild ranges that no longer cover their words (when the draft still reads as analysed). */
  checkRanges(): void {
    if (this.disposed || this.isField) return;
    const broken = this.findings.some((f) => {
      if (f.kind !== 'span') return false;
      const rs = this.ranges.get(f.key);
      const marks = markedRanges(f);
      return !rs || rs.length !== marks.length || rs.some((r, i) => r.toString().replace(/\u00A0/g, ' ') !== f.source.slice(marks[i]!.start, marks[i]!.end));
    });
    if (!broken) return;
    const model = this.read();
    if (model.text === this.analysedText) this.place(model);
  }

  get label(): string {
    return this.adapter.label(this.root);
  }

  read(): TextModel {
    return readModel(this.root, this.adapter);
  }

  /** The draft changed: everything in flight is stale; analyse again after a pause in typing. */
  edited(): void {
    this.cached = null;
    this.partialPasses = 0;
    this.version++;
    this.schedule(DEBOUNCE_MS);
    // The words after the caret moved: so do their underlines (the ranges are live), this frame.
    this.deps.redraw();
  }

  schedule(delay = 0, force = false): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    if (force) this.lastSent = null;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  /** Read, analyse when the text changed, and repaint. */
  async refresh(): Promise<void> {
    if (this.disposed || !this.root.isConnected) return;
    const model = this.read();
    const text = model.text;
    if (text === this.lastSent && text === this.analysedText) {
      // Same text: the findings still hold, but the editor may have re-created nodes under our ranges.
      this.place(model);
      return;
    }
    const version = ++this.version;
    this.lastSent = text;
    let response: AnalyzeResponse;
    if (!text.trim()) {
      response = { findings: [], paused: false };
    } else {
      try {
        response = await this.deps.analyze(text);
      } catch {
        // Background restarting (extension update): try again on the next edit.
        this.lastSent = null;
        return;
      }
    }
    if (version !== this.version || this.disposed) return; // superseded by an edit or a newer request
    this.paused = response.paused;
    this.checked = true;
    this.error = response.error ?? null;
    this.analysedText = text;
    this.findings = response.paused ? [] : this.track(text, response.findings ?? []);
    // Read again: the editor may have re-created nodes (or changed the text without an input event)
    // while the background worked. place() only builds ranges when the text still matches.
    const now = this.read();
    this.place(now);
    if (now.text !== text) this.schedule(0);
    else if (response.partial && this.partialPasses++ < MAX_PARTIAL_PASSES) this.schedule(PARTIAL_RETRY_MS, true);
    if (!response.partial) this.partialPasses = 0;
    this.deps.changed(this);
  }

  private track(text: string, findings: Finding[]): TrackedFinding[] {
    const seen = new Map<string, number>();
    const out: TrackedFinding[] = [];
    for (const f of findings) {
      const flagged = f.kind === 'span' ? text.slice(f.start, f.end) : '';
      const base = `${f.pack}/${f.rule}:${f.kind}:${flagged}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const ignoreKey = `${base}:${n}`;
      if (this.ignored.has(ignoreKey)) continue;
      out.push({
        ...f,
        key: `${this.id}:${ignoreKey}`,
        text: flagged,
        prefix: text.slice(Math.max(0, f.start - CONTEXT_CHARS), f.start),
        suffix: text.slice(f.end, f.end + CONTEXT_CHARS),
        source: text,
      });
    }
    // Most severe first, then in reading order: the popup and keyboard walk them this way.
    return out.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.start - b.start);
  }

  /** Build ranges for the findings from `model` (same text as analysed) and paint them. */
  private place(model: TextModel): void {
    this.ranges.clear();
    if (!this.isField && model.text === this.analysedText) {
      for (const f of this.findings) {
        if (f.kind !== 'span') continue;
        const rs = markedRanges(f).map((m) => model.rangeFor(m.start, m.end));
        if (rs.every((r): r is Range => !!r)) this.ranges.set(f.key, rs);
      }
    }
    this.paint();
  }

  /** Redraw our boxes (they are drawn from the findings and ranges on the next frame). */
  paint(): void {
    if (this.disposed) return;
    this.deps.redraw();
  }

  setActive(key: string | null): void {
    if (this.activeKey === key) return;
    this.activeKey = key;
    this.paint();
  }

  /** Hide this occurrence for the rest of this draft. */
  ignore(finding: TrackedFinding): void {
    this.ignored.add(finding.key.slice(finding.key.indexOf(':') + 1));
    this.findings = this.findings.filter((f) => f.key !== finding.key);
    this.ranges.delete(finding.key);
    if (this.activeKey === finding.key) this.activeKey = null;
    this.paint();
    this.deps.changed(this);
  }

  /** Undo an Ignore: the occurrence shows again after a fresh analysis. */
  unignore(key: string): boolean {
    const removed = this.ignored.delete(key.slice(key.indexOf(':') + 1));
    if (removed) this.schedule(0, true);
    return removed;
  }

  find(key: string): TrackedFinding | undefined {
    return this.findings.find((f) => f.key === key);
  }

  /** Where a finding is on screen now (clipped to what shows of the composer). */
  rectsOf(f: TrackedFinding, clip: DOMRect | null = visibleBox(this.root)): DOMRect[] {
    if (f.kind !== 'span') {
      const m = this.markerPoint();
      return m ? [new DOMRect(m.x, m.y, MARKER_SIZE, MARKER_SIZE)] : [];
    }
    if (!clip) return [];
    if (this.isField) {
      // Offsets refer to the analysed text; only measure while the field still holds it.
      if ((this.root as HTMLTextAreaElement).value.replace(/\u00A0/g, ' ') !== this.analysedText) return [];
      const field = this.root as HTMLTextAreaElement;
      return markedRanges(f).flatMap((m) => clipRects(fieldRects(this.deps.host, field, m.start, m.end), clip));
    }
    const rs = this.ranges.get(f.key) ?? [];
    return rs.flatMap((r) => clipRects(Array.from(r.getClientRects()), clip));
  }

  /** OverlaySource: the editor's box and its first underlined word's (cheap; read every frame while drawn). */
  layout(): string {
    if (this.disposed || !this.findings.length) return '';
    const b = this.root.getBoundingClientRect();
    let key = `${b.left},${b.top},${b.width},${b.height}`;
    const first = this.findings.find((f) => f.kind === 'span');
    const r = first && this.ranges.get(first.key)?.[0]?.getBoundingClientRect();
    if (r) key += `:${r.left},${r.top},${r.width}`;
    return key;
  }

  /** Span findings under the pointer (several rules can cover the same words). */
  findingsAt(x: number, y: number): TrackedFinding[] {
    this.checkRanges();
    const out: TrackedFinding[] = [];
    const clip = visibleBox(this.root);
    for (const f of this.findings) {
      if (f.kind !== 'span') continue;
      if (this.rectsOf(f, clip).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) out.push(f);
    }
    return out;
  }

  findingAt(x: number, y: number): TrackedFinding | undefined {
    return this.findingsAt(x, y)[0];
  }

  /** OverlaySource: one box per line of each flagged span, cut to what shows of the composer. */
  boxes(): OverlayBox[] {
    if (this.disposed) return [];
    const clip = visibleBox(this.root);
    // Drawn in order: the more severe over the less, the open card's finding over all.
    const order = (f: TrackedFinding) => (f.key === this.activeKey ? 3 : SEVERITY_RANK[f.severity]);
    return this.findings
      .filter((f) => f.kind === 'span')
      .sort((a, b) => order(a) - order(b))
      .map((f) => ({ key: f.key, severity: f.severity, rects: this.rectsOf(f, clip), active: f.key === this.activeKey }));
  }

  markers(): OverlayMarker[] {
    if (this.disposed) return [];
    const missing = this.findings.find((f) => f.kind === 'missing');
    if (!missing) return [];
    const pt = this.markerPoint();
    if (!pt) return [];
    return [
      {
        key: missing.key,
        x: pt.x,
        y: pt.y,
        label: 'Clearline: add your boundary statement',
        active: missing.key === this.activeKey,
        onActivate: () => this.deps.openMarker(this, missing),
      },
    ];
  }

  /** Just after the end of the body text, kept inside the composer's box. */
  private markerPoint(): { x: number; y: number } | null {
    const box = this.root.getBoundingClientRect();
    if (!box.width || !box.height) return null;
    let x = box.right - MARKER_SIZE - 6;
    let y = box.bottom - MARKER_SIZE - 6;
    if (!this.isField) {
      const model = (this.cached ??= this.read());
      const end = model.text.trimEnd().length;
      const r = model.rangeFor(Math.max(0, end - 1), end);
      const rects = r ? Array.from(r.getClientRects()) : [];
      const last = rects[rects.length - 1];
      if (last && last.width + last.height > 0) {
        x = last.right + 6;
        y = last.top + (last.height - MARKER_SIZE) / 2;
      }
    }
    x = Math.min(Math.max(x, box.left + 2), box.right - MARKER_SIZE - 2);
    y = Math.min(Math.max(y, box.top + 2), box.bottom - MARKER_SIZE - 2);
    return { x, y };
  }

  warningCount(): number {
    return this.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning).length;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.checkFrame?.();
    this.observer?.disconnect();
    this.resizer?.disconnect();
    for (const [t, type, fn] of this.listeners) t.removeEventListener(type, fn);
    this.listeners = [];
    this.findings = [];
    this.ranges.clear();
    this.deps.redraw();
  }

  private listen(target: EventTarget, type: string, fn: EventListener): void {
    target.addEventListener(type, fn);
    this.listeners.push([target, type, fn]);
  }
}
